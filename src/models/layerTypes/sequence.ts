/** Embedding, recurrent layers (SimpleRNN, LSTM, GRU), self-attention and positional embedding. */
import { formatShape, POSITION_MODES, type LayerOf, type RecurrentSpec, type Shape } from '../spec';
import {
  checkInt,
  checkKernelOptions,
  checkRate,
  fail,
  setting,
  layerProblem,
  KERNEL_FIELDS,
  needsSequence,
  type LayerShapeResult,
  type LayerType,
} from './types';

export const embedding: LayerType<'embedding'> = {
  kind: 'embedding',
  label: 'Embedding',
  group: 'Sequence',
  summary: 'Looks up a learned vector for each token id: [T] ids → [T, size].',
  fields: [
    { key: 'inputDim', label: 'vocabulary', type: 'int', min: 2, max: 100000 },
    { key: 'outputDim', label: 'size', type: 'int', min: 1, max: 1024 },
    ...KERNEL_FIELDS.filter((f) => f.key !== 'kernelInitializer'),
  ],
  create: (id) => ({ id, kind: 'embedding', inputDim: 1000, outputDim: 16 }),
  infer(layer, input, ctx) {
    const bad =
      checkInt(layer.inputDim, 'vocabularySize', 2) ??
      checkInt(layer.outputDim, 'embeddingSize', 1) ??
      checkKernelOptions(layer);
    if (bad) return fail(bad);
    if (!ctx.inputIsTokens || input.length !== 1) {
      return fail(layerProblem('layers.embeddingNeedsTokens', { shape: formatShape(input) }));
    }
    if (ctx.tokenVocab !== null && layer.inputDim < ctx.tokenVocab) {
      return fail(
        layerProblem('layers.embeddingTooSmall', { rows: layer.inputDim, vocab: ctx.tokenVocab }),
        setting('layers.fix.vocabulary', 'inputDim', ctx.tokenVocab),
      );
    }
    // Keras: one vector of outputDim per vocabulary entry.
    return {
      ok: true,
      outputShape: [input[0] ?? 0, layer.outputDim],
      params: layer.inputDim * layer.outputDim,
    };
  },
};

/** Parameters per gate: input kernel [d, units] + recurrent kernel [units, units] + bias [units]. */
function gateParams(inputs: number, units: number): number {
  return units * (inputs + units) + units;
}

function recurrent<K extends 'simplernn' | 'lstm' | 'gru'>(
  kind: K,
  label: string,
  gates: number,
  summary: string,
): LayerType<K> {
  return {
    kind,
    label,
    group: 'Sequence',
    summary,
    fields: [
      { key: 'units', label: 'units', type: 'int', min: 1, max: 1024 },
      { key: 'returnSequences', label: 'all steps', type: 'bool' },
      ...KERNEL_FIELDS,
    ],
    create: (id) => ({ id, kind, units: 32, returnSequences: false }) as LayerOf<K>,
    infer(layer: RecurrentSpec, input: Shape): LayerShapeResult {
      const bad =
        checkInt(layer.units, 'units', 1) ??
        checkKernelOptions(layer) ??
        needsSequence(label, input);
      if (bad) return fail(bad);
      const [steps = 0, features = 0] = input;
      return {
        ok: true,
        outputShape: layer.returnSequences ? [steps, layer.units] : [layer.units],
        params: gates * gateParams(features, layer.units),
      };
    },
  };
}

export const simplernn = recurrent(
  'simplernn',
  'SimpleRNN',
  1,
  'A recurrent layer: its state at each step mixes the input with the previous state.',
);
export const lstm = recurrent(
  'lstm',
  'LSTM',
  4,
  'Long short-term memory: input, forget and output gates decide what the cell state keeps.',
);
// tfjs's GRU has no reset_after: its count equals Keras GRU(reset_after=False).
export const gru = recurrent(
  'gru',
  'GRU',
  3,
  'Gated recurrent unit: update and reset gates; lighter than an LSTM. (Counts as Keras with reset_after=False.)',
);

/** Keras MultiHeadAttention(num_heads=h, key_dim=k) as self-attention over d features. */
export function attentionParams(d: number, heads: number, keyDim: number): number {
  const hk = heads * keyDim;
  return 3 * (d * hk + hk) + hk * d + d;
}

export const attention: LayerType<'attention'> = {
  kind: 'attention',
  label: 'MultiHeadAttention',
  group: 'Sequence',
  summary:
    'Self-attention: each position mixes all positions, weighted by softmax(QKᵀ/√d_k), per head.',
  fields: [
    { key: 'numHeads', label: 'heads', type: 'int', min: 1, max: 16 },
    { key: 'keyDim', label: 'key dim', type: 'int', min: 1, max: 256 },
    { key: 'causal', label: 'causal', type: 'bool' },
    { key: 'dropout', label: 'dropout', type: 'float', min: 0, max: 0.9, step: 0.05 },
  ],
  create: (id) => ({ id, kind: 'attention', numHeads: 2, keyDim: 8, causal: false, dropout: 0 }),
  infer(layer, input) {
    const bad =
      checkInt(layer.numHeads, 'heads', 1) ??
      checkInt(layer.keyDim, 'keyDimension', 1) ??
      checkRate(layer.dropout, 'attentionDropout') ??
      needsSequence('Attention', input);
    if (bad) return fail(bad);
    return {
      ok: true,
      outputShape: input,
      params: attentionParams(input[1] ?? 0, layer.numHeads, layer.keyDim),
    };
  },
};

export const positional: LayerType<'positional'> = {
  kind: 'positional',
  label: 'PositionalEmbedding',
  group: 'Sequence',
  summary:
    'Adds a position vector to each step, so attention can tell positions apart (learned or sinusoidal).',
  fields: [
    { key: 'mode', label: 'mode', type: 'enum', options: POSITION_MODES },
    { key: 'maxLength', label: 'max length', type: 'int', min: 1, max: 4096 },
  ],
  create: (id) => ({ id, kind: 'positional', mode: 'learned', maxLength: 64 }),
  infer(layer, input) {
    const bad =
      checkInt(layer.maxLength, 'maxLength', 1) ??
      ((POSITION_MODES as readonly string[]).includes(layer.mode)
        ? null
        : layerProblem('layers.unknownMode', { name: layer.mode })) ??
      needsSequence('PositionalEmbedding', input);
    if (bad) return fail(bad);
    const [steps = 0, d = 0] = input;
    if (steps > layer.maxLength) {
      return fail(
        layerProblem('layers.positionalTooShort', { maxLength: layer.maxLength, steps }),
        setting('layers.fix.maxLength', 'maxLength', steps),
      );
    }
    return {
      ok: true,
      outputShape: input,
      params: layer.mode === 'learned' ? layer.maxLength * d : 0,
    };
  },
};

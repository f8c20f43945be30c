/**
 * Embedding, the recurrent layers (with Keras's defaults spelled out), self-attention and
 * positional embeddings as tfjs layers.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadSelfAttention, PositionalEmbedding } from '../layers';
import type { AppliedSpec } from '../layerNames';
import { initializer, regularizer } from './options';
import type { LayerBuild, LayerBuilder, Sym } from './types';

export const embedding: LayerBuilder<'embedding'> = ({ spec, name, seed, run }) =>
  run(
    tf.layers.embedding({
      name,
      inputDim: spec.inputDim,
      outputDim: spec.outputDim,
      // Keras's default for embeddings: uniform in [-0.05, 0.05].
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed }),
      ...(spec.l1 || spec.l2
        ? { embeddingsRegularizer: tf.regularizers.l1l2({ l1: spec.l1 ?? 0, l2: spec.l2 ?? 0 }) }
        : {}),
    }),
  );

function recurrent(
  b: LayerBuild<Extract<AppliedSpec, { kind: 'simplernn' | 'lstm' | 'gru' }>>,
): Sym {
  const { spec, name, seed, run } = b;
  const options = {
    name,
    units: spec.units,
    returnSequences: spec.returnSequences,
    kernelInitializer: initializer(spec.kernelInitializer, seed),
    // Keras's defaults, spelled out because tfjs's differ (orthogonal; sigmoid, not hardSigmoid).
    recurrentInitializer: b.recurrentInitializer(seed + 500),
    biasInitializer: 'zeros' as const,
    recurrentActivation: 'sigmoid' as const,
    ...regularizer(spec),
  };
  if (spec.kind === 'simplernn') return run(tf.layers.simpleRNN(options));
  if (spec.kind === 'gru') return run(tf.layers.gru(options));
  // tfjs's unitForgetBias initialiser leaks its 4 intermediate tensors on every build; a
  // scope frees them (the weights are Variables, which a scope never disposes).
  const engine = tf.engine();
  engine.startScope();
  try {
    return run(tf.layers.lstm({ ...options, unitForgetBias: true }));
  } finally {
    engine.endScope();
  }
}

export const simplernn: LayerBuilder<'simplernn'> = recurrent;
export const lstm: LayerBuilder<'lstm'> = recurrent;
export const gru: LayerBuilder<'gru'> = recurrent;

export const attention: LayerBuilder<'attention'> = ({ spec, name, seed, x }) => {
  const layer = new MultiHeadSelfAttention({
    name,
    numHeads: spec.numHeads,
    keyDim: spec.keyDim,
    causal: spec.causal,
    dropout: spec.dropout,
    seed,
  });
  // Two outputs: the attended sequence (used here) and the attention maps (read by probes).
  const [out] = layer.apply(x) as Sym[];
  return out as Sym;
};

export const positional: LayerBuilder<'positional'> = ({ spec, name, seed, run }) =>
  run(new PositionalEmbedding({ name, mode: spec.mode, maxLength: spec.maxLength, seed }));

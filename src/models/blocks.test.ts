/**
 * Residual and transformer blocks: their analysis equals the analysis of their expansion, the
 * built model has that many parameters and that output shape, a block builds exactly like its
 * expansion written out by hand, and misuse is explained.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../data/datasets';
import { analyzeInEnglish } from './testing/englishAnalysis';
import { buildModel } from './builder';
import { expandBlock, isBlock, type BlockSpec } from './layerTypes/blocks';
import { INPUT_ID, type LayerOf, type LayerSpec, type ModelSpec, type Shape } from './spec';
import { DEFAULT_TRAINING } from './trainingConfig';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function inputOf(inputShape: Shape, inputIsTokens = false): DatasetInfo {
  return {
    id: inputIsTokens ? 'reverse' : 'spiral',
    name: 'test input',
    inputShape,
    classes: ['a', 'b'],
    origin: 'builtin',
    kind: inputIsTokens ? 'sequence' : 'points2d',
    task: 'classification',
    inputIsTokens,
  };
}

const spec = (...layers: LayerSpec[]): ModelSpec => ({ version: 1, layers });
const analyze = (model: ModelSpec, dataset: DatasetInfo) =>
  analyzeInEnglish(model, dataset, DEFAULT_TRAINING);

const residualDense = (width: number): BlockSpec => ({
  id: 'rb',
  kind: 'residualblock',
  variant: 'dense',
  width,
  activation: 'relu',
});
const transformer = (dropout = 0): LayerOf<'transformerblock'> => ({
  id: 'tb',
  kind: 'transformerblock',
  numHeads: 2,
  keyDim: 8,
  ffUnits: 32,
  dropout,
  causal: false,
});

interface BlockCase {
  name: string;
  block: BlockSpec;
  input: Shape;
  output: Shape;
  /** Keras's parameter counts of the expansion, layer by layer. */
  params: number[];
}

const CASES: BlockCase[] = [
  {
    name: 'dense residual block, width = input dim 16',
    block: residualDense(16),
    input: [16],
    output: [16],
    // Dense 16→16: 16·16 + 16 = 272, twice; Add and Activation: 0
    params: [272, 272, 0, 0],
  },
  {
    name: 'dense residual block on a sequence [6, 8]',
    block: residualDense(8),
    input: [6, 8],
    output: [6, 8],
    params: [72, 72, 0, 0], // 8·8 + 8 per Dense, per time step
  },
  {
    name: 'conv residual block on [6, 6, 4]',
    block: { id: 'rb', kind: 'residualblock', variant: 'conv', width: 4, activation: 'elu' },
    input: [6, 6, 4],
    output: [6, 6, 4],
    params: [148, 148, 0, 0], // 3·3·4·4 + 4 per Conv2D
  },
  {
    name: 'transformer block on [8, 16], heads 2, key dim 8, ff 32',
    block: transformer(),
    input: [8, 16],
    output: [8, 16],
    // LN 2·16; MHA 3·(16·16 + 16) + 16·16 + 16 = 1,088; Add; LN 32; FF 16·32 + 32 = 544;
    // FF 32·16 + 16 = 528; Add. Total 2,224.
    params: [32, 1_088, 0, 32, 544, 528, 0],
  },
  {
    name: 'transformer block with dropout (adds a Dropout, no parameters)',
    block: transformer(0.1),
    input: [8, 16],
    output: [8, 16],
    params: [32, 1_088, 0, 32, 544, 528, 0, 0],
  },
];

describe('blocks', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: block = its expansion, analysed and built',
    async (_name, c) => {
      const dataset = inputOf(c.input);
      const total = c.params.reduce((a, b) => a + b, 0);

      // The block as one entry.
      const blockAnalysis = analyze(spec(c.block), dataset);
      expect(blockAnalysis.layers[0]?.problem).toBeNull();
      expect(blockAnalysis.layers[0]?.outputShape).toEqual(c.output);
      expect(blockAnalysis.layers[0]?.params).toBe(total);
      expect(blockAnalysis.totalParams).toBe(total);

      // Its expansion, analysed as an ordinary stack from the same input.
      const parts = expandBlock(c.block, INPUT_ID, c.input);
      expect(parts.some(isBlock)).toBe(false);
      const expanded = analyze(spec(...parts), dataset);
      expect(expanded.layers.map((l) => l.problem)).toEqual(parts.map(() => null));
      expect(expanded.layers.map((l) => l.params)).toEqual(c.params);
      expect(expanded.layers.at(-1)?.outputShape).toEqual(c.output);
      expect(expanded.totalParams).toBe(total);

      // Built: the block and the hand-written expansion give the same model.
      const fromBlock = buildModel(spec(c.block), c.input, 5);
      const fromParts = buildModel(spec(...parts), c.input, 5);
      const x = tf.randomNormal([3, ...c.input], 0, 1, 'float32', 11);
      try {
        expect(fromBlock.countParams()).toBe(total);
        expect(fromParts.countParams()).toBe(total);
        expect(fromBlock.outputs[0]?.shape).toEqual([null, ...c.output]);
        expect(fromParts.outputs[0]?.shape).toEqual([null, ...c.output]);
        // Same layer order and seeds, so the same initial weights and the same predictions.
        const diff = tf.tidy(() =>
          tf.max(
            tf.abs(tf.sub(fromBlock.predict(x) as tf.Tensor, fromParts.predict(x) as tf.Tensor)),
          ),
        );
        expect((await diff.data())[0]).toBe(0);
        diff.dispose();
      } finally {
        x.dispose();
        fromBlock.dispose();
        fromParts.dispose();
      }
    },
  );

  it('a transformer model on the reverse task: Embedding → positions → block → Dense', () => {
    const model = spec(
      { id: 'e', kind: 'embedding', inputDim: 10, outputDim: 16 },
      { id: 'p', kind: 'positional', mode: 'learned', maxLength: 8 },
      transformer(),
      {
        id: 'tb2',
        kind: 'transformerblock',
        numHeads: 4,
        keyDim: 4,
        ffUnits: 16,
        dropout: 0,
        causal: true,
      },
      { id: 'o', kind: 'dense', units: 10, activation: 'softmax' },
    );
    const a = analyze(model, builtinDataset('reverse'));
    expect(a.blockingReason).toBeNull();
    // 160 + 128 + 2,224 + (32 + 1,088 + 32 + (16·16 + 16) + (16·16 + 16) = 1,696) + 170
    expect(a.layers.map((l) => l.params)).toEqual([160, 128, 2_224, 1_696, 170]);
    expect(a.totalParams).toBe(4_378);
    expect(a.layers.map((l) => l.outputShape)).toEqual([
      [8, 16],
      [8, 16],
      [8, 16],
      [8, 16],
      [8, 10],
    ]);
    const built = buildModel(model, builtinDataset('reverse').inputShape, 1);
    try {
      expect(built.countParams()).toBe(4_378);
      expect(built.outputs[0]?.shape).toEqual([null, 8, 10]);
    } finally {
      built.dispose();
    }
  });

  it('a merge after a block can take its second input from the block', () => {
    const model = spec(
      { id: 'd', kind: 'dense', units: 8, activation: 'relu' },
      residualDense(8),
      { id: 'c', kind: 'concatenate', from: 'rb' },
      { id: 'a', kind: 'add', from: 'd' },
    );
    const a = analyze(model, inputOf([8]));
    expect(a.layers.slice(0, 3).map((l) => l.problem)).toEqual([null, null, null]);
    expect(a.layers[1]?.outputShape).toEqual([8]);
    expect(a.layers[2]?.outputShape).toEqual([16]);
    expect(a.layers[3]?.problem).toContain('shapes must match');
    // Without the mismatched Add, the builder resolves 'rb' to the block's output too.
    const valid = spec(...model.layers.slice(0, 3));
    expect(analyze(valid, inputOf([8])).totalParams).toBe(72 + 144);
    const built = buildModel(valid, [8], 1);
    try {
      expect(built.countParams()).toBe(72 + 144);
      expect(built.outputs[0]?.shape).toEqual([null, 16]);
    } finally {
      built.dispose();
    }
  });

  it('a dense residual block whose width is not the input dimension: "must equal"', () => {
    const a = analyze(spec(residualDense(32)), inputOf([16]));
    const problem = a.layers[0]?.problem ?? '';
    expect(problem).toMatch(/^Layer 1 \(Residual block\): /);
    expect(problem).toContain('width (32) must equal the input');
    expect(problem).toContain('Set the width to 16');
    expect(a.blockingReason).toBe(problem);
  });

  it('a conv residual block on a flat input needs an image', () => {
    const a = analyze(
      spec({ id: 'rb', kind: 'residualblock', variant: 'conv', width: 16, activation: 'relu' }),
      inputOf([16]),
    );
    expect(a.layers[0]?.problem).toContain('needs an image input');
  });

  it('a transformer block on a flat input: "needs a sequence"', () => {
    const a = analyze(spec(transformer()), inputOf([16]));
    const problem = a.layers[0]?.problem ?? '';
    expect(problem).toMatch(/^Layer 1 \(Transformer encoder block\): /);
    expect(problem).toContain('needs a sequence');
    expect(problem).toContain('[16]');
  });

  it('a transformer block on token ids asks for an Embedding first', () => {
    const a = analyze(spec(transformer()), builtinDataset('reverse'));
    expect(a.layers[0]?.problem).toContain('Start the model with an Embedding');
  });

  it('a transformer block with fractional feed-forward units is refused', () => {
    const a = analyze(spec({ ...transformer(), ffUnits: 2.5 }), inputOf([8, 16]));
    expect(a.layers[0]?.problem).toContain('Feed-forward units must be a whole number');
  });
});

/**
 * LayerLab → tfjs model.json → importKerasModel → LayerLab: every preset and a few designs that
 * use every layer kind come back as the same design (blocks as their expansion), with the same
 * parameter count and output shape, and the saved weights load into the rebuilt model under the
 * mapped names and give the same predictions.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../../data/datasets';
import { createRandom } from '../../data/random';
import { englishText } from '../../shared/messages/englishText';
import { analyzeInEnglish } from '../testing/englishAnalysis';
import { inferStack } from '../inferStack';
import { expandBlock, isBlock } from '../layerTypes/blocks';
import { PRESETS } from '../presets';
import { INPUT_ID, type LayerSpec, type ModelSpec } from '../spec';
import { buildModelQuickly } from '../testing/quickBuild';
import { DEFAULT_TRAINING } from '../trainingConfig';
import { importKerasModel } from './index';
import type { ImportedModel } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function saveArtifacts(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('nothing saved');
  return saved;
}

/** The model.json tfjs's downloads:// handler writes for these artifacts, through JSON text. */
function modelJson(artifacts: tf.io.ModelArtifacts): unknown {
  return JSON.parse(
    JSON.stringify({
      modelTopology: artifacts.modelTopology,
      format: artifacts.format,
      generatedBy: artifacts.generatedBy,
      convertedBy: artifacts.convertedBy,
      weightsManifest: [{ paths: ['./model.weights.bin'], weights: artifacts.weightSpecs }],
    }),
  );
}

/** The design with its blocks replaced by the layers they stand for. */
function expanded(spec: ModelSpec, dataset: DatasetInfo): LayerSpec[] {
  const shapes = inferStack(spec.layers, dataset.inputShape, {
    inputIsTokens: dataset.inputIsTokens,
  }).layers;
  return spec.layers.flatMap((layer, i) => {
    if (!isBlock(layer)) return [layer];
    const previousId = spec.layers[i - 1]?.id ?? INPUT_ID;
    const input = i === 0 ? dataset.inputShape : (shapes[i - 1]?.outputShape ?? []);
    return expandBlock(layer, previousId, input);
  });
}

/** Layers with ids replaced by positions, so designs with other ids compare. */
function byPosition(layers: readonly LayerSpec[]): unknown[] {
  const position = new Map(layers.map((l, i) => [l.id, i + 1]));
  return layers.map((layer) => {
    const rest: Record<string, unknown> = { ...layer };
    delete rest['id'];
    if ('from' in layer)
      rest['from'] = layer.from === INPUT_ID ? INPUT_ID : position.get(layer.from);
    return rest;
  });
}

function sampleInput(dataset: DatasetInfo, seed: number): tf.Tensor {
  const random = createRandom(seed);
  const shape = [3, ...dataset.inputShape];
  const size = shape.reduce((a, b) => a * b, 1);
  if (dataset.inputIsTokens) {
    const vocab = dataset.vocabSize ?? 2;
    return tf.tensor(
      Int32Array.from({ length: size }, () => Math.floor(random() * vocab)),
      shape,
      'int32',
    );
  }
  return tf.tensor(
    Float32Array.from({ length: size }, () => random() * 2 - 1),
    shape,
  );
}

/** Models are built quickly (no tfjs orthogonal initialiser): the starting weights do not matter. */
async function checkRoundTrip(spec: ModelSpec, dataset: DatasetInfo): Promise<ImportedModel> {
  const original = buildModelQuickly(spec, dataset.inputShape, 1);
  const artifacts = await saveArtifacts(original);
  const result = importKerasModel(modelJson(artifacts));
  if (!result.ok) throw new Error(englishText(result.message));

  // The same design, blocks expanded; nothing approximated.
  expect(byPosition(result.spec.layers)).toEqual(byPosition(expanded(spec, dataset)));
  if (!spec.layers.some(isBlock)) expect(result.spec).toEqual(spec);
  expect(result.notes).toEqual([]);
  expect(result.inputShape).toEqual(dataset.inputShape);
  expect(result.inputIsTokens).toBe(dataset.inputIsTokens);

  // analyzeModel agrees on the parameter count and the output shape.
  const before = analyzeInEnglish(spec, dataset, DEFAULT_TRAINING);
  const after = analyzeInEnglish(result.spec, dataset, DEFAULT_TRAINING);
  expect(after.layers.map((l) => l.problem)).toEqual(after.layers.map(() => null));
  expect(after.totalParams).toBe(before.totalParams);
  expect(after.totalParams).toBe(original.countParams());
  expect(after.layers.at(-1)?.outputShape).toEqual(before.layers.at(-1)?.outputShape);

  // Every saved weight has a place of the right shape; loaded there, a model built from the
  // imported spec predicts exactly what the original did.
  const weights = result.weights ?? [];
  expect(weights.map((w) => w.problem)).toEqual(weights.map(() => null));
  const rebuilt = buildModelQuickly(result.spec, dataset.inputShape, 2);
  expect(weights.map((w) => w.target).sort()).toEqual(
    rebuilt.weights.map((w) => w.originalName).sort(),
  );
  const x = sampleInput(dataset, 5);
  const expected = original.predict(x) as tf.Tensor;
  const saved = tf.io.decodeWeights(
    artifacts.weightData as ArrayBuffer,
    artifacts.weightSpecs ?? [],
  );
  const renamed = Object.fromEntries(
    weights.map((w) => [w.target as string, saved[w.source] as tf.Tensor]),
  );
  rebuilt.loadWeights(renamed);
  const got = rebuilt.predict(x) as tf.Tensor;
  const gap = tf.max(tf.abs(tf.sub(expected, got)));
  expect((await gap.data())[0]).toBeLessThan(1e-5);
  tf.dispose([x, expected, got, gap, ...Object.values(saved)]);
  original.dispose();
  rebuilt.dispose();
  return result;
}

describe('round trip through a tfjs model.json', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('preset %s', async (_id, preset) => {
    await checkRoundTrip(preset.spec, builtinDataset(preset.dataset.id));
  });

  it('images: every conv-side kind, initialisers, penalties, leakyRelu, a conv residual block', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        {
          id: 'l1',
          kind: 'conv2d',
          filters: 4,
          kernelSize: 3,
          strides: 2,
          padding: 'valid',
          activation: 'leakyRelu',
          kernelInitializer: 'heNormal',
          l2: 0.01,
        },
        { id: 'l2', kind: 'batchnorm', momentum: 0.9, epsilon: 0.001 },
        { id: 'l3', kind: 'avgpool2d', poolSize: 2, strides: 1, padding: 'same' },
        { id: 'l4', kind: 'activation', activation: 'leakyRelu' },
        { id: 'l5', kind: 'residualblock', variant: 'conv', width: 4, activation: 'elu' },
        { id: 'l6', kind: 'reshape', targetShape: [13, 52] },
        {
          id: 'l7',
          kind: 'gru',
          units: 8,
          returnSequences: true,
          kernelInitializer: 'lecunNormal',
          l1: 0.001,
        },
        {
          id: 'l8',
          kind: 'simplernn',
          units: 8,
          returnSequences: true,
          kernelInitializer: 'heUniform',
        },
        { id: 'l9', kind: 'concatenate', from: 'l7' },
        { id: 'l10', kind: 'layernorm', epsilon: 0.001 },
        { id: 'l11', kind: 'globalavgpool1d' },
        { id: 'l12', kind: 'dropout', rate: 0.25 },
        {
          id: 'l13',
          kind: 'dense',
          units: 10,
          activation: 'softmax',
          kernelInitializer: 'glorotNormal',
          l1: 0.01,
          l2: 0.02,
        },
      ],
    };
    await checkRoundTrip(spec, builtinDataset('mnist'));
  });

  it('images: max pooling, flatten and a linear Dense followed by an Activation', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'l1', kind: 'maxpool2d', poolSize: 3, strides: 2, padding: 'same' },
        {
          id: 'l2',
          kind: 'conv2d',
          filters: 3,
          kernelSize: 5,
          strides: 1,
          padding: 'valid',
          activation: 'tanh',
        },
        { id: 'l3', kind: 'globalavgpool2d' },
        { id: 'l4', kind: 'dense', units: 8, activation: 'linear' },
        { id: 'l5', kind: 'activation', activation: 'sigmoid' },
        { id: 'l6', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    await checkRoundTrip(spec, builtinDataset('mnist'));
  });

  it('tokens: sinusoidal positions, causal attention with dropout, a skip, a causal transformer block', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'l1', kind: 'embedding', inputDim: 10, outputDim: 8, l2: 0.001 },
        { id: 'l2', kind: 'positional', mode: 'sinusoidal', maxLength: 16 },
        { id: 'l3', kind: 'attention', numHeads: 2, keyDim: 4, causal: true, dropout: 0.1 },
        { id: 'l4', kind: 'add', from: 'l2' },
        {
          id: 'l5',
          kind: 'transformerblock',
          numHeads: 2,
          keyDim: 4,
          ffUnits: 16,
          dropout: 0.1,
          causal: true,
        },
        { id: 'l6', kind: 'lstm', units: 8, returnSequences: true },
        { id: 'l7', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    await checkRoundTrip(spec, builtinDataset('reverse'));
  });

  it('points: a dense residual block, leakyRelu next to a merge, concatenation with the input', async () => {
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'l1', kind: 'dense', units: 8, activation: 'elu' },
        { id: 'l2', kind: 'residualblock', variant: 'dense', width: 8, activation: 'gelu' },
        { id: 'l3', kind: 'dense', units: 8, activation: 'leakyRelu' },
        { id: 'l4', kind: 'add', from: 'l3' },
        { id: 'l5', kind: 'concatenate', from: 'input' },
        { id: 'l6', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    };
    await checkRoundTrip(spec, builtinDataset('spiral'));
  });
});

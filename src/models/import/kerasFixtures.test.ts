import { describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../../data/datasets';
import { analyzeInEnglish } from '../testing/englishAnalysis';
import type { ModelSpec } from '../spec';
import { DEFAULT_TRAINING } from '../trainingConfig';
import {
  keras2Mlp,
  keras2ResidualCnn,
  keras2TextRnn,
  keras3Functional,
  keras3Sequential,
} from './testing/fixtures';
import { englishText } from '../../shared/messages/englishText';
import { importKerasModel } from './index';
import type { ImportedModel } from './types';

function imported(json: unknown): ImportedModel {
  const result = importKerasModel(json);
  if (!result.ok) throw new Error(englishText(result.message));
  return result;
}

/** The analysis of an imported spec on a dataset of the imported input shape. */
function analyse(model: ImportedModel, base: DatasetInfo, spec: ModelSpec = model.spec) {
  const inputShape = model.inputShape.map((d) => d ?? 8);
  return analyzeInEnglish(
    spec,
    { ...base, inputShape, inputIsTokens: model.inputIsTokens },
    DEFAULT_TRAINING,
  );
}

describe('Keras 2 files from the TensorFlow.js converter', () => {
  it('Sequential MLP with an InputLayer: layers, initialiser, penalty, input shape', () => {
    const model = imported(keras2Mlp);
    expect(model.inputShape).toEqual([784]);
    expect(model.inputIsTokens).toBe(false);
    expect(model.spec).toEqual({
      version: 1,
      layers: [
        {
          id: 'l1',
          kind: 'dense',
          units: 128,
          activation: 'relu',
          kernelInitializer: 'heNormal',
          l2: 0.0005,
        },
        { id: 'l2', kind: 'dropout', rate: 0.2 },
        { id: 'l3', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    });
    expect(model.notes).toEqual([]);
    const analysis = analyse(model, builtinDataset('mnist'), model.spec);
    expect(analysis.layers.every((l) => l.problem === null)).toBe(true);
    expect(analysis.totalParams).toBe(784 * 128 + 128 + 128 * 10 + 10);
  });

  it('functional CNN with a residual Add: the skip, the folded LeakyReLU, pooling', () => {
    const model = imported(keras2ResidualCnn);
    expect(model.inputShape).toEqual([32, 32, 3]);
    const conv = {
      kind: 'conv2d',
      filters: 16,
      kernelSize: 3,
      strides: 1,
      padding: 'same',
    } as const;
    expect(model.spec.layers).toEqual([
      { id: 'l1', ...conv, activation: 'linear' },
      { id: 'l2', kind: 'batchnorm', momentum: 0.9, epsilon: 0.001 },
      // The LeakyReLU follows a BatchNormalization, not a linear layer: it stays on its own.
      { id: 'l3', kind: 'activation', activation: 'leakyRelu' },
      { id: 'l4', ...conv, activation: 'relu' },
      { id: 'l5', ...conv, activation: 'linear' },
      { id: 'l6', kind: 'add', from: 'l3' },
      { id: 'l7', kind: 'activation', activation: 'relu' },
      { id: 'l8', kind: 'maxpool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { id: 'l9', kind: 'globalavgpool2d' },
      { id: 'l10', kind: 'dense', units: 10, activation: 'softmax' },
    ]);
    const analysis = analyse(model, builtinDataset('mnist'));
    expect(analysis.layers.map((l) => l.problem)).toEqual(analysis.layers.map(() => null));
    expect(analysis.layers.at(-1)?.outputShape).toEqual([10]);
    expect(analysis.totalParams).toBe(448 + 64 + 2 * 2320 + 170);
  });

  it('Embedding → LSTM → GRU: token input, and a note on reset_after', () => {
    const model = imported(keras2TextRnn);
    expect(model.inputShape).toEqual([20]);
    expect(model.inputIsTokens).toBe(true);
    expect(model.spec.layers).toEqual([
      { id: 'l1', kind: 'embedding', inputDim: 1000, outputDim: 16 },
      { id: 'l2', kind: 'lstm', units: 32, returnSequences: true },
      { id: 'l3', kind: 'gru', units: 8, returnSequences: false },
      { id: 'l4', kind: 'dense', units: 1, activation: 'sigmoid' },
    ]);
    expect(
      model.notes.some((n) => englishText(n).startsWith('GRU "gru": it uses reset_after=True')),
    ).toBe(true);
  });

  it('folds a LeakyReLU into the linear Dense above it', () => {
    const json = structuredClone(keras2Mlp) as {
      modelTopology: { model_config: { config: { layers: unknown[] } } };
    };
    const layers = json.modelTopology.model_config.config.layers;
    const dense = layers[1] as { config: Record<string, unknown> };
    dense.config['activation'] = 'linear';
    layers.splice(2, 0, { class_name: 'LeakyReLU', config: { name: 'leaky_re_lu', alpha: 0.1 } });
    const model = imported(json);
    expect(model.spec.layers.map((l) => l.kind)).toEqual(['dense', 'dropout', 'dense']);
    expect(model.spec.layers[0]).toMatchObject({ activation: 'leakyRelu' });
    expect(model.notes.map(englishText)).toEqual([
      'LeakyReLU "leaky_re_lu": its slope 0.1 became 0.3, the slope of LayerLab\'s leakyRelu.',
    ]);
    // The weights of the Dense keep their names: the LeakyReLU has none.
    expect(model.weights?.map((w) => w.target)).toEqual([
      'dense_1/kernel',
      'dense_1/bias',
      'dense_3/kernel',
      'dense_3/bias',
    ]);
  });
});

describe('Keras 3 files (model.to_json())', () => {
  it('Sequential with batch_shape, module fields and Keras 3 initialisers', () => {
    const model = imported(keras3Sequential);
    expect(model.inputShape).toEqual([28, 28, 1]);
    expect(model.spec.layers).toEqual([
      {
        id: 'l1',
        kind: 'conv2d',
        filters: 8,
        kernelSize: 5,
        strides: 2,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: 'heUniform',
        l1: 0.0001,
        l2: 0.001,
      },
      { id: 'l2', kind: 'avgpool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { id: 'l3', kind: 'flatten' },
      { id: 'l4', kind: 'dense', units: 32, activation: 'gelu', kernelInitializer: 'lecunNormal' },
      { id: 'l5', kind: 'layernorm', epsilon: 0.001 },
      {
        id: 'l6',
        kind: 'dense',
        units: 10,
        activation: 'softmax',
        kernelInitializer: 'glorotNormal',
      },
    ]);
    expect(model.weights).toBeNull();
    const analysis = analyse(model, builtinDataset('mnist'));
    expect(analysis.blockingReason).toBeNull();
    expect(analysis.totalParams).toBe(208 + 288 * 32 + 32 + 64 + 330);
  });

  it('Sequential given only build_input_shape, or only a build_config', () => {
    const config = keras3Sequential['config'] as { layers: unknown[]; build_input_shape?: unknown };
    const withoutInput = {
      ...keras3Sequential,
      config: { ...config, layers: config.layers.slice(1) },
    };
    expect(imported(withoutInput).inputShape).toEqual([28, 28, 1]);
    const onlyBuildConfig = {
      ...keras3Sequential,
      config: { ...config, layers: config.layers.slice(1), build_input_shape: undefined },
    };
    expect(imported(onlyBuildConfig).inputShape).toEqual([28, 28, 1]);
  });

  it('functional graph with args/kwargs call records, an Add and a Concatenate with the input', () => {
    const model = imported(keras3Functional);
    expect(model.inputShape).toEqual([4]);
    expect(model.spec.layers).toEqual([
      { id: 'l1', kind: 'dense', units: 16, activation: 'relu' },
      { id: 'l2', kind: 'dense', units: 16, activation: 'relu' },
      { id: 'l3', kind: 'add', from: 'l1' },
      { id: 'l4', kind: 'concatenate', from: 'input' },
      { id: 'l5', kind: 'dense', units: 3, activation: 'softmax' },
    ]);
    const analysis = analyse(model, builtinDataset('iris'));
    expect(analysis.blockingReason).toBeNull();
    expect(analysis.totalParams).toBe(80 + 272 + 63);
  });

  it('a bare to_json() string (JSON encoded twice) is read too', () => {
    expect(imported(JSON.stringify(keras3Sequential)).spec.layers).toHaveLength(6);
  });

  it('an open text length (None) stays open', () => {
    const json = structuredClone(keras2TextRnn) as {
      modelTopology: {
        model_config: { config: { layers: { config: Record<string, unknown> }[] } };
      };
    };
    const layers = json.modelTopology.model_config.config.layers;
    (layers[0] as { config: Record<string, unknown> }).config['batch_input_shape'] = [null, null];
    const model = imported(json);
    expect(model.inputShape).toEqual([null]);
    // Weight shapes do not depend on the length, so they are still checked.
    expect(model.weights?.find((w) => w.source === 'lstm/lstm_cell/kernel')?.problem).toBeNull();
  });
});

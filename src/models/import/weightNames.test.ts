import { describe, expect, it } from 'vitest';
import {
  converterFile,
  k2Dense,
  k2Input,
  keras2Mlp,
  keras2ResidualCnn,
  keras2TextRnn,
} from './testing/fixtures';
import { englishText } from '../../shared/messages/englishText';
import { importKerasModel } from './index';
import type { ImportedModel, WeightMapping } from './types';
import { expectedWeights } from './weightNames';

function imported(json: unknown): ImportedModel {
  const result = importKerasModel(json);
  if (!result.ok) throw new Error(englishText(result.message));
  return result;
}

/** source → target, with the problem when there is one. */
function pairs(weights: WeightMapping[] | null): string[] {
  return (weights ?? []).map(
    (w) => `${w.source} → ${w.target ?? '-'}${w.problem ? ` (${englishText(w.problem)})` : ''}`,
  );
}

describe('weight mapping', () => {
  it('Keras names become the names LayerLab builds, counted in build order', () => {
    const model = imported(keras2ResidualCnn);
    expect(pairs(model.weights)).toEqual([
      'conv2d/kernel → conv2d_1/kernel',
      'conv2d/bias → conv2d_1/bias',
      'batch_normalization/gamma → batchnorm_2/gamma',
      'batch_normalization/beta → batchnorm_2/beta',
      'batch_normalization/moving_mean → batchnorm_2/moving_mean',
      'batch_normalization/moving_variance → batchnorm_2/moving_variance',
      'conv2d_1/kernel → conv2d_4/kernel',
      'conv2d_1/bias → conv2d_4/bias',
      'conv2d_2/kernel → conv2d_5/kernel',
      'conv2d_2/bias → conv2d_5/bias',
      'logits/kernel → dense_10/kernel',
      'logits/bias → dense_10/bias',
    ]);
    expect(model.weights?.[6]).toEqual({
      source: 'conv2d_1/kernel',
      shape: [3, 3, 16, 16],
      target: 'conv2d_4/kernel',
      expectedShape: [3, 3, 16, 16],
      problem: null,
    });
    expect(model.notes).toEqual([]);
  });

  it('recurrent cells ("lstm/lstm_cell/kernel"); a reset_after GRU bias does not fit', () => {
    const model = imported(keras2TextRnn);
    expect(pairs(model.weights)).toEqual([
      'embedding/embeddings → embedding_1/embeddings',
      'lstm/lstm_cell/kernel → lstm_2/kernel',
      'lstm/lstm_cell/recurrent_kernel → lstm_2/recurrent_kernel',
      'lstm/lstm_cell/bias → lstm_2/bias',
      'gru/gru_cell/kernel → gru_3/kernel',
      'gru/gru_cell/recurrent_kernel → gru_3/recurrent_kernel',
      'gru/gru_cell/bias → gru_3/bias (saved as [2, 24], but LayerLab builds [24])',
      'dense/kernel → dense_4/kernel',
      'dense/bias → dense_4/bias',
    ]);
    expect(model.notes.map(englishText)).toContain(
      '1 of the 9 saved weights do not fit the imported design as they are (see the weight list).',
    );
  });

  it('model-prefixed names with ":0", names it does not know (paired in order), extras and gaps', () => {
    const json = converterFile(
      {
        class_name: 'Sequential',
        config: {
          name: 'sequential',
          layers: [
            k2Input('in', [null, 3]),
            k2Dense('hidden', 4, 'relu'),
            k2Dense('out', 2, 'softmax', { use_bias: false }),
          ],
        },
      },
      [
        { name: 'sequential/hidden/kernel:0', shape: [3, 4] },
        { name: 'sequential/hidden/vars_1', shape: [4] },
        { name: 'sequential/out/kernel:0', shape: [4, 2] },
        { name: 'sequential/stray/kernel:0', shape: [1] },
      ],
    );
    const model = imported(json);
    expect(pairs(model.weights)).toEqual([
      'sequential/hidden/kernel:0 → dense_1/kernel',
      'sequential/hidden/vars_1 → dense_1/bias',
      'sequential/out/kernel:0 → dense_2/kernel',
      'sequential/stray/kernel:0 → - (no imported layer has this weight)',
    ]);
    expect(model.notes.map(englishText)).toEqual([
      'Dense "out": it has no bias in Keras; in LayerLab it gets one (starting at zero).',
      '1 of the 4 saved weights do not fit the imported design as they are (see the weight list).',
      'No saved values for dense_2/bias: it keeps its starting values.',
    ]);
  });

  it('a file without a manifest has no weight list', () => {
    const json = { ...keras2Mlp } as Record<string, unknown>;
    delete json['weightsManifest'];
    expect(imported(json).weights).toBeNull();
  });

  it('expected weights follow the builder for every kind with weights', () => {
    const names = (layer: Parameters<typeof expectedWeights>[0], input: number[]) =>
      expectedWeights(layer, input).map((w) => `${w.name} [${(w.shape ?? []).join(',')}]`);
    expect(
      names(
        { id: 'a', kind: 'attention', numHeads: 2, keyDim: 3, causal: false, dropout: 0 },
        [5, 8],
      ),
    ).toEqual([
      'query_kernel [8,6]',
      'query_bias [6]',
      'key_kernel [8,6]',
      'key_bias [6]',
      'value_kernel [8,6]',
      'value_bias [6]',
      'output_kernel [6,8]',
      'output_bias [8]',
    ]);
    expect(names({ id: 'p', kind: 'positional', mode: 'learned', maxLength: 9 }, [5, 8])).toEqual([
      'embeddings [9,8]',
    ]);
    expect(
      names({ id: 'p', kind: 'positional', mode: 'sinusoidal', maxLength: 9 }, [5, 8]),
    ).toEqual([]);
    expect(names({ id: 'n', kind: 'layernorm', epsilon: 0.001 }, [5, 8])).toEqual([
      'gamma [8]',
      'beta [8]',
    ]);
    expect(names({ id: 'r', kind: 'simplernn', units: 4, returnSequences: false }, [5, 8])).toEqual(
      ['kernel [8,4]', 'recurrent_kernel [4,4]', 'bias [4]'],
    );
  });
});

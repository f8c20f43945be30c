import { describe, expect, it } from 'vitest';
import { makeExperiment, type Experiment } from '../experiment';
import { DEFAULT_DATASET, DEFAULT_TRAINING } from '../../models/trainingConfig';
import type { LayerSpec } from '../../models/spec';
import { diffExperiments } from './runDiff';

const dense = (id: string, units: number, activation: 'relu' | 'sigmoid' = 'relu'): LayerSpec => ({
  id,
  kind: 'dense',
  units,
  activation,
});

function experiment(layers: LayerSpec[], training = {}, dataset = {}): Experiment {
  return makeExperiment({
    name: '',
    spec: { version: 1, layers },
    dataset: { ...DEFAULT_DATASET, ...dataset },
    training: { ...DEFAULT_TRAINING, ...training },
    views: { open: [], intervalMs: 250 },
  });
}

describe('diffExperiments', () => {
  const base = experiment([dense('a', 8), dense('b', 2)]);

  it('finds nothing between equal experiments', () => {
    expect(diffExperiments(base, structuredClone(base))).toEqual([]);
  });

  it('names a learning rate change and an added dropout', () => {
    const dropout: LayerSpec = { id: 'd', kind: 'dropout', rate: 0.3 };
    const after = experiment([dense('a', 8), dropout, dense('b', 2)], { learningRate: 0.1 });
    expect(diffExperiments(base, after)).toEqual([
      { kind: 'layerAdded', layer: dropout },
      { kind: 'training', field: 'learningRate', from: 0.01, to: 0.1 },
    ]);
  });

  it('reads an edited layer as a change of its field', () => {
    const after = experiment([dense('a', 16, 'sigmoid'), dense('b', 2)]);
    expect(diffExperiments(base, after)).toEqual([
      { kind: 'layerChanged', layer: after.spec.layers[0], field: 'units', from: 8, to: 16 },
      {
        kind: 'layerChanged',
        layer: after.spec.layers[0],
        field: 'activation',
        from: 'relu',
        to: 'sigmoid',
      },
    ]);
  });

  it('names removals, reorders and a changed kind', () => {
    const swapped = experiment([dense('b', 2), dense('a', 8)]);
    expect(diffExperiments(base, swapped)).toEqual([{ kind: 'layersReordered' }]);
    const removed = experiment([dense('b', 2)]);
    expect(diffExperiments(base, removed)).toEqual([
      { kind: 'layerRemoved', layer: base.spec.layers[0] },
    ]);
    const flatten: LayerSpec = { id: 'a', kind: 'flatten' };
    expect(diffExperiments(base, experiment([flatten, dense('b', 2)]))).toEqual([
      { kind: 'layerRemoved', layer: base.spec.layers[0] },
      { kind: 'layerAdded', layer: flatten },
    ]);
  });

  it('names dataset settings by path, or only the dataset when it changed', () => {
    const noisier = experiment(
      base.spec.layers,
      {},
      { noise: 0.3, augment: { ...DEFAULT_DATASET.augment, flip: true } },
    );
    expect(diffExperiments(base, noisier)).toEqual([
      { kind: 'dataset', field: 'noise', from: 0.1, to: 0.3 },
      { kind: 'dataset', field: 'augment.flip', from: false, to: true },
    ]);
    const xor = experiment(base.spec.layers, {}, { id: 'xor', noise: 0.3 });
    expect(diffExperiments(base, xor)).toEqual([
      { kind: 'dataset', field: 'id', from: 'spiral', to: 'xor' },
    ]);
  });
});

/** Layer ids stay distinct: new layers, blocks expanded, and saved work an older LayerLab wrote. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshStore } from './testing/freshStore';
import type { ModelSpec } from '../models/spec';

afterEach(() => {
  vi.unstubAllGlobals();
});

const ids = (spec: ModelSpec) => spec.layers.map((l) => l.id);

describe('layer ids', () => {
  it('a new block never takes an id whose expansion would meet a leftover layer', async () => {
    const { useStore } = await freshStore();
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'l2', kind: 'dense', units: 8, activation: 'relu' },
        { id: 'l3', kind: 'dense', units: 8, activation: 'relu' },
        // Left over from expanding a block "l4" and deleting the rest of it.
        { id: 'l4_act', kind: 'activation', activation: 'relu' },
      ],
    };
    useStore.setState({ spec });
    useStore.getState().addLayer('residualblock');
    const block = useStore.getState().spec.layers.at(-1);
    expect(block?.kind).toBe('residualblock');
    expect(block?.id).not.toBe('l4');
    useStore.getState().expandBlock(block?.id ?? '');
    const after = ids(useStore.getState().spec);
    expect(after.length).toBeGreaterThan(4);
    expect(new Set(after).size, after.join(', ')).toBe(after.length);
  });

  it('saved work with two layers of one id loads, each layer its own', async () => {
    const layers = [
      { id: 'l1', kind: 'dense', units: 8, activation: 'relu' },
      { id: 'l1', kind: 'dense', units: 4, activation: 'relu' },
      { id: 'l3', kind: 'dense', units: 2, activation: 'softmax' },
    ];
    const { useStore } = await freshStore();
    const { dataset, training } = useStore.getState();
    const saved = JSON.stringify({
      state: {
        spec: { version: 1, layers },
        dataset,
        training,
        userDatasets: [],
      },
      version: 1,
    });
    const { useStore: reloaded } = await freshStore({ 'layerlab:work': saved });
    expect(reloaded.getState().notice).toBeNull();
    expect(ids(reloaded.getState().spec)).toEqual(['l1', 'l1_2', 'l3']);
  });
});

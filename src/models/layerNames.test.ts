import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/datasets';
import { EXPORT_CASES } from './export/testing/designs';
import { appliedLayers } from './layerNames';
import { PRESETS } from './presets';
import { buildModelQuickly } from './testing/quickBuild';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Every preset and export test design (built quickly: only names and shapes matter here). */
const designs = [
  ...PRESETS.map((p) => ({ id: p.id, spec: p.spec, info: builtinDataset(p.dataset.id) })),
  ...EXPORT_CASES.filter((c) => !PRESETS.some((p) => p.id === c.id)),
];

describe('appliedLayers', () => {
  it.each(designs.map((d) => [d.id, d] as const))(
    '%s: the layer names, weight names and shapes the builder gives',
    (_id, design) => {
      const applied = appliedLayers(design.spec, design.info);
      const model = buildModelQuickly(design.spec, design.info.inputShape, 1);
      try {
        const expectedNames = applied.flatMap((l) =>
          l.leakyReluName ? [l.name, l.leakyReluName] : [l.name],
        );
        expect(model.layers.slice(1).map((l) => l.name)).toEqual(expectedNames);
        for (const layer of applied) {
          const built = model.getLayer(layer.name);
          // originalName is the name a saved model.json uses (name may carry a uniquifying suffix).
          expect(built.weights.map((w) => [w.originalName, w.shape])).toEqual(
            layer.weights.map((w) => [w.name, w.shape]),
          );
          expect(built.countParams()).toBe(layer.params);
          // Attention has a second output (its maps); the first is the one the next layer takes.
          const shape = Array.isArray(built.outputShape[0])
            ? built.outputShape[0]
            : built.outputShape;
          expect(shape).toEqual([null, ...layer.outputShape]);
        }
      } finally {
        model.dispose();
      }
    },
  );

  it('names a layer with a problem instead of walking on', () => {
    const spec = {
      version: 1 as const,
      layers: [
        { id: 'a', kind: 'dense' as const, units: 4, activation: 'relu' as const },
        {
          id: 'b',
          kind: 'conv2d' as const,
          filters: 2,
          kernelSize: 3,
          strides: 1,
          padding: 'same' as const,
          activation: 'relu' as const,
        },
      ],
    };
    expect(() => appliedLayers(spec, builtinDataset('spiral'))).toThrow(/Layer 2 \(Conv2D\)/);
  });
});

/**
 * Building models in tests that check what does not depend on the starting weights (shapes,
 * names, parameter counts, save/load round trips), without tfjs's orthogonal initialiser: it
 * computes a QR decomposition with tensor ops, about 30 s for char-lstm's 128 × 512 recurrent
 * kernel on the CPU backend. Tests of training results or PyTorch parity use buildModel itself.
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom, shuffledIndices } from '../../data/random';
import { buildModel, type BuildOptions, type TfInitializer } from '../builder';
import type { ModelSpec, Shape } from '../spec';

type Orthogonal = new (args: { seed?: number }) => TfInitializer;

/**
 * Still an orthogonal initialiser, and saved as tfjs's `Orthogonal` with the same seed (so an
 * imported model.json reads as the app's would), but drawn cheaply: a signed partial permutation,
 * orthonormal rows (or columns, for a tall kernel), picked by the seed.
 */
class QuickOrthogonal extends (tf.initializers.orthogonal({}).constructor as Orthogonal) {
  constructor(private readonly drawSeed: number) {
    super({ seed: drawSeed });
  }

  override apply(shape: number[]): tf.Tensor {
    const columns = shape.at(-1) ?? 1;
    const rows = shape.reduce((a, b) => a * b, 1) / columns;
    const random = createRandom(this.drawSeed);
    const wide = rows <= columns;
    // Each row of a wide kernel (each column of a tall one) gets ±1 at its own place.
    const places = shuffledIndices(wide ? columns : rows, random);
    const values = new Float32Array(rows * columns);
    for (let i = 0; i < Math.min(rows, columns); i++) {
      const place = places[i] as number;
      values[wide ? i * columns + place : place * columns + i] = random() < 0.5 ? -1 : 1;
    }
    return tf.tensor(values, shape);
  }
}

export const QUICK_BUILD: BuildOptions = {
  recurrentInitializer: (seed) => new QuickOrthogonal(seed),
};

/** buildModel with QUICK_BUILD. */
export function buildModelQuickly(spec: ModelSpec, inputShape: Shape, seed: number) {
  return buildModel(spec, inputShape, seed, QUICK_BUILD);
}

/**
 * A noisy 1-D function for regression with mean squared error: y = sin(3x) + x/2 plus gaussian
 * noise, x uniform in [-1, 1]. Deterministic from the seed; stored in a seeded random order.
 */
import { createRandom, gaussian } from './random';
import type { LabelledData } from './types';

/** The clean curve the model should recover (also drawn behind the points). */
export function sineTarget(x: number): number {
  return Math.sin(3 * x) + x / 2;
}

/** x: [count, 1] in [-1, 1]; y: Float32Array [count, 1]; `noise` is the noise's standard deviation. */
export function generateFunction1d(count: number, noise: number, seed: number): LabelledData {
  const random = createRandom(seed ^ 0x1d1d);
  const x = new Float32Array(count);
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const at = random() * 2 - 1;
    x[i] = at;
    y[i] = sineTarget(at) + gaussian(random) * noise;
  }
  return { x, y, count };
}

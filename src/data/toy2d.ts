/**
 * Deterministic 2-D toy datasets (as in TensorFlow Playground), generated from a seed.
 * Points lie roughly in [-1, 1]²; `noise` jitters them (0 = clean, 0.5 = very noisy).
 */
import { createRandom, gaussian, shuffledIndices, type Random } from './random';
import type { LabelledData } from './types';

export type Toy2dId = 'spiral' | 'xor' | 'circles' | 'gaussians';

type Generator = (
  index: number,
  count: number,
  random: Random,
  noise: number,
) => [number, number, number];

const generators: Record<Toy2dId, Generator> = {
  spiral(i, count, random, noise) {
    const label = i % 2;
    const n = Math.floor(i / 2);
    const perClass = Math.ceil(count / 2);
    const r = (n / perClass) * 0.9 + 0.05;
    const t = (1.75 * n * 2 * Math.PI) / perClass + label * Math.PI;
    return [
      r * Math.sin(t) + gaussian(random) * noise * 0.3,
      r * Math.cos(t) + gaussian(random) * noise * 0.3,
      label,
    ];
  },
  xor(_i, _count, random, noise) {
    const pad = 0.05; // keep points off the axes so the clean set is separable
    let a = random() * 2 - 1;
    let b = random() * 2 - 1;
    a += a > 0 ? pad : -pad;
    b += b > 0 ? pad : -pad;
    const label = a * b > 0 ? 0 : 1;
    return [
      a * 0.9 + gaussian(random) * noise * 0.3,
      b * 0.9 + gaussian(random) * noise * 0.3,
      label,
    ];
  },
  circles(i, _count, random, noise) {
    const label = i % 2;
    const radius = label === 0 ? random() * 0.45 : 0.65 + random() * 0.3;
    const angle = random() * 2 * Math.PI;
    return [
      radius * Math.sin(angle) + gaussian(random) * noise * 0.3,
      radius * Math.cos(angle) + gaussian(random) * noise * 0.3,
      label,
    ];
  },
  gaussians(i, _count, random, noise) {
    const label = i % 2;
    const centre = label === 0 ? 0.45 : -0.45;
    const spread = 0.15 + noise * 0.6;
    return [centre + gaussian(random) * spread, centre + gaussian(random) * spread, label];
  },
};

export function isToy2dId(id: string): id is Toy2dId {
  return Object.hasOwn(generators, id);
}

export function generateToy2d(
  id: Toy2dId,
  count: number,
  noise: number,
  seed: number,
): LabelledData {
  const random = createRandom(seed ^ 0x2d2d);
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  const generate = generators[id];
  // Points are generated in a pattern (e.g. along the spiral) and stored in a seeded random order,
  // so that any tail taken for validation is a fair sample of the whole set.
  const order = shuffledIndices(count, random);
  for (let i = 0; i < count; i++) {
    const [a, b, label] = generate(i, count, random, noise);
    const at = order[i] as number;
    x[2 * at] = a;
    x[2 * at + 1] = b;
    y[at] = label;
  }
  return { x, y, count };
}

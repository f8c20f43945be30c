import { describe, expect, it } from 'vitest';
import {
  centreOfMass,
  inkBounds,
  MNIST_SIZE,
  resampleArea,
  rgbaToGrey,
  toMnistInput,
} from './mnistPreprocess';

const PAD = 280;

/** A pad with the given rectangles filled white. */
function pad(...rects: [number, number, number, number][]): Float32Array {
  const grey = new Float32Array(PAD * PAD);
  for (const [x, y, w, h] of rects) {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) grey[j * PAD + i] = 1;
  }
  return grey;
}

function inkBox(image: Float32Array) {
  const b = inkBounds(image, MNIST_SIZE, MNIST_SIZE);
  if (!b) throw new Error('no ink');
  return { x0: b[0], y0: b[1], width: b[2] - b[0] + 1, height: b[3] - b[1] + 1 };
}

describe('toMnistInput', () => {
  it('gives all zeros for an empty pad', () => {
    const out = toMnistInput(new Float32Array(PAD * PAD), PAD, PAD);
    expect(out.length).toBe(784);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('scales a stroke drawn small in a corner up into the middle 20 × 20 box, centred', () => {
    const out = toMnistInput(pad([5, 5, 30, 30]), PAD, PAD);
    const box = inkBox(out);
    expect(box).toEqual({ x0: 4, y0: 4, width: 20, height: 20 });
    const [cx, cy] = centreOfMass(out, MNIST_SIZE, MNIST_SIZE) ?? [0, 0];
    expect(cx).toBeCloseTo(14, 5);
    expect(cy).toBeCloseTo(14, 5);
  });

  it('keeps the aspect ratio: a tall thin "1" stays thin', () => {
    const out = toMnistInput(pad([200, 20, 20, 200]), PAD, PAD);
    const box = inkBox(out);
    expect(box.height).toBe(20);
    expect(box.width).toBe(2);
  });

  it('centres by centre of mass, not by bounding box', () => {
    // An "L": heavy bottom bar, thin upright.
    const out = toMnistInput(pad([0, 0, 10, 100], [0, 90, 100, 10]), PAD, PAD);
    const [cx, cy] = centreOfMass(out, MNIST_SIZE, MNIST_SIZE) ?? [0, 0];
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    // The bounding box is then off-centre (down and right of the middle box's left edge).
    expect(inkBox(out).x0).toBeGreaterThan(4);
  });

  it('keeps values in [0, 1] with the strongest pixel at 1', () => {
    const grey = pad([100, 100, 50, 3]);
    for (let i = 0; i < grey.length; i++) grey[i] = (grey[i] ?? 0) * 0.6;
    const out = toMnistInput(grey, PAD, PAD);
    expect(Math.max(...out)).toBe(1);
    expect(Math.min(...out)).toBe(0);
  });

  it('handles a single dot (upscaling)', () => {
    const out = toMnistInput(pad([140, 140, 1, 1]), PAD, PAD);
    expect(inkBox(out)).toEqual({ x0: 4, y0: 4, width: 20, height: 20 });
  });
});

describe('resampleArea', () => {
  it('averages the covered source area, partial pixels by overlap', () => {
    // 3 × 1 source [0, 1, 1] to 2 × 1: each output covers 1.5 source pixels.
    const out = resampleArea(new Float32Array([0, 1, 1]), 3, 0, 0, 3, 1, 2, 1);
    expect(out[0]).toBeCloseTo(1 / 3);
    expect(out[1]).toBeCloseTo(1);
  });
});

describe('rgbaToGrey', () => {
  it('reads white-on-black canvas bytes as [0, 1]', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 51, 51, 51, 255]);
    expect(Array.from(rgbaToGrey(rgba, new Float32Array(3)))).toEqual([1, 0, Math.fround(0.2)]);
  });
});

import { describe, expect, it } from 'vitest';
import { splitData } from './split';
import { standardizeOnTraining, trainingCount } from './trainingScale';
import type { LabelledData, Normalization } from './types';

describe('the training split’s size', () => {
  it('is what splitData puts first, for any fractions', () => {
    const data: LabelledData = { x: new Float32Array(137), y: new Int32Array(137), count: 137 };
    for (const [validation, test] of [
      [0.2, 0.1],
      [0, 0],
      [0.15, 0],
      [0, 0.3],
      [0.5, 0.25],
    ] as const) {
      expect(trainingCount(137, validation, test, false)).toBe(
        splitData(data, validation, test).train.count,
      );
      expect(trainingCount(137, validation, test, true)).toBe(
        splitData(data, validation, test, data).train.count,
      );
    }
  });
});

describe('standardising on the training rows', () => {
  // Two columns stored as the import left them (standardised on all 6 rows), then a one-hot one.
  const rawA = [1, 2, 3, 4, 100, 200]; // the last two rows are held out
  const rawB = [5, 5, 5, 5, 9, 9];
  const oneHot = [1, 0, 1, 0, 1, 0];
  const allMean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const allStd = (v: number[]) =>
    Math.sqrt(v.reduce((a, b) => a + (b - allMean(v)) ** 2, 0) / v.length);
  const stored: Normalization = {
    kind: 'standardize',
    mean: [allMean(rawA), allMean(rawB), 0],
    std: [allStd(rawA), allStd(rawB), 1],
  };
  const x = new Float32Array(18);
  for (let n = 0; n < 6; n++) {
    x[n * 3] = ((rawA[n] ?? 0) - allMean(rawA)) / allStd(rawA);
    x[n * 3 + 1] = ((rawB[n] ?? 0) - allMean(rawB)) / allStd(rawB);
    x[n * 3 + 2] = oneHot[n] ?? 0;
  }
  const data: LabelledData = { x, y: new Int32Array(6), count: 6 };

  it('uses only the training rows’ mean and spread; held-out rows follow the same map', () => {
    const { data: scaled, normalization } = standardizeOnTraining(data, stored, 4);
    if (normalization.kind !== 'standardize') throw new Error('standardised');
    // Column A on rows 1..4: mean 2.5, population std √1.25.
    expect(normalization.mean[0]).toBeCloseTo(2.5, 5); // float32 inputs
    expect(normalization.std[0]).toBeCloseTo(Math.sqrt(1.25), 5);
    const column = (f: number) => Array.from({ length: 6 }, (_, n) => scaled.x[n * 3 + f] ?? 0);
    const a = column(0);
    expect(a.slice(0, 4).reduce((s, v) => s + v, 0)).toBeCloseTo(0, 5); // training rows centred
    expect(a[4]).toBeCloseTo((100 - 2.5) / Math.sqrt(1.25), 3); // held out: same map, no peeking
    // Column B is constant over the training rows: std 1, so they become 0 and 9 becomes 4.
    expect(normalization.std[1]).toBe(1);
    expect(column(1)).toEqual([0, 0, 0, 0, 4, 4]);
    // The one-hot column is left as it was.
    expect(column(2)).toEqual(oneHot);
    expect(normalization.mean[2]).toBe(0);
    // The stored arrays are not touched (a decoded dataset may be cached and shared).
    expect(data.x).toBe(x);
    expect(x[0]).toBeCloseTo((1 - allMean(rawA)) / allStd(rawA), 5);
  });

  it('leaves other normalisations and unusable counts alone', () => {
    const scale: Normalization = { kind: 'scale', divisor: 255 };
    expect(standardizeOnTraining(data, scale, 4).data).toBe(data);
    expect(standardizeOnTraining(data, stored, 0).data).toBe(data);
    expect(standardizeOnTraining(data, stored, Number.NaN).data).toBe(data);
  });

  it('fills a missing value with the training rows’ mean, whichever rows miss one', () => {
    // Column A's raw values with gaps in a training row and a held-out row.
    const rawA = [2, NaN, 4, 6, NaN, 100];
    const present = rawA.filter((v) => !Number.isNaN(v));
    const importMean = allMean(present);
    const importStd = allStd(present);
    const gappy: LabelledData = {
      x: Float32Array.from(rawA, (v) => (v - importMean) / importStd),
      y: new Int32Array(6),
      count: 6,
    };
    const scaling: Normalization = { kind: 'standardize', mean: [importMean], std: [importStd] };
    const { data: scaled, normalization } = standardizeOnTraining(gappy, scaling, 4);
    if (normalization.kind !== 'standardize') throw new Error('standardised');
    // The training rows' present values 2, 4 and 6: mean 4, not the all-rows mean 28.
    expect(normalization.mean[0]).toBeCloseTo(4, 4);
    expect(normalization.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 4);
    expect(scaled.x[1]).toBe(0); // the training gap: the training mean
    expect(scaled.x[4]).toBe(0); // the held-out gap: the same, nothing of its own row used
    expect(scaled.x[5]).toBeCloseTo((100 - 4) / Math.sqrt(8 / 3), 3);
    expect(Array.from(scaled.x).some((v) => Number.isNaN(v))).toBe(false);
    // A split being edited keeps the import's scaling and fills the gaps with its mean (0).
    const editing = standardizeOnTraining(gappy, scaling, Number.NaN).data;
    expect(editing.x[1]).toBe(0);
    expect(Array.from(editing.x).some((v) => Number.isNaN(v))).toBe(false);
    expect(Number.isNaN(gappy.x[1])).toBe(true); // the stored data is not touched
  });

  it('a column with no value among the training rows keeps the import’s scaling', () => {
    const gappy: LabelledData = {
      x: Float32Array.from([NaN, NaN, 1, -1]),
      y: new Int32Array(4),
      count: 4,
    };
    const scaling: Normalization = { kind: 'standardize', mean: [7], std: [2] };
    const { data: scaled, normalization } = standardizeOnTraining(gappy, scaling, 2);
    expect(normalization).toEqual(scaling);
    expect(Array.from(scaled.x)).toEqual([0, 0, 1, -1]);
  });
});

/**
 * Splits labelled data into training and validation parts. The built-in sets are already in a
 * seeded random order, so the validation part is simply the tail.
 */
import { createRandom, shuffledIndices } from './random';
import type { LabelledData } from './types';

export interface PreparedData {
  train: LabelledData;
  validation: LabelledData | null;
  /** Held out until the run ends, then evaluated once. */
  test: LabelledData | null;
  /** Token kinds: id → token (index = id), to encode a user's text and to label axes. */
  tokens?: readonly string[] | undefined;
}

export function takeRange(data: LabelledData, start: number, end: number): LabelledData {
  const features = data.x.length / data.count;
  const labels = data.y.length / data.count; // 1, or one per time step for sequence tasks
  return {
    x: data.x.slice(start * features, end * features),
    y: data.y.slice(start * labels, end * labels),
    count: end - start,
  };
}

export function splitValidation(data: LabelledData, fraction: number): PreparedData {
  const validationCount = Math.floor(data.count * fraction);
  if (validationCount === 0) return { train: data, validation: null, test: null };
  const trainCount = data.count - validationCount;
  return {
    train: takeRange(data, 0, trainCount),
    validation: takeRange(data, trainCount, data.count),
    test: null,
  };
}

/**
 * Train / validation / test. The test part is the tail (`testFraction` of the samples), unless the
 * dataset comes with a fixed test set; validation is the tail of what remains:
 * [ train … | validation | test ].
 */
export function splitData(
  data: LabelledData,
  validationFraction: number,
  testFraction: number,
  fixedTest: LabelledData | null = null,
): PreparedData {
  const testCount = fixedTest ? 0 : Math.floor(data.count * testFraction);
  const rest = testCount > 0 ? takeRange(data, 0, data.count - testCount) : data;
  const test =
    fixedTest ?? (testCount > 0 ? takeRange(data, data.count - testCount, data.count) : null);
  return { ...splitValidation(rest, validationFraction), test };
}

/** A seeded permutation of 0..count-1 for shuffling a dataset (and anything aligned with it). */
export function seededOrder(count: number, seed: number): Int32Array {
  return shuffledIndices(count, createRandom(seed ^ 0x5a5a));
}

/** The same samples in a seeded random order (files are often sorted by class). */
export function shuffleData(data: LabelledData, seed: number): LabelledData {
  return reorderData(data, seededOrder(data.count, seed));
}

/** Sample `to` of the result is sample `order[to]` of `data`. */
export function reorderData(data: LabelledData, order: Int32Array): LabelledData {
  const features = data.count === 0 ? 0 : data.x.length / data.count;
  const labels = data.count === 0 ? 0 : data.y.length / data.count;
  const x = new Float32Array(data.x.length);
  const y =
    data.y instanceof Float32Array
      ? new Float32Array(data.y.length)
      : new Int32Array(data.y.length);
  order.forEach((from, to) => {
    x.set(data.x.subarray(from * features, (from + 1) * features), to * features);
    y.set(data.y.subarray(from * labels, (from + 1) * labels), to * labels);
  });
  return { x, y, count: data.count };
}

/** How many labels of each class id (ids outside [0, classes) are not counted). */
export function countLabels(labels: Int32Array, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels)
    if (label >= 0 && label < classes) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** How many samples of each class (class ids only; regression gives an empty list). */
export function classCounts(data: LabelledData, classes: number): number[] {
  return data.y instanceof Float32Array ? [] : countLabels(data.y, classes);
}

/**
 * Table columns are standardised with the training rows' mean and spread alone, as a scaler is fit
 * on the training set only: the validation and test rows must stay unseen, and a mean that
 * includes them leaks a little of them into every input. The import standardises with every row
 * (the split is not known then) and leaves missing values as NaN; this redoes the scaling once the
 * split is known and fills each missing value with the training rows' mean (0 once standardised),
 * for training and for the dataset browser alike, so both show the model the same numbers.
 */
import type { LabelledData, Normalization } from './types';

/** How many samples lead the data as the training split (splitData's [train | validation | test]). */
export function trainingCount(
  count: number,
  validationFraction: number,
  testFraction: number,
  hasFixedTest: boolean,
): number {
  const rest = count - (hasFixedTest ? 0 : Math.floor(count * testFraction));
  return rest - Math.floor(rest * validationFraction);
}

/** The data on the training rows' scale, and where the file had no value. */
export interface TrainingScaled {
  data: LabelledData;
  normalization: Normalization;
  /** 1 for each value of `data.x` the file lacked (filled with the mean); absent without gaps. */
  missing?: Uint8Array | undefined;
}

/**
 * The data restandardised on its first `trainCount` samples, missing values (NaN) filled with the
 * training mean and noted in `missing`. One-hot columns (stored mean 0 and std 1, values 0 or 1)
 * are left as they are; a column constant over the training rows gets std 1, and one with no value
 * in the training rows keeps the import's mean and spread. New arrays: the decoded dataset may be cached and shared.
 */
export function standardizeOnTraining(
  data: LabelledData,
  normalization: Normalization,
  trainCount: number,
): TrainingScaled {
  if (normalization.kind !== 'standardize') return { data, normalization };
  let missing: Uint8Array | undefined;
  // A gap's value (the mean: 0 once standardised), noting where it was.
  const gap = (at: number): number => {
    (missing ??= new Uint8Array(data.x.length))[at] = 1;
    return 0;
  };
  // A split being edited (not a number yet, or out of range) keeps the import's scaling, with the
  // gaps at the import's all-rows mean, so that nothing downstream meets a NaN.
  if (!(trainCount > 0) || trainCount > data.count) {
    if (!data.x.some((v) => Number.isNaN(v))) return { data, normalization };
    const x = data.x.map((v, at) => (Number.isNaN(v) ? gap(at) : v));
    return { data: { ...data, x }, normalization, missing };
  }
  const features = data.x.length / data.count;
  const { mean: importMean, std: importStd } = normalization;
  // A value in the file's units, from the import's standardised one (NaN when missing).
  const raw = (n: number, f: number) =>
    (data.x[n * features + f] ?? 0) * (importStd[f] ?? 1) + (importMean[f] ?? 0);
  const mean = [...importMean];
  const std = [...importStd];
  for (let f = 0; f < features; f++) {
    if (isOneHot(data, f, features, normalization)) continue;
    let sum = 0;
    let present = 0;
    for (let n = 0; n < trainCount; n++) {
      const value = raw(n, f);
      if (Number.isNaN(value)) continue;
      sum += value;
      present++;
    }
    if (present === 0) continue;
    const m = sum / present;
    let squares = 0;
    for (let n = 0; n < trainCount; n++) {
      const value = raw(n, f);
      if (!Number.isNaN(value)) squares += (value - m) ** 2;
    }
    const variance = squares / present;
    mean[f] = m;
    std[f] = variance > 0 ? Math.sqrt(variance) : 1;
  }
  // No copy of the data in the file's units: each value is converted as it is written.
  const x = new Float32Array(data.x.length);
  for (let n = 0; n < data.count; n++) {
    for (let f = 0; f < features; f++) {
      const at = n * features + f;
      const value = raw(n, f);
      x[at] = Number.isNaN(value) ? gap(at) : (value - (mean[f] ?? 0)) / (std[f] ?? 1);
    }
  }
  return { data: { ...data, x }, normalization: { kind: 'standardize', mean, std }, missing };
}

/** A category's 0/1 input (see table.ts oneHotEncoder): kept as it is. */
function isOneHot(
  data: LabelledData,
  feature: number,
  features: number,
  normalization: { mean: number[]; std: number[] },
): boolean {
  if (normalization.mean[feature] !== 0 || normalization.std[feature] !== 1) return false;
  for (let n = 0; n < data.count; n++) {
    const value = data.x[n * features + feature];
    if (value !== 0 && value !== 1) return false;
  }
  return true;
}

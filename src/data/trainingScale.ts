/**
 * Table columns are standardised with the training rows' mean and spread alone, as a scaler is fit
 * on the training set only: the validation and test rows must stay unseen, and a mean that
 * includes them leaks a little of them into every input. The import standardises with every row
 * (the split is not known then); this redoes it once the split is, for training and for the
 * dataset browser alike, so both show the model the same numbers.
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

/**
 * The data restandardised on its first `trainCount` samples. One-hot columns (stored mean 0 and
 * std 1, values 0 or 1) are left as they are; a column constant over the training rows gets std 1.
 * New arrays: the decoded dataset may be cached and shared.
 */
export function standardizeOnTraining(
  data: LabelledData,
  normalization: Normalization,
  trainCount: number,
): { data: LabelledData; normalization: Normalization } {
  // A split being edited (not a number yet, or out of range) leaves the import's scaling.
  if (normalization.kind !== 'standardize' || !(trainCount > 0) || trainCount > data.count) {
    return { data, normalization };
  }
  const features = data.x.length / data.count;
  const { mean: importMean, std: importStd } = normalization;
  // A value in the file's units, from the import's standardised one.
  const raw = (n: number, f: number) =>
    (data.x[n * features + f] ?? 0) * (importStd[f] ?? 1) + (importMean[f] ?? 0);
  const mean = [...importMean];
  const std = [...importStd];
  for (let f = 0; f < features; f++) {
    if (isOneHot(data, f, features, normalization)) continue;
    let sum = 0;
    for (let n = 0; n < trainCount; n++) sum += raw(n, f);
    const m = sum / trainCount;
    let squares = 0;
    for (let n = 0; n < trainCount; n++) squares += (raw(n, f) - m) ** 2;
    const variance = squares / trainCount;
    mean[f] = m;
    std[f] = variance > 0 ? Math.sqrt(variance) : 1;
  }
  // No copy of the data in the file's units: each value is converted as it is written.
  const x = new Float32Array(data.x.length);
  for (let n = 0; n < data.count; n++) {
    for (let f = 0; f < features; f++) {
      x[n * features + f] = (raw(n, f) - (mean[f] ?? 0)) / (std[f] ?? 1);
    }
  }
  return { data: { ...data, x }, normalization: { kind: 'standardize', mean, std } };
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

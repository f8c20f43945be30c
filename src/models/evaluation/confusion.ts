/**
 * Confusion matrix and per-class precision / recall / F1 for the live evaluation view.
 *
 * Pure and dependency-free: the training worker calls it on predictions already read back from the
 * GPU, and Node tests call it directly.
 */

export interface ClassMetrics {
  /** TP / (TP + FP); 0 when the class was never predicted (0/0 is defined as 0). */
  precision: number;
  /** TP / (TP + FN); 0 when the class never occurs in the truth (0/0 is defined as 0). */
  recall: number;
  /** 2·TP / (2·TP + FP + FN), the harmonic mean of the two; 0 when TP + FP + FN = 0. */
  f1: number;
  /** How many samples truly belong to the class (its row sum). */
  support: number;
  /** How many samples were predicted as the class (its column sum). */
  predicted: number;
}

export interface AveragedMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClassReport {
  perClass: ClassMetrics[];
  /** Correct / total; 0 for an empty matrix. */
  accuracy: number;
  /** Every sample counted in the matrix. */
  total: number;
  /**
   * Unweighted mean over the classes that occur in the truth or in the predictions. A class with
   * neither is left out: in a small validation batch it says nothing about the model, and counting
   * it as 0 would drag every macro score down (scikit-learn's default, which infers the labels from
   * the data, does the same).
   */
  macro: AveragedMetrics;
  /** Mean weighted by support, so classes absent from the truth weigh nothing. */
  weighted: AveragedMetrics;
}

/** Rejects ids that would index outside the matrix, naming the argument: a wrong id is a bug. */
function checkId(id: number, classes: number, argument: string, index: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= classes) {
    throw new RangeError(
      `${argument}[${index}] is ${id}; class ids must be integers in [0, ${classes}).`,
    );
  }
}

function checkClasses(classes: number): void {
  if (!Number.isInteger(classes) || classes < 1) {
    throw new RangeError(`classes is ${classes}; it must be a positive integer.`);
  }
}

/**
 * Counts of (true class, predicted class) pairs.
 *
 * @returns Int32Array [classes, classes] row-major: `matrix[t * classes + p]` is the number of
 *   samples of true class `t` predicted as `p`. Rows sum to the support, columns to predictions.
 * @example confusionMatrix([0, 1, 1], [0, 1, 0], 2) // → [1, 0, 1, 1]
 */
export function confusionMatrix(
  trueIds: ArrayLike<number>,
  predictedIds: ArrayLike<number>,
  classes: number,
): Int32Array {
  checkClasses(classes);
  if (trueIds.length !== predictedIds.length) {
    throw new RangeError(
      `trueIds has ${trueIds.length} entries but predictedIds has ${predictedIds.length}; they must match.`,
    );
  }
  const matrix = new Int32Array(classes * classes);
  for (let i = 0; i < trueIds.length; i++) {
    const t = trueIds[i] as number;
    const p = predictedIds[i] as number;
    checkId(t, classes, 'trueIds', i);
    checkId(p, classes, 'predictedIds', i);
    matrix[t * classes + p] = (matrix[t * classes + p] as number) + 1;
  }
  return matrix;
}

/** a / b, with 0/0 (and any division by 0) defined as 0 so the report never holds NaN. */
function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

/**
 * Per-class precision, recall, F1 and support, plus accuracy and macro/weighted averages.
 *
 * @param matrix [classes, classes] row-major counts as returned by `confusionMatrix`.
 */
export function classReport(matrix: ArrayLike<number>, classes: number): ClassReport {
  checkClasses(classes);
  if (matrix.length !== classes * classes) {
    throw new RangeError(
      `matrix has ${matrix.length} entries; a ${classes}-class matrix needs ${classes * classes}.`,
    );
  }
  const support = new Float64Array(classes); // row sums
  const predicted = new Float64Array(classes); // column sums
  let total = 0;
  let correct = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) {
      const count = matrix[t * classes + p] as number;
      support[t] = (support[t] as number) + count;
      predicted[p] = (predicted[p] as number) + count;
      total += count;
      if (t === p) correct += count;
    }
  }

  const perClass: ClassMetrics[] = [];
  for (let c = 0; c < classes; c++) {
    const tp = matrix[c * classes + c] as number;
    const s = support[c] as number;
    const q = predicted[c] as number;
    // FP = q - tp, FN = s - tp, so 2TP + FP + FN = s + q.
    perClass.push({
      precision: ratio(tp, q),
      recall: ratio(tp, s),
      f1: ratio(2 * tp, s + q),
      support: s,
      predicted: q,
    });
  }

  const macro: AveragedMetrics = { precision: 0, recall: 0, f1: 0 };
  const weighted: AveragedMetrics = { precision: 0, recall: 0, f1: 0 };
  let present = 0;
  for (const m of perClass) {
    if (m.support > 0 || m.predicted > 0) {
      present++;
      macro.precision += m.precision;
      macro.recall += m.recall;
      macro.f1 += m.f1;
    }
    weighted.precision += m.precision * m.support;
    weighted.recall += m.recall * m.support;
    weighted.f1 += m.f1 * m.support;
  }
  for (const key of ['precision', 'recall', 'f1'] as const) {
    macro[key] = ratio(macro[key], present);
    weighted[key] = ratio(weighted[key], total);
  }

  return { perClass, accuracy: ratio(correct, total), total, macro, weighted };
}

/**
 * The predicted class of each row: the index of its largest value. Ties go to the lowest index, as
 * with `tf.argMax`, so these ids match the training accuracy. NaN never wins (a row of NaN gives
 * 0): a diverged output should not show up as a confident vote for whichever class comes first.
 *
 * @param probabilities [rows, classes] row-major scores (probabilities or logits).
 * @returns Int32Array [rows].
 */
export function argmaxRows(
  probabilities: ArrayLike<number>,
  rows: number,
  classes: number,
): Int32Array {
  checkClasses(classes);
  if (probabilities.length !== rows * classes) {
    throw new RangeError(
      `probabilities has ${probabilities.length} entries; [${rows}, ${classes}] needs ${rows * classes}.`,
    );
  }
  const ids = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const offset = r * classes;
    let best = 0;
    let bestValue = probabilities[offset] as number;
    for (let c = 1; c < classes; c++) {
      const value = probabilities[offset + c] as number;
      // The second test lets a real number replace a leading NaN.
      if (value > bestValue || (Number.isNaN(bestValue) && !Number.isNaN(value))) {
        best = c;
        bestValue = value;
      }
    }
    ids[r] = best;
  }
  return ids;
}

/**
 * Class ids for a one-unit sigmoid output: 1 when the probability is above `threshold`, else 0
 * (NaN gives 0). Strictly above, as `countCorrect` in losses.ts, so the two accuracies agree.
 *
 * @param probabilities [rows] (or [rows, 1]) sigmoid outputs.
 * @returns Int32Array [rows] of 0/1, to pair with `classes = 2`.
 */
export function thresholdBinary(probabilities: ArrayLike<number>, threshold = 0.5): Int32Array {
  const ids = new Int32Array(probabilities.length);
  for (let i = 0; i < probabilities.length; i++) {
    ids[i] = (probabilities[i] as number) > threshold ? 1 : 0;
  }
  return ids;
}

import { describe, expect, it } from 'vitest';
import { createRandom } from '../../data/random';
import { argmaxRows, classReport, confusionMatrix, thresholdBinary } from './confusion';

/** Every number in a report, so one assertion can check that none is NaN or infinite. */
function allNumbers(report: ReturnType<typeof classReport>): number[] {
  const averages = [report.macro, report.weighted].flatMap((a) => [a.precision, a.recall, a.f1]);
  const perClass = report.perClass.flatMap((m) => [
    m.precision,
    m.recall,
    m.f1,
    m.support,
    m.predicted,
  ]);
  return [report.accuracy, report.total, ...averages, ...perClass];
}

describe('confusionMatrix', () => {
  it('counts [true, predicted] pairs row-major', () => {
    // true 0 ×4, 1 ×3, 2 ×3.
    const truth = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    const predicted = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1];
    // prettier-ignore
    expect(Array.from(confusionMatrix(truth, predicted, 3))).toEqual([
      2, 1, 1,
      1, 2, 0,
      0, 1, 2,
    ]);
  });

  it('agrees with a brute-force re-count on random ids', () => {
    const random = createRandom(7);
    const classes = 5;
    const n = 400;
    const truth = Int32Array.from({ length: n }, () => Math.floor(random() * classes));
    // Mostly right, so the diagonal and the off-diagonal cells are both exercised.
    const predicted = truth.map((t) => (random() < 0.6 ? t : Math.floor(random() * classes)));
    const matrix = confusionMatrix(truth, predicted, classes);
    for (let t = 0; t < classes; t++) {
      for (let p = 0; p < classes; p++) {
        let count = 0;
        for (let i = 0; i < n; i++) if (truth[i] === t && predicted[i] === p) count++;
        expect(matrix[t * classes + p]).toBe(count);
      }
    }

    // Metrics straight from their definitions, sample by sample.
    const report = classReport(matrix, classes);
    let correct = 0;
    for (let i = 0; i < n; i++) if (truth[i] === predicted[i]) correct++;
    expect(report.accuracy).toBeCloseTo(correct / n, 12);
    for (let c = 0; c < classes; c++) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (let i = 0; i < n; i++) {
        if (predicted[i] === c && truth[i] === c) tp++;
        else if (predicted[i] === c) fp++;
        else if (truth[i] === c) fn++;
      }
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      const m = report.perClass[c];
      expect(m?.precision).toBeCloseTo(precision, 12);
      expect(m?.recall).toBeCloseTo(recall, 12);
      expect(m?.f1).toBeCloseTo((2 * precision * recall) / (precision + recall), 12);
      expect(m?.support).toBe(tp + fn);
    }
  });

  it('rejects mismatched lengths and ids outside [0, classes), naming the argument', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/trueIds has 2 .* predictedIds has 1/);
    expect(() => confusionMatrix([0, 2], [0, 1], 2)).toThrow(/trueIds\[1\] is 2/);
    expect(() => confusionMatrix([0, 1], [0, -1], 2)).toThrow(/predictedIds\[1\] is -1/);
    expect(() => confusionMatrix([0.5], [0], 2)).toThrow(/trueIds\[0\] is 0.5/);
    expect(() => confusionMatrix([], [], 0)).toThrow(/classes is 0/);
  });
});

describe('classReport', () => {
  it('matches precision, recall and F1 worked out by hand for 3 classes', () => {
    // Matrix rows (truth): [2 1 1], [1 2 0], [0 1 2]. Column sums (predicted): 3, 4, 3.
    const report = classReport([2, 1, 1, 1, 2, 0, 0, 1, 2], 3);
    const expected = [
      // class 0: TP 2 of 3 predicted, 2 of 4 true; F1 = 2·2 / (4 + 3)
      { precision: 2 / 3, recall: 1 / 2, f1: 4 / 7, support: 4, predicted: 3 },
      // class 1: TP 2 of 4 predicted, 2 of 3 true; F1 = 4 / 7
      { precision: 1 / 2, recall: 2 / 3, f1: 4 / 7, support: 3, predicted: 4 },
      // class 2: TP 2 of 3 predicted, 2 of 3 true; F1 = 4 / 6
      { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3, predicted: 3 },
    ];
    report.perClass.forEach((m, c) => {
      const e = expected[c];
      expect(m.precision).toBeCloseTo(e?.precision ?? NaN, 12);
      expect(m.recall).toBeCloseTo(e?.recall ?? NaN, 12);
      expect(m.f1).toBeCloseTo(e?.f1 ?? NaN, 12);
      expect(m.support).toBe(e?.support);
      expect(m.predicted).toBe(e?.predicted);
    });
    expect(report.perClass).toHaveLength(3);
    expect(report.total).toBe(10);
    expect(report.accuracy).toBeCloseTo(6 / 10, 12);
    // (2/3 + 1/2 + 2/3) / 3 = 11/18; recall likewise; (4/7 + 4/7 + 2/3) / 3 = 38/63.
    expect(report.macro.precision).toBeCloseTo(11 / 18, 12);
    expect(report.macro.recall).toBeCloseTo(11 / 18, 12);
    expect(report.macro.f1).toBeCloseTo(38 / 63, 12);
    // (4·2/3 + 3·1/2 + 3·2/3) / 10 = 37/60; weighted recall is always the accuracy;
    // (4·4/7 + 3·4/7 + 3·2/3) / 10 = 6/10.
    expect(report.weighted.precision).toBeCloseTo(37 / 60, 12);
    expect(report.weighted.recall).toBeCloseTo(6 / 10, 12);
    expect(report.weighted.f1).toBeCloseTo(6 / 10, 12);
  });

  it('scores a class that is never predicted as 0, not NaN', () => {
    // true [0, 1, 2, 2], predicted [0, 1, 1, 1]: class 2 is never predicted.
    const report = classReport(confusionMatrix([0, 1, 2, 2], [0, 1, 1, 1], 3), 3);
    expect(report.perClass[2]).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 2,
      predicted: 0,
    });
    // class 1: TP 1 of 3 predicted, 1 of 1 true; F1 = 2 / (1 + 3).
    expect(report.perClass[1]?.precision).toBeCloseTo(1 / 3, 12);
    expect(report.perClass[1]?.recall).toBe(1);
    expect(report.perClass[1]?.f1).toBeCloseTo(1 / 2, 12);
    // Macro counts the unpredicted class (it is in the truth): (1 + 1/3 + 0) / 3.
    expect(report.macro.precision).toBeCloseTo(4 / 9, 12);
    expect(allNumbers(report).every(Number.isFinite)).toBe(true);
  });

  it('leaves a class absent from both truth and predictions out of the macro average', () => {
    // true [0, 0, 1], predicted [0, 1, 1]; class 2 appears nowhere.
    const report = classReport(confusionMatrix([0, 0, 1], [0, 1, 1], 3), 3);
    expect(report.perClass[2]).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 0,
      predicted: 0,
    });
    // class 0: P 1, R 1/2, F1 2/3; class 1: P 1/2, R 1, F1 2/3. Averaged over 2 classes, not 3.
    expect(report.macro.precision).toBeCloseTo(3 / 4, 12);
    expect(report.macro.recall).toBeCloseTo(3 / 4, 12);
    expect(report.macro.f1).toBeCloseTo(2 / 3, 12);
    // Weighted by support (2, 1, 0): (2·1 + 1·1/2) / 3.
    expect(report.weighted.precision).toBeCloseTo(5 / 6, 12);
  });

  it('keeps a class that is predicted but absent from the truth in the macro average', () => {
    // true [0, 0], predicted [0, 1]: class 1 has no support but one (wrong) prediction.
    const report = classReport(confusionMatrix([0, 0], [0, 1], 2), 2);
    expect(report.perClass[1]).toEqual({
      precision: 0,
      recall: 0,
      f1: 0,
      support: 0,
      predicted: 1,
    });
    expect(report.macro.precision).toBeCloseTo(1 / 2, 12);
    expect(report.weighted.precision).toBe(1);
  });

  it('gives zeros, never NaN, for an empty matrix', () => {
    const report = classReport(new Int32Array(9), 3);
    expect(report.total).toBe(0);
    expect(allNumbers(report).every((v) => v === 0)).toBe(true);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => classReport(new Int32Array(8), 3)).toThrow(/matrix has 8 entries/);
  });
});

describe('argmaxRows', () => {
  it('picks the largest value in each row of a [rows, classes] array', () => {
    // prettier-ignore
    const probabilities = new Float32Array([
      0.1, 0.7, 0.2,
      0.5, 0.2, 0.3,
      0.0, 0.1, 0.9,
    ]);
    expect(Array.from(argmaxRows(probabilities, 3, 3))).toEqual([1, 0, 2]);
  });

  it('breaks ties towards the lowest index and never lets NaN win', () => {
    // prettier-ignore
    const scores = new Float32Array([
      0.4, 0.4, 0.2,
      NaN, 0.1, 0.3,
      0.2, NaN, 0.1,
      NaN, NaN, NaN,
      -Infinity, -5, -Infinity,
    ]);
    expect(Array.from(argmaxRows(scores, 5, 3))).toEqual([0, 2, 0, 0, 1]);
  });

  it('rejects an array that is not [rows, classes]', () => {
    expect(() => argmaxRows(new Float32Array(5), 2, 3)).toThrow(/probabilities has 5 entries/);
  });
});

describe('thresholdBinary', () => {
  it('gives class 1 strictly above 0.5, as the training accuracy does', () => {
    const ids = thresholdBinary(new Float32Array([0.2, 0.5, 0.51, 1, 0, NaN]));
    expect(Array.from(ids)).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('takes another threshold', () => {
    expect(Array.from(thresholdBinary([0.2, 0.3, 0.9], 0.25))).toEqual([0, 1, 1]);
  });

  it('feeds a 2-class confusion matrix', () => {
    const predicted = thresholdBinary([0.9, 0.1, 0.6, 0.4]);
    expect(Array.from(confusionMatrix([1, 0, 0, 1], predicted, 2))).toEqual([1, 1, 1, 1]);
  });
});

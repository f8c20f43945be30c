import { describe, expect, it } from 'vitest';
import { checkGoal } from './checkGoal';
import { recordAt } from './historyGoals';
import { parseLesson, type Goal } from './lessonFormat';
import { englishText } from '../shared/messages/englishText';
import { dense, lessonState, storedRun, trainRecord } from './testing/lessonFixtures';

const dropout = { id: 'drop', kind: 'dropout', rate: 0.4 } as const;
const plain = [dense(128), dense(128), dense(2, 'softmax')];
const cured = [dense(128), dropout, dense(128), dense(2, 'softmax')];
const hasDropout: Goal = { kind: 'layer', layer: 'dropout', min: 1 };

/** The overfitting lesson's shape: an overfit run without dropout, then one with it. */
const smallerGap: Goal = {
  kind: 'compareRuns',
  metric: 'accuracyGap',
  change: 'lower',
  by: 0.05,
  before: {
    kind: 'all',
    goals: [
      { kind: 'metric', metric: 'accuracyGap', op: '>=', value: 0.1 },
      { kind: 'not', goal: hasDropout },
    ],
  },
  after: hasDropout,
};

const overfit = () => storedRun(plain, { trainAccuracy: 1, valAccuracy: 0.75 });
const better = () => storedRun(cured, { trainAccuracy: 0.9, valAccuracy: 0.85 });
/** Runs newest first, as the store keeps them. */
const withRuns = (...runs: ReturnType<typeof storedRun>[]) => lessonState(cured, { runs });

describe('the run comparison goal', () => {
  it('is met when the latest run, with the cure, narrows the earlier run’s gap enough', () => {
    expect(checkGoal(smallerGap, withRuns(better(), overfit()))).toBe(true);
  });

  it('is not met when the latest run is no better, or lacks the cure', () => {
    const same = storedRun(cured, { trainAccuracy: 1, valAccuracy: 0.78 }); // gap 0.22 vs 0.25
    expect(checkGoal(smallerGap, withRuns(same, overfit()))).toBe(false);
    const luckyPlain = storedRun(plain, { trainAccuracy: 0.9, valAccuracy: 0.88 });
    expect(checkGoal(smallerGap, withRuns(luckyPlain, overfit()))).toBe(false);
  });

  it('is not met without an earlier run that meets the condition', () => {
    expect(checkGoal(smallerGap, withRuns(better()))).toBe(false);
    const notOverfit = storedRun(plain, { trainAccuracy: 0.8, valAccuracy: 0.78 });
    expect(checkGoal(smallerGap, withRuns(better(), notOverfit))).toBe(false);
    expect(checkGoal(smallerGap, withRuns())).toBe(false);
  });

  it('compares with the newest earlier run that meets the condition, past failed attempts', () => {
    const failedCure = storedRun(cured, { trainAccuracy: 1, valAccuracy: 0.76 });
    expect(checkGoal(smallerGap, withRuns(better(), failedCure, overfit()))).toBe(true);
  });

  it('ignores runs on another dataset, and runs that did not end', () => {
    const elsewhere = (run: ReturnType<typeof storedRun>) => ({
      ...run,
      experiment: { ...run.experiment, dataset: { ...run.experiment.dataset, id: 'circles' } },
    });
    expect(checkGoal(smallerGap, withRuns(better(), elsewhere(overfit())))).toBe(false);
    // The latest run on the design's data is the overfit one: nothing after it to compare.
    expect(checkGoal(smallerGap, withRuns(elsewhere(better()), overfit()))).toBe(false);
    for (const status of ['live', 'error', 'interrupted'] as const) {
      expect(checkGoal(smallerGap, withRuns({ ...better(), status }, overfit())), status).toBe(
        false,
      );
    }
  });

  it('reads higher as better, and a gain of exactly `by` counts despite rounding', () => {
    const higher: Goal = { kind: 'compareRuns', metric: 'valAccuracy', change: 'higher', by: 0.1 };
    const at = (valAccuracy: number) => storedRun(plain, { valAccuracy });
    // 0.3 - 0.2 is 0.09999999999999998 in floating point: still a gain of 0.1.
    expect(checkGoal(higher, withRuns(at(0.3), at(0.2)))).toBe(true);
    expect(checkGoal(higher, withRuns(at(0.25), at(0.2)))).toBe(false);
    expect(checkGoal(higher, withRuns(at(0.2), at(0.4)))).toBe(false);
    expect(checkGoal(higher, withRuns(storedRun(plain, {}), at(0.1)))).toBe(false); // no number
  });
});

describe('the timeline goal', () => {
  // Accuracy crosses 0.8 between the records at steps 40 and 60; checkpoints every 20 steps.
  const train = [10, 20, 30, 40, 50, 60, 70].map((step) =>
    trainRecord(step, step <= 40 ? 0.5 + step / 200 : 0.9),
  );
  const checkpoints = [0, 20, 40, 60, 80];
  const firstAbove: Goal = { kind: 'timeline', metric: 'trainAccuracy', op: '>=', value: 0.8 };
  const at = (rewind: number | null) => lessonState(plain, { train, checkpoints, rewind });

  it('is met at the first checkpoint whose record (at or before it) reaches the bar', () => {
    // Step 60's record (0.9) is the first at or above 0.8; step 40's is 0.7.
    expect(checkGoal(firstAbove, at(60))).toBe(true);
    expect(checkGoal(firstAbove, at(40))).toBe(false);
    expect(checkGoal(firstAbove, at(80))).toBe(false);
    expect(checkGoal(firstAbove, at(null))).toBe(false);
    expect(checkGoal(firstAbove, at(70))).toBe(false); // not a checkpoint
  });

  it('accepts the checkpoints either side within its tolerance', () => {
    const loose: Goal = { ...firstAbove, tolerance: 1 } as Goal;
    expect([0, 20, 40, 60, 80].map((step) => checkGoal(loose, at(step)))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('is not met while no checkpoint has reached the bar', () => {
    const early = lessonState(plain, {
      train: train.slice(0, 4),
      checkpoints: [0, 20, 40],
      rewind: 40,
    });
    expect(checkGoal(firstAbove, early)).toBe(false);
    const lossBelow: Goal = { kind: 'timeline', metric: 'trainLoss', op: '<=', value: 0.05 };
    expect(checkGoal(lossBelow, at(60))).toBe(false);
  });

  it('reads the loss too', () => {
    const lossBelow: Goal = { kind: 'timeline', metric: 'trainLoss', op: '<=', value: 0.31 };
    expect(checkGoal(lossBelow, at(40))).toBe(true); // loss 0.3 at step 40
    expect(checkGoal(lossBelow, at(60))).toBe(false);
  });

  it('finds the record at or just before a step', () => {
    expect(recordAt(train, 45)?.step).toBe(40);
    expect(recordAt(train, 40)?.step).toBe(40);
    expect(recordAt(train, 5)).toBeUndefined();
    expect(recordAt(train, 1000)?.step).toBe(70);
    expect(recordAt([], 10)).toBeUndefined();
  });
});

describe('the not goal', () => {
  it('inverts its goal', () => {
    const noDropout: Goal = { kind: 'not', goal: hasDropout };
    expect(checkGoal(noDropout, lessonState(plain))).toBe(true);
    expect(checkGoal(noDropout, lessonState(cured))).toBe(false);
  });
});

describe('the lesson format', () => {
  const withGoal = (goal: unknown) => ({
    format: 'layerlab-lesson',
    version: 1,
    id: 'x',
    title: { en: 'x', zh: 'x' },
    summary: { en: 'x', zh: 'x' },
    preset: 'spiral-mlp',
    steps: [{ text: { en: 'x', zh: 'x' }, goal }],
  });

  it('takes the new goals nested, and names a wrong field', () => {
    const nested = {
      kind: 'compareRuns',
      metric: 'valLoss',
      change: 'lower',
      by: 0.2,
      before: { kind: 'not', goal: { kind: 'penalty', penalty: 'l2' } },
    };
    expect(parseLesson(withGoal(nested), 'a.json').ok).toBe(true);
    const wide = { kind: 'timeline', metric: 'trainAccuracy', op: '>=', value: 0.8, tolerance: 9 };
    const refused = parseLesson(withGoal(wide), 'b.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(englishText(refused.problem)).toMatch(/steps\.0\.goal\.tolerance/);
    expect(parseLesson(withGoal({ ...nested, change: 'better' }), 'c.json').ok).toBe(false);
  });
});

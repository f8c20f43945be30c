/**
 * What goals over time read: a stored run as a lesson state (so the design goals check it too),
 * the runs a comparison weighs, and the training numbers the current run had at a checkpoint.
 */
import type { TrainRecord } from '../shared/protocol';
import type { RunSummary } from '../shared/runs/runTypes';
import type { LessonState } from './lessonState';

/** A stored run read as a lesson state: its design, settings and last numbers. */
export function runState(run: RunSummary): LessonState {
  const { spec, training, dataset } = run.experiment;
  const { metrics } = run;
  return {
    spec,
    training,
    runTraining: training,
    dataset: dataset.id,
    // Analysing every stored design on each check would cost more than a lesson needs.
    params: null,
    trainAccuracy: metrics.trainAccuracy,
    valAccuracy: metrics.valAccuracy,
    testAccuracy: metrics.testAccuracy,
    trainLoss: metrics.trainLoss,
    valLoss: metrics.valLoss,
    steps: run.step,
    diverged: false,
    train: [],
    checkpoints: [],
    rewind: null,
    runs: [],
  };
}

/**
 * The runs a comparison may use, newest first: ended ones (a reset or a new run ends one too) on
 * the design's data. A run still training, failed or cut off by a closed page has no final word.
 */
export function finishedRuns(state: LessonState): LessonState[] {
  return state.runs
    .filter((run) => run.status === 'done' && run.experiment.dataset.id === state.dataset)
    .map(runState);
}

/** The record at `step` or the last one before it (records are in step order). */
export function recordAt(train: readonly TrainRecord[], step: number): TrainRecord | undefined {
  let low = 0;
  let high = train.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((train[middle] as TrainRecord).step <= step) low = middle + 1;
    else high = middle;
  }
  return train[low - 1];
}

/**
 * The index (into state.checkpoints) of the first checkpoint whose training record passes
 * `passes`, or -1 when none does yet.
 */
export function firstCheckpoint(state: LessonState, passes: (record: TrainRecord) => boolean) {
  return state.checkpoints.findIndex((step) => {
    const record = recordAt(state.train, step);
    return record !== undefined && passes(record);
  });
}

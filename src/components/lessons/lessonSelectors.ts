/**
 * Store selectors for the lesson goals that read the run history and the timeline. Used with
 * useShallow: each returns a fresh array, equal item by item until what a goal reads changes.
 */
import type { AppState } from '../../state/store';

type RunsState = Pick<AppState, 'runHistory' | 'currentRecord'>;

const NO_STEPS: number[] = [];

/** The current run's checkpoint steps (new numbers only when a checkpoint is added or dropped). */
export const checkpointSteps = (s: RunsState): number[] =>
  s.runHistory.find((run) => run.id === s.currentRecord)?.checkpoints.map((c) => c.step) ??
  NO_STEPS;

/**
 * Ended runs only: the live run's summary is replaced as it trains, and the ended ones keep their
 * objects, so this list changes only when a run ends or is deleted.
 */
export const endedRuns = (s: RunsState) => s.runHistory.filter((run) => run.status === 'done');

/**
 * A run while the recorder records it: its summary and the curve chunk still filling (RunLog),
 * plus what recording needs meanwhile: its training clock, when it was last written, and the
 * checkpoints on their way to storage.
 */
import { CURVE_CHUNK_RECORDS } from '../../shared/runs/runTypes';
import type { RunLog } from './runSummaryUpdate';

/** A rough size of one curve record in IndexedDB, for the budget. */
const CURVE_RECORD_BYTES = 120;

export interface LiveRun extends RunLog {
  /** The session's number for the run: events of other runs are ignored. */
  sessionRunId: number;
  chunkIndex: number;
  /** Validation records in each stored chunk before the filling one (each holds
   * CURVE_CHUNK_RECORDS training records): a reader's cursor then names the chunk it reads from. */
  closedValidation: number[];
  /** Training time before the current stretch, and when the stretch started (null when paused). */
  trainedMs: number;
  stretchStart: number | null;
  lastFlush: number;
  /** Something changed since the summary was last written. */
  dirty: boolean;
  /** Steps whose checkpoint is copied but not yet stored: a second request for one is skipped. */
  pending: Set<number>;
  /** Lets go of the run's lock (other tabs then see it as cut short if it is still live). */
  release: () => void;
}

/** Sets the summary's byte count: its checkpoints plus an estimate for its curve records. */
export function countBytes(live: LiveRun): void {
  const { summary } = live;
  const records = live.chunkIndex * CURVE_CHUNK_RECORDS + live.chunk.train.length;
  summary.bytes =
    summary.checkpoints.reduce((sum, c) => sum + c.bytes, 0) + records * CURVE_RECORD_BYTES;
}

/** Ends the current training stretch at `now` and starts a new one when `training`. */
export function trackTime(live: LiveRun, training: boolean, now: number): void {
  if (live.stretchStart !== null) live.trainedMs += now - live.stretchStart;
  live.stretchStart = training ? now : null;
}

/** Time spent training up to `now` (paused stretches not counted). */
export function trainingTime(live: LiveRun, now: number): number {
  return live.trainedMs + (live.stretchStart === null ? 0 : now - live.stretchStart);
}

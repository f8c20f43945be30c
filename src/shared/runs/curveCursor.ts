/**
 * Reading a live run's curves a piece at a time. The page compares a training run by reading its
 * curves again about once a second; sending the whole history each time costs the page a
 * structured clone that grows with the run (tens of milliseconds for a long one). So the page says
 * what it holds (a cursor) and the worker sends only the records after it.
 *
 * A run reopened at a checkpoint (after a reload or a crashed worker) drops what it recorded after
 * that step and records it again, so a cursor taken before the reopening no longer describes a
 * prefix of its curves: the run counts its reopenings, and a cursor of another count gets the
 * whole history.
 */
import type { RunCurves } from './runTypes';

/** What a page holds of a run's curves: how many records of each list, as of which reopening. */
export interface CurveCursor {
  reopened: number;
  train: number;
  validation: number;
}

/** One read: the whole history, or (`appended`) only the records after the cursor asked with. */
export interface CurveRead {
  curves: RunCurves;
  appended: boolean;
  /** What the reader holds once it has taken this read in: the cursor for its next read. */
  cursor: CurveCursor;
}

/** The part of `curves` (as of reopening `reopened`) that a reader holding `since` lacks. */
export function readSince(
  curves: RunCurves,
  reopened: number,
  since: CurveCursor | undefined,
): CurveRead {
  const cursor = { reopened, train: curves.train.length, validation: curves.validation.length };
  const appended =
    since !== undefined &&
    since.reopened === reopened &&
    since.train <= cursor.train &&
    since.validation <= cursor.validation;
  if (!appended) return { curves, appended, cursor };
  return {
    curves: {
      train: curves.train.slice(since.train),
      validation: curves.validation.slice(since.validation),
    },
    appended,
    cursor,
  };
}

/** The curves a reader holds after taking `read` in, given what it held before. */
export function takeRead(held: RunCurves | undefined, read: CurveRead): RunCurves {
  if (!read.appended || !held) return read.curves;
  return {
    train: held.train.concat(read.curves.train),
    validation: held.validation.concat(read.curves.validation),
  };
}

/** Where a stored curve chunk starts: how many records of each list come before it. */
export interface ChunkStart {
  index: number;
  train: number;
  validation: number;
}

/**
 * The last chunk that starts at or before `since`: a reader holding `since` needs nothing before
 * it. Every stored chunk but the one filling holds `chunkRecords` training records and
 * `closedValidation[i]` validation records.
 */
export function chunkHolding(
  since: CurveCursor,
  closedValidation: readonly number[],
  chunkRecords: number,
): ChunkStart {
  let start: ChunkStart = { index: 0, train: 0, validation: 0 };
  for (let i = 0; i < closedValidation.length; i++) {
    const next = {
      index: i + 1,
      train: start.train + chunkRecords,
      validation: start.validation + closedValidation[i]!,
    };
    if (next.train > since.train || next.validation > since.validation) break;
    start = next;
  }
  return start;
}

/**
 * `readSince` for a reader holding `since`, given only the curves from chunk `start` on (`tail`).
 * Null when `since` lies outside them: the caller then reads the whole history.
 */
export function readTail(
  tail: RunCurves,
  start: ChunkStart,
  reopened: number,
  since: CurveCursor,
): CurveRead | null {
  if (since.reopened !== reopened || since.train < start.train) return null;
  if (since.validation < start.validation) return null;
  const read = readSince(tail, reopened, {
    reopened,
    train: since.train - start.train,
    validation: since.validation - start.validation,
  });
  if (!read.appended) return null;
  const cursor = {
    reopened,
    train: start.train + read.cursor.train,
    validation: start.validation + read.cursor.validation,
  };
  return { ...read, cursor };
}

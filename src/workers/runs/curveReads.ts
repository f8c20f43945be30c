/**
 * Reading a run's curves for the page: the stored chunks joined with the chunk a live run is still
 * filling, and for a reader that holds part of them already (a compared run that trains, read
 * about once a second), only what it lacks, read from storage no further back than the chunk its
 * cursor falls in (curveCursor.ts).
 */
import {
  chunkHolding,
  readSince,
  readTail,
  type CurveCursor,
  type CurveRead,
} from '../../shared/runs/curveCursor';
import { CURVE_CHUNK_RECORDS, type RunCurves, type RunSummary } from '../../shared/runs/runTypes';
import { message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { LiveRun } from './liveRun';
import { joinChunks, type RunStore } from './runStore';
import type { WriteQueue } from './writeQueue';

/** What the reads need of the recorder. */
export interface CurveSource {
  store: RunStore;
  /** Every write queued so far; a read waits for them. */
  writes: WriteQueue;
  summary(id: string): Promise<RunSummary | undefined>;
  /** The run as this tab records it, while it does. */
  live(id: string): LiveRun | undefined;
}

/** A run's curves: its stored chunks, plus the chunk still filling when it is a live run. */
export async function readCurves(source: CurveSource, id: string): Promise<RunCurves> {
  const summary = await source.summary(id);
  if (!summary) throw new MessageError(message('worker.runGone'));
  // The filling chunk is taken now, with the number of chunks before it: while the stored ones
  // are read, it may fill up and be stored as the next (its records then in neither).
  const live = source.live(id);
  const filling = live ? fillingChunk(live) : null;
  // Every earlier chunk's write is queued by now: wait for them before reading.
  await source.writes.settled();
  const stored = await source.store.getCurveChunks(id, 0, filling?.index ?? summary.curveChunks);
  return filling ? joinChunks([stored, filling]) : stored;
}

/**
 * A run's curves after what a reader already holds (`since`), or all of them when it holds
 * nothing or a cursor the run's reopening has made stale.
 */
export async function readCurvesSince(
  source: CurveSource,
  id: string,
  since: CurveCursor | undefined,
): Promise<CurveRead> {
  const live = source.live(id);
  const tail = live && since ? await readLiveTail(source, live, since) : null;
  if (tail) return tail;
  const reopenedNow = async () => (await source.summary(id))?.reopened ?? 0;
  const before = await reopenedNow();
  const curves = await readCurves(source, id);
  // Reopened during the read: the curves may be from before or after it, so the cursor keeps the
  // count from before, and the next read gets the whole history.
  if ((await reopenedNow()) !== before) return readSince(curves, before, undefined);
  return readSince(curves, before, since);
}

/**
 * What a reader holding `since` lacks of a run this tab records, from the chunk holding its cursor
 * on: a reader following a training run about once a second mostly holds all but the filling
 * chunk, so nothing is read from storage (one stored chunk, the one its cursor fell in, once
 * after each chunk closes). Null when the cursor does not fit, a stored chunk is missing, or the
 * run stopped being recorded meanwhile: the caller reads the whole history.
 */
async function readLiveTail(
  source: CurveSource,
  live: LiveRun,
  since: CurveCursor,
): Promise<CurveRead | null> {
  const reopened = live.summary.reopened ?? 0;
  if (since.reopened !== reopened) return null;
  const start = chunkHolding(since, live.closedValidation, CURVE_CHUNK_RECORDS);
  const filling = fillingChunk(live);
  await source.writes.settled();
  const stored =
    start.index < filling.index
      ? await source.store.getCurveChunks(live.summary.id, start.index, filling.index)
      : { train: [], validation: [] };
  // Reopened or deleted while reading: its stored chunks may have changed under the read.
  const still = source.live(live.summary.id) === live && (live.summary.reopened ?? 0) === reopened;
  // A chunk missing from storage (its write failed: storage full) would shift every record after
  // it; the whole history, read as stored, still matches what the reader was sent before.
  const complete = stored.train.length === (filling.index - start.index) * CURVE_CHUNK_RECORDS;
  return still && complete ? readTail(joinChunks([stored, filling]), start, reopened, since) : null;
}

/** A copy of the chunk a live run is filling, with its index. */
function fillingChunk(live: LiveRun): RunCurves & { index: number } {
  return {
    index: live.chunkIndex,
    train: [...live.chunk.train],
    validation: [...live.chunk.validation],
  };
}

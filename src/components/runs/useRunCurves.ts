import { useEffect, useRef, useState } from 'react';
import { runRequests } from '../../bridge/runRequests';
import { workerGeneration } from '../../bridge/workerBridge';
import type { RunCurves, RunSummary } from '../../shared/runs/runTypes';
import { takeRead, type CurveCursor } from '../../shared/runs/curveCursor';

/** How often a live run's curves are read again while it is compared. */
const LIVE_REFRESH_MS = 1000;

/** What changes when a run's stored curves may have grown. */
const versionOf = (run: RunSummary): string => `${run.step}:${run.status}`;

interface ReadState {
  /** The step and status it was last read at, and when. */
  version: string;
  at: number;
  /**
   * What the page holds (none until a first read lands) and from which worker: the next read asks
   * only for more, unless the worker was restarted since (a crash may have cut a run's reopening
   * short before its count was stored, so an old cursor could look current).
   */
  held: { curves: RunCurves; cursor: CurveCursor; worker: number } | null;
  /** One read at a time per run: two reads from the same cursor would both append its records. */
  reading: boolean;
}

/**
 * The curves of the given runs, read from the worker once each and again (at most once a second)
 * while a run is still training, so a compared live run grows in the chart. A read after the first
 * brings only the records since the last one (see curveCursor.ts).
 */
export function useRunCurves(runs: readonly RunSummary[]): ReadonlyMap<string, RunCurves> {
  const [curves, setCurves] = useState<ReadonlyMap<string, RunCurves>>(new Map());
  // Per run (no render needs it): a run that ends records its last validation at the step it was
  // already read at, hence the status in its version.
  const reads = useRef(new Map<string, ReadState>());
  // Bumped by a timer when a run moved on too soon after its last read (or while a read was still
  // under way): the run's last update (e.g. the one that says it is done) may be the last change
  // for a long time, and its final curves must still be read.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const now = performance.now();
    const due: RunSummary[] = [];
    let waitMs = Infinity;
    for (const run of runs) {
      const state = reads.current.get(run.id);
      if (!state) due.push(run);
      else if (versionOf(run) !== state.version) {
        const wait = state.reading ? LIVE_REFRESH_MS : state.at + LIVE_REFRESH_MS - now;
        if (wait <= 0) due.push(run);
        else waitMs = Math.min(waitMs, wait);
      }
    }
    const timer = Number.isFinite(waitMs)
      ? setTimeout(() => setTick((n) => n + 1), waitMs)
      : undefined;
    for (const run of due) {
      const worker = workerGeneration();
      const before = reads.current.get(run.id)?.held ?? null;
      const held = before?.worker === worker ? before : null;
      const state: ReadState = { version: versionOf(run), at: now, held, reading: true };
      reads.current.set(run.id, state);
      runRequests.curves(run.id, held?.cursor).then(
        (read) => {
          state.reading = false;
          const runCurves = takeRead(state.held?.curves, read);
          state.held = { curves: runCurves, cursor: read.cursor, worker };
          setCurves((before) => new Map(before).set(run.id, runCurves));
        },
        // Deleted meanwhile (the list update drops it), or the worker restarted: forgotten, so the
        // next change of the list reads it again from the start.
        () => reads.current.delete(run.id),
      );
    }
    return () => clearTimeout(timer);
  }, [runs, tick]);
  return curves;
}

import { useEffect, useRef, useState } from 'react';
import { runRequests } from '../../bridge/runRequests';
import type { RunCurves, RunSummary } from '../../shared/runs/runTypes';

/** How often a live run's curves are read again while it is compared. */
const LIVE_REFRESH_MS = 1000;

/** What changes when a run's stored curves may have grown. */
const versionOf = (run: RunSummary): string => `${run.step}:${run.status}`;

/**
 * The curves of the given runs, read from the worker once each and again (at most once a second)
 * while a run is still training, so a compared live run grows in the chart.
 */
export function useRunCurves(runs: readonly RunSummary[]): ReadonlyMap<string, RunCurves> {
  const [curves, setCurves] = useState<ReadonlyMap<string, RunCurves>>(new Map());
  // When each run was last read, and at which step and status (no render needs it): a run that
  // ends records its last validation at the step it was already read at.
  const readAt = useRef(new Map<string, { version: string; at: number }>());
  // Bumped by a timer when a run moved on too soon after its last read: the run's last update
  // (e.g. the one that says it is done) may be the last change for a long time, and its final
  // curves must still be read.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const now = performance.now();
    const stale: RunSummary[] = [];
    let waitMs = Infinity;
    for (const run of runs) {
      const read = readAt.current.get(run.id);
      if (!read) stale.push(run);
      else if (versionOf(run) !== read.version) {
        const due = read.at + LIVE_REFRESH_MS - now;
        if (due <= 0) stale.push(run);
        else waitMs = Math.min(waitMs, due);
      }
    }
    const timer = Number.isFinite(waitMs)
      ? setTimeout(() => setTick((n) => n + 1), waitMs)
      : undefined;
    for (const run of stale) {
      readAt.current.set(run.id, { version: versionOf(run), at: now });
      runRequests.curves(run.id).then(
        (runCurves) => setCurves((before) => new Map(before).set(run.id, runCurves)),
        // Deleted meanwhile (the list update drops it), or the worker restarted: forgotten as
        // read, so the next change of the list reads it again.
        () => readAt.current.delete(run.id),
      );
    }
    return () => clearTimeout(timer);
  }, [runs, tick]);
  return curves;
}

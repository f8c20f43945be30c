import { useEffect, useRef, useState } from 'react';
import { runRequests } from '../../bridge/runRequests';
import type { RunCurves, RunSummary } from '../../shared/runs/runTypes';

/** How often a live run's curves are read again while it is compared. */
const LIVE_REFRESH_MS = 1000;

/**
 * The curves of the given runs, read from the worker once each and again (at most once a second)
 * while a run is still training, so a compared live run grows in the chart.
 */
export function useRunCurves(runs: readonly RunSummary[]): ReadonlyMap<string, RunCurves> {
  const [curves, setCurves] = useState<ReadonlyMap<string, RunCurves>>(new Map());
  // When each run was last read, and at which step (no render needs it).
  const readAt = useRef(new Map<string, { step: number; at: number }>());
  useEffect(() => {
    const stale = runs.filter((run) => {
      const read = readAt.current.get(run.id);
      if (!read) return true;
      return run.step !== read.step && performance.now() - read.at >= LIVE_REFRESH_MS;
    });
    if (stale.length === 0) return;
    for (const run of stale) readAt.current.set(run.id, { step: run.step, at: performance.now() });
    void Promise.all(
      stale.map(async (run) => [run.id, await runRequests.curves(run.id)] as const),
    ).then(
      (read) => {
        setCurves((before) => {
          const next = new Map(before);
          for (const [id, runCurves] of read) next.set(id, runCurves);
          return next;
        });
      },
      () => undefined, // a run deleted meanwhile: the list update removes it from the comparison
    );
  }, [runs]);
  return curves;
}

import { useStore } from '../state/store';
import type { RunSummary } from '../shared/runs/runTypes';

/** A new run list in the store; a compared run that is no longer listed leaves the comparison. */
export function showRuns(runs: RunSummary[]): RunSummary[] {
  const ids = new Set(runs.map((run) => run.id));
  useStore.setState(({ comparedRuns }) => ({
    runHistory: runs,
    comparedRuns: comparedRuns.filter((id) => ids.has(id)),
  }));
  return runs;
}

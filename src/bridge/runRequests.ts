/**
 * The run history through the bridge: list, curves, rename, pin and delete, each one request
 * answered by the worker, which owns the stored runs. The list lands in the store.
 */
import { useStore } from '../state/store';
import type { RunCurves, RunSummary } from '../shared/runs/runTypes';
import { request, startRun } from './workerBridge';

const show = (runs: RunSummary[]) => {
  const ids = new Set(runs.map((run) => run.id));
  useStore.setState(({ comparedRuns }) => ({
    runHistory: runs,
    comparedRuns: comparedRuns.filter((id) => ids.has(id)),
  }));
  return runs;
};

export const runRequests = {
  async list(): Promise<RunSummary[]> {
    return show((await request('listRuns', {})).runs);
  },
  async curves(id: string): Promise<RunCurves> {
    return (await request('getRunCurves', { id })).curves;
  },
  async rename(id: string, name: string): Promise<RunSummary[]> {
    return show((await request('updateRun', { id, name })).runs);
  },
  async pin(id: string, pinned: boolean): Promise<RunSummary[]> {
    return show((await request('updateRun', { id, pinned })).runs);
  },
  /** Starts a new run (a fork) from a run's checkpoint, with the current design and settings. */
  continueFrom(runId: string, step: number): void {
    startRun(false, { kind: 'checkpoint', runId, step });
  },
  async remove(id: string): Promise<RunSummary[]> {
    return show((await request('deleteRun', { id })).runs);
  },
};

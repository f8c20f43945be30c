/**
 * The run history through the bridge: list, curves, rename, pin and delete, each one request
 * answered by the worker, which owns the stored runs. The list lands in the store.
 */
import { askToPersistStorage } from './persistentStorage';
import type { RunSummary } from '../shared/runs/runTypes';
import type { CurveCursor, CurveRead } from '../shared/runs/curveCursor';
import { showRuns } from './showRuns';
import { request, startRun } from './workerBridge';

const show = showRuns;

export const runRequests = {
  async list(): Promise<RunSummary[]> {
    return show((await request('listRuns', {})).runs);
  },
  /** A run's curves: all of them, or only those after `since` (what the page holds). */
  async curves(id: string, since?: CurveCursor): Promise<CurveRead> {
    return (await request('getRunCurves', since ? { id, since } : { id })).read;
  },
  async rename(id: string, name: string): Promise<RunSummary[]> {
    return show((await request('updateRun', { id, name })).runs);
  },
  async pin(id: string, pinned: boolean): Promise<RunSummary[]> {
    if (pinned) void askToPersistStorage(); // kept on purpose: ask the browser to keep it too
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

import type { RunSummary } from '../../shared/runs/runTypes';

/** What the run recorder tells the page. */
export type RunNotice =
  | { type: 'runUpdated'; summary: RunSummary }
  /** The whole list, after another tab changed the stored runs. */
  | { type: 'runsChanged'; runs: RunSummary[] }
  /** Runs deleted to make room for a new one: names ('' for a run never named) and numbers. */
  | { type: 'runsEvicted'; ids: string[]; names: string[]; numbers: number[] }
  /** A checkpoint could not be kept: `reason` says why; the run goes on without more. */
  | { type: 'checkpointsStopped'; runId: string; reason: 'tooBig' | 'quota' };

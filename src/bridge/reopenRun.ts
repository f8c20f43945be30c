/**
 * Nothing lost: a run cut short (the page reloaded or closed, the worker crashed, the GPU device
 * was lost) is reopened at its last checkpoint as the same run, paused, when the design on screen
 * is still the one it trained. Otherwise the user is told where to find it; the design is never
 * replaced behind their back.
 */
import { message } from '../shared/messages/message';
import { diffExperiments } from '../shared/runs/runDiff';
import type { RunSummary } from '../shared/runs/runTypes';
import { currentExperiment, useStore } from '../state/store';
import { runRequests } from './runRequests';
import { onWorkerRestart, startRun } from './workerBridge';

/** Reopens `run` at its last checkpoint if the design matches; says why not otherwise. */
function reopen(run: RunSummary): void {
  const last = run.checkpoints.reduce<number | null>(
    (most, c) => Math.max(most ?? 0, c.step),
    null,
  );
  if (last === null) return;
  // The user started something meanwhile (Train pressed while the run list was being read).
  const { phase } = useStore.getState();
  if (phase !== 'idle' && phase !== 'error') return;
  const changes = diffExperiments(run.experiment, currentExperiment(useStore.getState()));
  if (changes.length > 0) {
    useStore.setState({
      notice: message('notices.runNotReopened', { number: run.number, step: last }),
    });
    return;
  }
  startRun(false, { kind: 'reopen', runId: run.id, step: last });
}

/** At start-up: the newest run, if a reload cut it short. */
export async function reopenInterruptedRun(): Promise<void> {
  const [latest] = await runRequests.list();
  if (latest?.status === 'interrupted') reopen(latest);
}

/** After the worker restarted: the run it was training, which its crash cut short. */
export function reopenAfterRestart(): void {
  onWorkerRestart((recordId) => {
    if (!recordId) return;
    void runRequests
      .list()
      .then((runs) => {
        const run = runs.find((r) => r.id === recordId);
        if (run) reopen(run);
      })
      .catch((error: unknown) => console.error('LayerLab could not reopen the run:', error));
  });
}

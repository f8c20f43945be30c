/**
 * "Train A and B" chooses the backend for B, the design on screen; A trains beside it on the same
 * backend (tfjs has one at a time). A may need an operation that backend lacks (A a CNN, B an MLP
 * that WASM trains fastest): A's first step would then fail in its backward pass. This picks the
 * fastest backend B's trials passed on that A can train on too, before either is built.
 */
import type { BackendName } from '../../models/trainingConfig';
import { message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { BackendReport } from '../../shared/protocol';
import { BACKEND_LABELS } from './backendChoice';
import { describeMissingKernel } from './missingKernel';

/** The kernel A's training step needs that a backend lacks, or null when A can train there. */
export type KernelGap = (backend: BackendName) => string | null;

/**
 * The report to train A and B by: B's own when A can train on its backend, else the fastest
 * other backend whose trial passed and that A can train on, with the reason. Throws a
 * MessageError when there is none.
 */
export function backendForPair(report: BackendReport, partnerGap: KernelGap): BackendReport {
  const kernel = partnerGap(report.backend);
  if (kernel === null) return report;
  const reason = describeMissingKernel(kernel, report.backend);
  const usable = report.trials
    .filter((trial) => trial.ok && trial.backend !== report.backend)
    .filter((trial) => partnerGap(trial.backend) === null)
    // Timed ones first, fastest first; untimed ones keep the candidates' order.
    .sort((a, b) => (b.samplesPerSec ?? -1) - (a.samplesPerSec ?? -1));
  const next = usable[0];
  if (!next) {
    throw new MessageError(
      message('worker.pairNoBackend', { backend: BACKEND_LABELS[report.backend], reason }),
    );
  }
  return {
    ...report,
    backend: next.backend,
    reason: message('worker.backend.pairFallback', {
      backend: BACKEND_LABELS[next.backend],
      chosen: BACKEND_LABELS[report.backend],
      reason,
    }),
  };
}

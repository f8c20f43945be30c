/**
 * Backend selection policy: WebGPU → WebGL → CPU, each proven by one real training step of the
 * user's model before it is trusted. When WebGPU is only a software adapter (isFallbackAdapter),
 * it is usually the slowest, so every working candidate is timed and the fastest wins.
 * Pure decision logic: the trial itself is injected (see backendTrial.ts), so this is unit-tested in Node.
 */
import { message, type Message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { BackendChoice, BackendName } from '../../models/trainingConfig';
import type { BackendTrial, BackendReport } from '../../shared/protocol';

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

/** What is known about WebGPU before tfjs tries it. */
export type WebGpuStatus =
  | { available: false; reason: Message }
  | { available: true; fallbackAdapter: boolean; adapterName: string };

/** Runs one training step on `backend` (and, when `time` is set, a few timed steps). */
export type TrialFn = (backend: BackendName, time: boolean) => Promise<BackendTrial>;

export async function chooseBackend(
  choice: BackendChoice,
  webgpu: WebGpuStatus,
  trial: TrialFn,
): Promise<BackendReport> {
  const trials: BackendTrial[] = [];
  const tryOne = async (backend: BackendName, time: boolean): Promise<BackendTrial> => {
    if (backend === 'webgpu' && !webgpu.available) {
      const skipped = { backend, ok: false, detail: webgpu.reason };
      trials.push(skipped);
      return skipped;
    }
    const result = await trial(backend, time);
    trials.push(result);
    return result;
  };

  if (choice !== 'auto') {
    const forced = await tryOne(choice, false);
    if (forced.ok) {
      const reason = message('worker.backend.chosenByYou', { backend: BACKEND_LABELS[choice] });
      return { backend: choice, reason, trials };
    }
    const fallback = await chooseBackend('auto', webgpu, async (b, t) =>
      b === choice ? forced : trial(b, t),
    );
    return {
      backend: fallback.backend,
      reason: message('worker.backend.chosenFailed', {
        backend: BACKEND_LABELS[choice],
        detail: forced.detail,
        fallback: fallback.reason,
      }),
      trials: [...trials, ...fallback.trials.filter((t) => t.backend !== choice)],
    };
  }

  const softwareGpu = webgpu.available && webgpu.fallbackAdapter;
  if (softwareGpu) {
    // Time every candidate that works and take the fastest.
    for (const backend of BACKEND_ORDER) await tryOne(backend, true);
    const working = trials.filter((t) => t.ok);
    const best = working.reduce<BackendTrial | null>(
      (a, b) => (a === null || (b.samplesPerSec ?? 0) > (a.samplesPerSec ?? 0) ? b : a),
      null,
    );
    if (!best) throw new MessageError(describeNoBackend(trials));
    const table = working
      .map((t) => `${BACKEND_LABELS[t.backend]} ${Math.round(t.samplesPerSec ?? 0)}`)
      .join(', '); // names and numbers only: the same in every language
    const name = webgpu.available ? webgpu.adapterName : '';
    return {
      backend: best.backend,
      reason: message('worker.backend.fastest', {
        backend: BACKEND_LABELS[best.backend],
        adapter: name,
        table,
      }),
      trials,
    };
  }

  for (const backend of BACKEND_ORDER) {
    const result = await tryOne(backend, false);
    if (!result.ok) continue;
    if (backend === 'webgpu') {
      return {
        backend,
        reason: message('worker.backend.webgpuPassed'),
        trials,
      };
    }
    const failures = describeTrials(trials.filter((t) => !t.ok));
    return {
      backend,
      reason: message('worker.backend.becauseOthersFailed', {
        backend: BACKEND_LABELS[backend],
        failures,
      }),
      trials,
    };
  }
  throw new MessageError(describeNoBackend(trials));
}

/** "WebGPU: …; WebGL: …" as one Message. */
function describeTrials(trials: BackendTrial[]): Message {
  if (trials.length === 0) return message('common.verbatim', { text: '' });
  return trials
    .map((t) =>
      message('worker.backend.failure', { backend: BACKEND_LABELS[t.backend], detail: t.detail }),
    )
    .reduce((first, second) => message('worker.backend.listItem', { first, second }));
}

function describeNoBackend(trials: BackendTrial[]): Message {
  return message('worker.backend.noneWorks', { failures: describeTrials(trials) });
}

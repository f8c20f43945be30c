/**
 * Backend selection policy: WebGPU → WebGL → CPU, each proven by one real training step of the
 * user's model before it is trusted. When WebGPU is only a software adapter (isFallbackAdapter),
 * it is usually the slowest, so every working candidate is timed and the fastest wins.
 * Pure decision logic: probing itself is injected (see probe.ts), so this is unit-tested in Node.
 */
import { message, type Message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { BackendChoice, BackendName } from '../../models/trainingConfig';
import type { BackendProbe, BackendReport } from '../../shared/protocol';

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
export type ProbeFn = (backend: BackendName, time: boolean) => Promise<BackendProbe>;

export async function chooseBackend(
  choice: BackendChoice,
  webgpu: WebGpuStatus,
  probe: ProbeFn,
): Promise<BackendReport> {
  const probes: BackendProbe[] = [];
  const tryOne = async (backend: BackendName, time: boolean): Promise<BackendProbe> => {
    if (backend === 'webgpu' && !webgpu.available) {
      const skipped = { backend, ok: false, detail: webgpu.reason };
      probes.push(skipped);
      return skipped;
    }
    const result = await probe(backend, time);
    probes.push(result);
    return result;
  };

  if (choice !== 'auto') {
    const forced = await tryOne(choice, false);
    if (forced.ok) {
      const reason = message('worker.backend.chosenByYou', { backend: BACKEND_LABELS[choice] });
      return { backend: choice, reason, probes };
    }
    const fallback = await chooseBackend('auto', webgpu, async (b, t) =>
      b === choice ? forced : probe(b, t),
    );
    return {
      backend: fallback.backend,
      reason: message('worker.backend.chosenFailed', {
        backend: BACKEND_LABELS[choice],
        detail: forced.detail,
        fallback: fallback.reason,
      }),
      probes: [...probes, ...fallback.probes.filter((p) => p.backend !== choice)],
    };
  }

  const softwareGpu = webgpu.available && webgpu.fallbackAdapter;
  if (softwareGpu) {
    // Time every candidate that works and take the fastest.
    for (const backend of BACKEND_ORDER) await tryOne(backend, true);
    const working = probes.filter((p) => p.ok);
    const best = working.reduce<BackendProbe | null>(
      (a, b) => (a === null || (b.samplesPerSec ?? 0) > (a.samplesPerSec ?? 0) ? b : a),
      null,
    );
    if (!best) throw new MessageError(describeNoBackend(probes));
    const table = working
      .map((p) => `${BACKEND_LABELS[p.backend]} ${Math.round(p.samplesPerSec ?? 0)}`)
      .join(', '); // names and numbers only: the same in every language
    const name = webgpu.available ? webgpu.adapterName : '';
    return {
      backend: best.backend,
      reason: message('worker.backend.fastest', {
        backend: BACKEND_LABELS[best.backend],
        adapter: name,
        table,
      }),
      probes,
    };
  }

  for (const backend of BACKEND_ORDER) {
    const result = await tryOne(backend, false);
    if (!result.ok) continue;
    if (backend === 'webgpu') {
      return {
        backend,
        reason: message('worker.backend.webgpuPassed'),
        probes,
      };
    }
    const failures = describeProbes(probes.filter((p) => !p.ok));
    return {
      backend,
      reason: message('worker.backend.becauseOthersFailed', {
        backend: BACKEND_LABELS[backend],
        failures,
      }),
      probes,
    };
  }
  throw new MessageError(describeNoBackend(probes));
}

/** "WebGPU: …; WebGL: …" as one Message. */
function describeProbes(probes: BackendProbe[]): Message {
  if (probes.length === 0) return message('common.verbatim', { text: '' });
  return probes
    .map((p) =>
      message('worker.backend.failure', { backend: BACKEND_LABELS[p.backend], detail: p.detail }),
    )
    .reduce((first, second) => message('worker.backend.listItem', { first, second }));
}

function describeNoBackend(probes: BackendProbe[]): Message {
  return message('worker.backend.noneWorks', { failures: describeProbes(probes) });
}

/**
 * Backend selection policy: WebGPU → WebGL → CPU, each proven by one real training step of the
 * user's model before it is trusted. When WebGPU is only a software adapter (isFallbackAdapter),
 * it is usually the slowest, so every working candidate is timed and the fastest wins.
 * Pure decision logic: probing itself is injected (see probe.ts), so this is unit-tested in Node.
 */
import type { BackendChoice, BackendName } from '../models/trainingConfig';
import type { BackendProbe, BackendReport } from './protocol';

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

/** What is known about WebGPU before tfjs tries it. */
export type WebGpuStatus =
  | { available: false; reason: string }
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
      return { backend: choice, reason: `${BACKEND_LABELS[choice]}: chosen by you.`, probes };
    }
    const fallback = await chooseBackend('auto', webgpu, async (b, t) =>
      b === choice ? forced : probe(b, t),
    );
    return {
      backend: fallback.backend,
      reason: `You chose ${BACKEND_LABELS[choice]}, but it failed (${forced.detail}). ${fallback.reason}`,
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
    if (!best) throw new Error(describeNoBackend(probes));
    const table = working
      .map((p) => `${BACKEND_LABELS[p.backend]} ${Math.round(p.samplesPerSec ?? 0)}`)
      .join(', ');
    const name = webgpu.available ? webgpu.adapterName : '';
    return {
      backend: best.backend,
      reason: `${BACKEND_LABELS[best.backend]}: fastest when measured, because WebGPU here is only a software adapter (${name}). Samples/s: ${table}.`,
      probes,
    };
  }

  for (const backend of BACKEND_ORDER) {
    const result = await tryOne(backend, false);
    if (!result.ok) continue;
    if (backend === 'webgpu') {
      return {
        backend,
        reason: 'WebGPU: the first choice, and its one-step training check passed.',
        probes,
      };
    }
    const failures = probes
      .filter((p) => !p.ok)
      .map((p) => `${BACKEND_LABELS[p.backend]}: ${p.detail}`)
      .join('; ');
    return {
      backend,
      reason: `${BACKEND_LABELS[backend]}, because ${failures}.`,
      probes,
    };
  }
  throw new Error(describeNoBackend(probes));
}

function describeNoBackend(probes: BackendProbe[]): string {
  const lines = probes.map((p) => `${BACKEND_LABELS[p.backend]}: ${p.detail}`).join('; ');
  return `No backend could train this model (${lines}).`;
}

/**
 * tfjs's WebGPU backend registers itself when its module loads. It is loaded on first use, not at
 * the worker's start: a quick start trains on WASM or the CPU and never needs it, and a worker
 * that starts without it parses and evaluates a few hundred KB less before the first Train.
 */
import type { BackendName } from '../../models/trainingConfig';

let webgpu: Promise<unknown> | null = null;

/** Makes `backend` known to tfjs (a no-op for the backends bundled with it). */
export async function loadBackend(backend: BackendName): Promise<void> {
  if (backend !== 'webgpu') return;
  webgpu ??= import('@tensorflow/tfjs-backend-webgpu').catch((error: unknown) => {
    webgpu = null; // offline and not cached yet: the next try fetches it again
    throw error;
  });
  await webgpu;
}

/**
 * tfjs's WASM backend: registered by importing this module, its `.wasm` files taken from where
 * `setWasmFiles` says (the app's own origin in the browser, never a CDN), SIMD wherever the
 * browser has it, and threads only in a cross-origin isolated worker: they need SharedArrayBuffer,
 * which a page gets only when served with COOP/COEP headers (the service worker adds them, see
 * src/offline/crossOriginIsolation.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { message, type Message } from '../../shared/messages/message';

/** Where each of the backend's three builds is: plain, SIMD, and SIMD with threads. */
export interface WasmFiles {
  plain: string;
  simd: string;
  threadedSimd: string;
}

/** Whether this worker may share memory between threads (COOP/COEP on the page and the worker). */
function isolated(): boolean {
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}

/**
 * The threads WASM will train with here: one unless the worker is cross-origin isolated, then
 * half the logical cores, 1 to 4 (XNNPACK's default in tfjs). A measurement taken with fewer
 * threads is stale once more are available; on a 2-core machine the count stays 1 either way.
 */
export function wasmThreadCount(): number {
  if (!isolated()) return 1;
  const cores = (globalThis.navigator as { hardwareConcurrency?: number } | undefined)
    ?.hardwareConcurrency;
  return Math.min(4, Math.max(1, Math.floor((cores ?? 2) / 2)));
}

/** Call once, before the backend is first initialised. */
export function setWasmFiles(files: WasmFiles): void {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': files.plain,
    'tfjs-backend-wasm-simd.wasm': files.simd,
    'tfjs-backend-wasm-threaded-simd.wasm': files.threadedSimd,
  });
  // tfjs would find out by itself (its check needs SharedArrayBuffer), but saying it here keeps
  // the rule in one place: without isolation, the single-threaded SIMD build is fetched.
  if (!isolated()) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
}

/** "SIMD on, 4 threads", or why it runs on one thread; only once the backend is initialised. */
export async function wasmFeatures(): Promise<Message> {
  const simd = message(
    (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'worker.backend.on' : 'worker.backend.off',
  );
  if (!isolated()) return message('worker.backend.wasmSingleThread', { simd });
  if (!(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')))
    return message('worker.backend.wasmNoThreads', { simd });
  // tfjs gives XNNPACK half the logical cores, 1 to 4: a 2-core machine gets one thread.
  return message('worker.backend.wasmThreads', { simd, count: getThreadsCount() });
}

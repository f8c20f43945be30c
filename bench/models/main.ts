// Bare-loop page for bench/models.mjs: runs bare.worker.ts and exposes its result on `window`.
import type { BareModelRequest, BareModelResult } from './bare.worker';

declare global {
  interface Window {
    runBare(request: BareModelRequest): void;
    bareResult?: BareModelResult | { error: string } | undefined;
  }
}

window.runBare = (request) => {
  window.bareResult = undefined;
  const worker = new Worker(new URL('./bare.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<BareModelResult | { error: string }>) => {
    window.bareResult = event.data;
    worker.terminate();
  };
  worker.onerror = (event) => {
    window.bareResult = { error: event.message };
  };
  worker.postMessage(request);
};
document.getElementById('status')!.textContent = 'ready';

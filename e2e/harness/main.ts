// Test harness page: runs the gradient comparison in a dedicated worker (as the app trains) and
// exposes the result for the end-to-end test on `window.gradientReport`.
import type { GradientReport } from './gradients.worker';

declare global {
  interface Window {
    gradientReport?: GradientReport | { error: string };
    runGradients(backends: string[], only?: string[]): void;
  }
}

window.runGradients = (backends, only) => {
  const worker = new Worker(new URL('./gradients.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<GradientReport | { error: string }>) => {
    window.gradientReport = event.data;
    document.getElementById('status')!.textContent = 'done';
  };
  worker.onerror = (event) => {
    window.gradientReport = { error: event.message };
  };
  worker.postMessage({ backends, only });
};
document.getElementById('status')!.textContent = 'ready';

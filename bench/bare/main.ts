/**
 * The bare benchmark page: starts one worker per run and exposes its state on `window.__bare`
 * for Playwright to poll. `window.startBare(request)` starts a run.
 */
import type { BareEvent, BareRequest, BareState } from './types';

declare global {
  interface Window {
    __bare: BareState;
    startBare: (request: BareRequest) => void;
  }
}

const status = document.getElementById('status');
let worker: Worker | null = null;

function setState(state: BareState): void {
  window.__bare = state;
  if (status) status.textContent = JSON.stringify(state);
}

setState({ status: 'idle', progress: null, result: null, error: null });

window.startBare = (request: BareRequest): void => {
  worker?.terminate();
  const created = new Worker(new URL('./bare.worker.ts', import.meta.url), {
    type: 'module',
    name: 'bare-bench',
  });
  worker = created;
  setState({ status: 'running', progress: 'starting', result: null, error: null });
  created.onmessage = (event: MessageEvent<BareEvent>) => {
    const message = event.data;
    switch (message.type) {
      case 'progress':
        setState({ ...window.__bare, progress: message.message });
        return;
      case 'result':
        // The worker is kept until the next run: the bench reads its thread's CPU time first.
        setState({ status: 'done', progress: null, result: message.result, error: null });
        return;
      case 'error':
        setState({ status: 'error', progress: null, result: null, error: message.message });
        created.terminate();
        return;
    }
  };
  created.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    setState({
      status: 'error',
      progress: null,
      result: null,
      error: `worker crashed: ${event.message || 'no details'}`,
    });
  };
  created.postMessage(request);
};

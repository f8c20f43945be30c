/**
 * Starts a worker of its own (backgroundMeasure.worker.ts) to time a quick start's deferred GPUs,
 * and ends it when it answers. Null where a worker cannot start another (then the quick decision
 * simply stands until "measure again").
 */
import type { BackendReport, StartRequest } from '../../shared/protocol';
import type { MeasureReply, MeasureRequest } from './measureProtocol';

/** Longest a background measurement may take before it is given up (its worker ended). */
const GIVE_UP_MS = 120_000;
/**
 * The run trains alone for this long first: starting a second tfjs (and, on a software adapter,
 * compiling GPU shaders on the CPU) would otherwise slow the first epoch a student is waiting for.
 */
const START_DELAY_MS = 3000;

/**
 * Every candidate is re-timed there, so the quick start's own decision is not sent along.
 * `signal` ends it early (before its worker starts, or by ending that worker), resolving null.
 */
export function measureInAnotherWorker(
  request: StartRequest,
  _decision: unknown,
  signal?: AbortSignal,
): Promise<BackendReport | null> {
  if (typeof Worker === 'undefined' || signal?.aborted) return Promise.resolve(null);
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, START_DELAY_MS);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  }).then(() => (signal?.aborted ? null : measureNow(request, signal)));
}

function measureNow(request: StartRequest, signal?: AbortSignal): Promise<BackendReport | null> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./backgroundMeasure.worker.ts', import.meta.url), {
      type: 'module',
      name: 'layerlab-backend-timing',
    });
    const finish = (report: BackendReport | null) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(report);
    };
    const timer = setTimeout(() => finish(null), GIVE_UP_MS);
    signal?.addEventListener('abort', () => finish(null));
    worker.onmessage = (event: MessageEvent<MeasureReply>) => {
      const answer = event.data;
      if (answer.type === 'failed')
        console.error('LayerLab could not time the GPUs in the background:', answer.error);
      finish(answer.type === 'measured' ? answer.report : null);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      console.error('LayerLab could not time the GPUs in the background:', event.message);
      finish(null);
    };
    const message: MeasureRequest = { type: 'measure', request };
    worker.postMessage(message);
  });
}

/**
 * Backend decisions measured on this machine, kept across visits (IndexedDB) so that "auto" times
 * the candidates once per model, GPU adapter and browser version rather than at every Train.
 * "Measure again" forgets them all. Reading or writing it never fails a run: without storage,
 * auto simply measures again.
 */
import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import { KEPT } from '../../shared/storageKeys';
import type { BackendReport, StartRequest } from '../../shared/protocol';
import type { WebGpuStatus } from './backendChoice';

export interface BackendMemory {
  get(key: string): Promise<BackendReport | undefined>;
  set(key: string, report: BackendReport): Promise<void>;
  clear(): Promise<void>;
}

/**
 * What a measurement depends on: the model's layers and the shape of the data, the batch, the
 * optimizer, the loss, gradient clipping and norms, image augmentation (the work of one step),
 * the WebGPU adapter, the threads WASM may use (more than one only on a cross-origin isolated page:
 * a first visit is not, later visits through the service worker are) and the browser. The
 * learning rate, the epochs and the dataset's samples do not change the speed of a step.
 */
export function backendMemoryKey(
  request: Pick<StartRequest, 'spec' | 'datasetInfo' | 'training' | 'dataset'>,
  webgpu: WebGpuStatus,
  browser: string,
  wasmThreads: number,
): string {
  const { spec, datasetInfo, training } = request;
  return JSON.stringify({
    layers: spec.layers,
    input: datasetInfo.inputShape,
    classes: datasetInfo.classes.length,
    batch: training.batchSize,
    optimizer: training.optimizer,
    loss: training.loss,
    clipping: training.clipping.kind,
    gradientNorm: training.recordGradientNorm,
    augment: datasetInfo.kind === 'images' ? request.dataset.augment : null,
    wasmThreads,
    adapter: webgpu.available
      ? `${webgpu.adapterName}${webgpu.fallbackAdapter ? ' (software)' : ''}`
      : null,
    browser,
  });
}

export function createIndexedDbBackendMemory(): BackendMemory {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(KEPT.backendChoices.name, KEPT.backendChoices.store));
  return {
    get: (key) => get<BackendReport>(key, db()),
    set: (key, report) => set(key, report, db()),
    clear: () => clear(db()),
  };
}

/** For tests, and when IndexedDB is missing. */
export function createMemoryBackendMemory(): BackendMemory {
  const kept = new Map<string, BackendReport>();
  return {
    get: (key) => Promise.resolve(kept.get(key)),
    set: (key, report) => {
      kept.set(key, structuredClone(report));
      return Promise.resolve();
    },
    clear: () => {
      kept.clear();
      return Promise.resolve();
    },
  };
}

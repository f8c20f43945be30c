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
 * What a measurement depends on: the model's layers and the shape of the data, the batch and
 * the optimizer (the work of one step), the WebGPU adapter and the browser (what runs it). The
 * learning rate, the epochs and the dataset's samples do not change the speed of a step.
 */
export function backendMemoryKey(
  request: Pick<StartRequest, 'spec' | 'datasetInfo' | 'training'>,
  webgpu: WebGpuStatus,
  browser: string,
): string {
  const { spec, datasetInfo, training } = request;
  return JSON.stringify({
    layers: spec.layers,
    input: datasetInfo.inputShape,
    classes: datasetInfo.classes.length,
    batch: training.batchSize,
    optimizer: training.optimizer,
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

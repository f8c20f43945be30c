/**
 * Times a quick start's deferred GPUs while the training worker trains on the CPU side. It has its
 * own tfjs, so switching backends here never touches the run: the training worker starts it (see
 * backgroundMeasurer.ts), gets one complete decision back, and remembers it for the next run.
 */
import '@tensorflow/tfjs-backend-webgpu';
import { chooseBackend } from './backendChoice';
import { createBackendTrial, getWebGpuStatus } from './backendTrial';
import { setWasmFiles } from './wasmBackend';
import { WASM_FILES } from './wasmFiles';
import { fetchDatasetFile } from '../datasetCache';
import { loadForTraining } from '../datasetLoader';
import { installCpuKernels } from '../kernels/cpuUnsortedSegmentSum';
import { createIndexedDbStore } from '../userDataStore';
import type { MeasureReply, MeasureRequest } from './measureProtocol';

installCpuKernels();
setWasmFiles(WASM_FILES);

const reply = (message: MeasureReply): void => self.postMessage(message);

self.onmessage = async (event: MessageEvent<MeasureRequest>) => {
  const { request, decision } = event.data;
  try {
    const loaderDeps = { fetchFile: fetchDatasetFile, userData: createIndexedDbStore() };
    const data = await loadForTraining(request, loaderDeps, () => undefined);
    const webgpu = await getWebGpuStatus();
    const report = await chooseBackend('auto', webgpu, createBackendTrial(request, data), {
      only: decision.deferred ?? [],
      earlier: decision.trials,
    });
    reply({ type: 'measured', report });
  } catch (error) {
    reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};

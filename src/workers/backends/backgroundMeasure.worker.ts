/**
 * Times every backend for a model whose quick start deferred its GPUs, while the training worker
 * trains it on the CPU side. It has its own tfjs, so switching backends here never touches the
 * run: the training worker starts it (see backgroundMeasurer.ts), gets one complete decision
 * back, and remembers it for the next run.
 */
// Every English message, the model import's included (the page adds those after its first paint).
import '../../shared/messages/lateMessages';
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
  const { request } = event.data;
  try {
    const loaderDeps = { fetchFile: fetchDatasetFile, userData: createIndexedDbStore() };
    const data = await loadForTraining(request, loaderDeps, () => undefined);
    const webgpu = await getWebGpuStatus();
    // Every candidate afresh, not only the deferred GPUs: the quick start's numbers were taken
    // while the page was still starting, and one decision should compare like with like.
    const report = await chooseBackend('auto', webgpu, createBackendTrial(request, data));
    reply({ type: 'measured', report });
  } catch (error) {
    reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
};

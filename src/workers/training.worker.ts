/**
 * The training worker's entry: owns tfjs, builds the TrainingSession and the request handlers, and
 * hands each command to commandDispatch. The UI talks to it only through src/bridge/workerBridge.ts.
 */
// Every English message, the model import's included (the page adds those after its first paint).
import '../shared/messages/lateMessages';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../models/trainingConfig';
import { BackendPreparer } from './backends/backendPreparer';
import { createIndexedDbBackendMemory } from './backends/backendMemory';
import { fetchDatasetFile } from './datasetCache';
import { loadForTraining, type LoaderDeps } from './datasetLoader';
import { installCpuKernels } from './kernels/cpuUnsortedSegmentSum';
import { setWasmFiles, wasmThreadCount } from './backends/wasmBackend';
import { WASM_FILES } from './backends/wasmFiles';
import { ProbeScheduler } from './probes/scheduler';
import { Rewinder } from './probes/rewind';
import { createIndexedDbStore } from './userDataStore';
import { createBackendTrial, getWebGpuStatus } from './backends/backendTrial';
import { measureInAnotherWorker } from './backends/backgroundMeasurer';
import { loadBackend } from './backends/loadBackend';
import { onDeviceLost, renewBackend } from './backends/deviceLoss';
import { dataHandlers, type DataServiceDeps } from './dataService';
import { decodeImage } from './imageDecoder';
import type { Command, WorkerEvent } from '../shared/protocol';
import { TrainingSession } from './session';
import { yieldToEvents } from './yieldToEvents';
import { modelHandlers, type ModelServiceDeps } from './savedModels/modelService';
import { createDispatch } from './commandDispatch';
import { webRunLocks } from './runs/runLocks';
import { channelRunBroadcast } from './runs/runBroadcast';
import { RunRecorder } from './runs/runRecorder';
import { createIndexedDbRunStore } from './runs/runStore';
import { runHandlers } from './runs/runService';
import { generationHandlers } from './generation/generationService';
import { DEFAULT_RUN_STORAGE_BUDGET } from '../shared/runs/storageBudget';
import { createIndexedDbSavedModelStore } from './savedModels/savedModelStore';

installCpuKernels();
setWasmFiles(WASM_FILES);

const post = (event: WorkerEvent, transfer: Transferable[] = []): void =>
  self.postMessage(event, transfer);

let watchedDevice: unknown = null;

/** Switches tfjs to `backend` (loading it first when it is loaded on first use). */
async function activateBackend(backend: BackendName): Promise<void> {
  await loadBackend(backend);
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs could not switch to ${backend}.`);
  await tf.ready();
  watchDeviceLoss();
}

const backends = new BackendPreparer({
  memory: createIndexedDbBackendMemory(),
  webgpuStatus: getWebGpuStatus,
  browser: navigator.userAgent,
  wasmThreads: wasmThreadCount(),
  trial: createBackendTrial,
  measureLater: measureInAnotherWorker,
  onMeasured: (report, request) => post({ type: 'backendMeasured', runId: request.runId, report }),
  activate: activateBackend,
});

/** Follows the WebGPU device tfjs made; when it is lost, see deviceLoss.ts. */
function watchDeviceLoss(): void {
  if (tf.getBackend() !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string }> } })
    .device;
  if (!device?.lost || device === watchedDevice) return;
  watchedDevice = device;
  void device.lost.then((info) =>
    onDeviceLost(
      {
        activeBackend: () => tf.getBackend(),
        // tfjs-backend-webgpu registers its factory with priority 3.
        renew: () => renewBackend('webgpu', 3),
        report: (why) => post({ type: 'deviceLost', message: why }),
      },
      info.message || undefined,
    ),
  );
}

const loaderDeps: LoaderDeps = { fetchFile: fetchDatasetFile, userData: createIndexedDbStore() };

const modelStore = createIndexedDbSavedModelStore();

const runs = new RunRecorder({
  store: createIndexedDbRunStore(),
  budget: DEFAULT_RUN_STORAGE_BUDGET,
  now: () => Date.now(),
  notify: (notice) => post(notice),
  locks: webRunLocks(),
  broadcast: channelRunBroadcast(),
});

const session = new TrainingSession({
  // Every event also feeds the run history (the recorder keeps only the live run's).
  emit: (event) => {
    post(event);
    runs.observe(event);
  },
  runs,
  loadData: (request, progress) => loadForTraining(request, loaderDeps, progress),
  prepareBackend: (request, data, progress) => backends.prepare(request, data, progress),
  activateBackend,
  loadSavedModel: (id) => modelStore.getModel(id),
  yieldToEvents,
  now: () => performance.now(),
});

const rewinder = new Rewinder({
  currentRecordId: () => runs.current?.id ?? null,
  checkpointWeights: (runId, step) => runs.checkpointWeights(runId, step),
});

const probes = new ProbeScheduler({
  run: () => session.currentRun,
  emit: post,
  now: () => performance.now(),
  rewound: (run, step) => rewinder.at(run, step),
  releaseRewound: () => rewinder.release(),
});

const modelDeps: ModelServiceDeps = {
  store: modelStore,
  currentRun: () => session.currentRun,
  backend: () => tf.getBackend(),
  newId: () => `model:${crypto.randomUUID()}`,
  now: () => new Date(),
};

const dataDeps: DataServiceDeps = {
  ...loaderDeps,
  decodeImage,
  newId: () => `user:${crypto.randomUUID()}`,
};

const dispatch = createDispatch(
  {
    session,
    probes,
    deleteUserData: (id) => loaderDeps.userData.delete(id),
    forgetBackendChoices: () => backends.forget(),
    requests: {
      ...dataHandlers(dataDeps),
      ...modelHandlers(modelDeps),
      ...runHandlers(runs),
      ...generationHandlers({
        currentRun: () => session.currentRun,
        rewound: (run, step) => rewinder.at(run, step),
        stillRewound: (view, step) => rewinder.holds(view, step),
      }),
    },
  },
  post,
);

self.onmessage = (event: MessageEvent<Command>) => dispatch(event.data);

post({ type: 'ready' });

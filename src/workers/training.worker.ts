/**
 * The training worker's entry: owns tfjs, builds the TrainingSession and the request handlers, and
 * hands each command to commandDispatch. The UI talks to it only through src/bridge/workerBridge.ts.
 */
import { message } from '../shared/messages/message';
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from './backends/backendChoice';
import { fetchDatasetFile } from './datasetCache';
import { loadForTraining, type LoaderDeps } from './datasetLoader';
import { installCpuKernels } from './kernels/cpuUnsortedSegmentSum';
import { ProbeScheduler } from './probes/scheduler';
import { Rewinder } from './probes/rewind';
import { createIndexedDbStore } from './userDataStore';
import { createBackendTrial, getWebGpuStatus } from './backends/backendTrial';
import { dataHandlers, type DataServiceDeps } from './dataService';
import { decodeImage } from './imageDecoder';
import type { BackendReport, Command, StartRequest, WorkerEvent } from '../shared/protocol';
import { TrainingSession } from './session';
import { yieldToEvents } from './yieldToEvents';
import { modelHandlers, type ModelServiceDeps } from './savedModels/modelService';
import { createDispatch } from './commandDispatch';
import { RunRecorder } from './runs/runRecorder';
import { createIndexedDbRunStore } from './runs/runStore';
import { runHandlers } from './runs/runService';
import { DEFAULT_RUN_STORAGE_BUDGET } from '../shared/runs/storageBudget';
import { createIndexedDbSavedModelStore } from './savedModels/savedModelStore';

installCpuKernels();

const post = (event: WorkerEvent, transfer: Transferable[] = []): void =>
  self.postMessage(event, transfer);

// The same model, batch size and backend choice reuse the last decision instead of probing again.
let lastChoice: { key: string; report: BackendReport } | null = null;
let watchedDevice: unknown = null;

// Backend switching is global to tfjs: a cancelled run still probing must finish before the next
// run probes, so preparations are chained one after another.
let backendQueue: Promise<unknown> = Promise.resolve();

function prepareBackend(request: StartRequest, data: Parameters<typeof createBackendTrial>[1]) {
  const next = backendQueue.then(() => prepareBackendNow(request, data));
  backendQueue = next.catch(() => undefined);
  return next;
}

async function prepareBackendNow(
  request: StartRequest,
  data: Parameters<typeof createBackendTrial>[1],
) {
  const key = JSON.stringify([
    request.spec,
    request.training.batchSize,
    request.dataset.id,
    request.datasetInfo.inputShape,
    request.training.backend,
  ]);
  let report = lastChoice?.key === key ? lastChoice.report : null;
  if (!report) {
    report = await chooseBackend(
      request.training.backend,
      await getWebGpuStatus(),
      createBackendTrial(request, data),
    );
    lastChoice = { key, report };
  }
  if (!(await tf.setBackend(report.backend)))
    throw new Error(`tfjs could not switch to ${report.backend}.`);
  await tf.ready();
  watchDeviceLoss();
  return report;
}

/** tfjs does not handle a lost GPU device: report it, and the bridge restarts the worker. */
function watchDeviceLoss(): void {
  if (tf.getBackend() !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string }> } })
    .device;
  if (!device?.lost || device === watchedDevice) return;
  watchedDevice = device;
  void device.lost.then((info) =>
    post({
      type: 'deviceLost',
      message: info.message
        ? message('worker.deviceLost', { reason: info.message })
        : message('worker.deviceLostNoReason'),
    }),
  );
}

const loaderDeps: LoaderDeps = { fetchFile: fetchDatasetFile, userData: createIndexedDbStore() };

const modelStore = createIndexedDbSavedModelStore();

const runs = new RunRecorder({
  store: createIndexedDbRunStore(),
  budget: DEFAULT_RUN_STORAGE_BUDGET,
  now: () => Date.now(),
  notify: (notice) => post(notice),
});

const session = new TrainingSession({
  // Every event also feeds the run history (the recorder keeps only the live run's).
  emit: (event) => {
    post(event);
    runs.observe(event);
  },
  runs,
  loadData: (request, progress) => loadForTraining(request, loaderDeps, progress),
  prepareBackend,
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
    requests: { ...dataHandlers(dataDeps), ...modelHandlers(modelDeps), ...runHandlers(runs) },
  },
  post,
);

self.onmessage = (event: MessageEvent<Command>) => dispatch(event.data);

post({ type: 'ready' });

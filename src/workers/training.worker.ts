/**
 * The training worker's entry: owns tfjs, wires the protocol to the TrainingSession.
 * The UI talks to it only through src/bridge/workerBridge.ts.
 */
import { message } from '../shared/messages/message';
import { toMessage } from '../shared/messages/messageError';
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from './backends/backendChoice';
import { fetchDatasetFile } from './datasetCache';
import { loadForTraining, type LoaderDeps } from './datasetLoader';
import { installCpuKernels } from './kernels/cpuUnsortedSegmentSum';
import { ProbeScheduler } from './probes/scheduler';
import { createIndexedDbStore } from './userDataStore';
import { createBackendTrial, getWebGpuStatus } from './backends/backendTrial';
import { browse, importData, type DataServiceDeps } from './dataService';
import { decodeImage } from './imageDecoder';
import {
  assertNever,
  type BackendReport,
  type Command,
  type StartRequest,
  type WorkerEvent,
} from '../shared/protocol';
import { TrainingSession } from './session';
import { yieldToEvents } from './yieldToEvents';
import { handleSavedModelCommand, type ModelServiceDeps } from './savedModels/modelService';
import { createIndexedDbSavedModelStore } from './savedModels/savedModelStore';

installCpuKernels();

const post = (event: WorkerEvent, transfer: Transferable[] = []): void =>
  self.postMessage(event, transfer);

/** A page of samples is copied out of the dataset, so its buffers can move, not be cloned. */
function postPage(event: WorkerEvent): void {
  if (event.type !== 'samples') return post(event);
  const { x, y, raw } = event.page;
  post(event, raw ? [x.buffer, y.buffer, raw.buffer] : [x.buffer, y.buffer]);
}

// The same model, batch size and backend choice reuse the last decision instead of trying the backends again.
let lastChoice: { key: string; report: BackendReport } | null = null;
let watchedDevice: unknown = null;

// Backend switching is global to tfjs: a cancelled run still trying backends must finish before
// the next run tries them, so preparations are chained one after another.
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

const session = new TrainingSession({
  emit: post,
  loadData: (request, progress) => loadForTraining(request, loaderDeps, progress),
  prepareBackend,
  loadSavedModel: (id) => modelStore.getModel(id),
  yieldToEvents,
  now: () => performance.now(),
});

const probes = new ProbeScheduler({
  run: () => session.currentRun,
  emit: post,
  now: () => performance.now(),
});

const modelDeps: ModelServiceDeps = {
  store: modelStore,
  currentRun: () => session.currentRun,
  backend: () => tf.getBackend(),
  newId: () => `model:${crypto.randomUUID()}`,
  now: () => new Date(),
};

/** Downloaded files are copied for the UI, so their buffers can move, not be cloned. */
function postModelEvent(event: WorkerEvent): void {
  if (event.type !== 'modelFiles') return post(event);
  post(
    event,
    event.files.map((f) => f.bytes),
  );
}

const dataDeps: DataServiceDeps = {
  ...loaderDeps,
  decodeImage,
  newId: () => `user:${crypto.randomUUID()}`,
};

self.onmessage = (event: MessageEvent<Command>) => {
  const command = event.data;
  switch (command.type) {
    case 'importData':
      void importData(
        command.requestId,
        command.files,
        command.options,
        command.replaceId,
        dataDeps,
      ).then(post);
      return;
    case 'deleteUserData':
      void loaderDeps.userData.delete(command.id).catch(() => undefined);
      return;
    case 'browse':
      void browse(command.requestId, command.request, loaderDeps).then(postPage);
      return;
    case 'setProbes':
      probes.update(command.settings);
      return;
    case 'saveModel':
    case 'listModels':
    case 'deleteModel':
    case 'exportModel':
    case 'uploadModel':
      void handleSavedModelCommand(command, modelDeps).then(postModelEvent);
      return;
    case 'start':
    case 'pause':
    case 'resume':
    case 'step':
    case 'stop':
    case 'reset':
    case 'setLearningRate':
    case 'setEpochs':
      session.handle(command).catch((error: unknown) => {
        post({ type: 'phase', runId: -1, phase: 'error', message: toMessage(error) });
      });
      return;
    default:
      assertNever(command, 'command');
  }
};

post({ type: 'ready' });

/**
 * The training worker's entry: owns tfjs, wires the protocol to the TrainingSession.
 * The UI talks to it only through src/bridge/workerBridge.ts.
 */
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from './backendChoice';
import { fetchBytesOrThrow, loadDataset } from './datasetLoader';
import { createProbe, getWebGpuStatus } from './probe';
import type { BackendReport, Command, StartRequest, WorkerEvent } from './protocol';
import { messageOf, TrainingSession } from './session';
import { yieldToEvents } from './yieldToEvents';

const post = (event: WorkerEvent): void => self.postMessage(event);

// The same model, batch size and backend choice reuse the last decision instead of probing again.
let lastChoice: { key: string; report: BackendReport } | null = null;
let watchedDevice: unknown = null;

// Backend switching is global to tfjs: a cancelled run still probing must finish before the next
// run probes, so preparations are chained one after another.
let backendQueue: Promise<unknown> = Promise.resolve();

function prepareBackend(request: StartRequest, data: Parameters<typeof createProbe>[1]) {
  const next = backendQueue.then(() => prepareBackendNow(request, data));
  backendQueue = next.catch(() => undefined);
  return next;
}

async function prepareBackendNow(request: StartRequest, data: Parameters<typeof createProbe>[1]) {
  const key = JSON.stringify([
    request.spec,
    request.training.batchSize,
    request.dataset.id,
    request.training.backend,
  ]);
  let report = lastChoice?.key === key ? lastChoice.report : null;
  if (!report) {
    report = await chooseBackend(
      request.training.backend,
      await getWebGpuStatus(),
      createProbe(request, data),
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
      message: `The GPU device was lost (${info.message || 'no reason given'}).`,
    }),
  );
}

const session = new TrainingSession({
  emit: post,
  loadData: (request, progress) => loadDataset(request, fetchBytesOrThrow, progress),
  prepareBackend,
  yieldToEvents,
  now: () => performance.now(),
});

self.onmessage = (event: MessageEvent<Command>) => {
  session.handle(event.data).catch((error: unknown) => {
    post({ type: 'phase', runId: -1, phase: 'error', message: messageOf(error) });
  });
};

post({ type: 'ready' });

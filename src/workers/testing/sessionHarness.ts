/**
 * A TrainingSession wired to the real data loader (files read from public/datasets) and the CPU
 * backend, with its events collected: shared by the session and saved-model tests.
 */
import { message } from '../../shared/messages/message';
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinDataset } from '../../data/datasets';
import type { ModelSpec } from '../../models/spec';
import {
  DEFAULT_DATASET,
  DEFAULT_TRAINING,
  type TrainingConfig,
} from '../../models/trainingConfig';
import { loadForTraining, type LoaderDeps } from '../datasetLoader';
import { createMemoryStore } from '../userDataStore';
import type {
  BackendReport,
  Phase,
  StartRequest,
  TrainRecord,
  ValidationRecord,
  WorkerEvent,
} from '../../shared/protocol';
import { TrainingSession, type SessionHost } from '../session';

const DATASET_DIR = join(import.meta.dirname, '..', '..', '..', 'public', 'datasets');

export const XOR_MLP: ModelSpec = {
  version: 1,
  layers: [
    { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
    { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
  ],
};

export const TRAINING: TrainingConfig = {
  ...DEFAULT_TRAINING,
  optimizer: 'adam',
  learningRate: 0.05,
  loss: 'categoricalCrossentropy',
  batchSize: 32,
  epochs: 3,
  validationSplit: 0.2,
  // No test split here, so the step counts below stay simple; the test split has its own test.
  testSplit: 0,
  seed: 42,
  backend: 'cpu',
};

let nextRunId = 1;

export function request(
  patch: Partial<Omit<StartRequest, 'training'>> & { training?: Partial<TrainingConfig> } = {},
): StartRequest {
  const { training, ...rest } = patch;
  return {
    runId: nextRunId++,
    spec: XOR_MLP,
    // 400 points, 20 % validation → 320 training points, 10 steps of 32 per epoch.
    dataset: { ...DEFAULT_DATASET, id: 'xor', noise: 0, samples: 400 },
    datasetInfo: builtinDataset(patch.dataset?.id ?? 'xor'),
    training: { ...TRAINING, ...training },
    datasetBaseUrl: pathToFileURL(DATASET_DIR + '/').href,
    pauseAfterFirstStep: false,
    restoreFrom: null,
    partner: null,
    ...rest,
  };
}

/** Reads public/datasets files as the worker's fetch would; counts what it was asked for. */
export const fetched: string[] = [];
export const fromDisk: LoaderDeps = {
  fetchFile: (url) => {
    fetched.push(url);
    return Promise.resolve({ bytes: new Uint8Array(readFileSync(new URL(url))), fromCache: false });
  },
  userData: createMemoryStore(),
};

export interface Harness {
  session: TrainingSession;
  events: WorkerEvent[];
  loads: StartRequest[];
  phases(): Phase[];
  trains(runId?: number): TrainRecord[];
  validations(runId?: number): ValidationRecord[];
  /** Waits (yielding to the event loop) until `condition` holds. */
  until(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
}

/** A session on the test data and the CPU; an `emit` override sees every event after `events`. */
export function harness(overrides: Partial<SessionHost> = {}): Harness {
  const events: WorkerEvent[] = [];
  const loads: StartRequest[] = [];
  const { emit, ...rest } = overrides;
  const host: SessionHost = {
    emit: (event) => {
      events.push(event);
      emit?.(event);
    },
    loadData: (req, progress) => {
      loads.push(req);
      return loadForTraining(req, fromDisk, progress);
    },
    prepareBackend: async (): Promise<BackendReport> => {
      await tf.setBackend('cpu');
      return {
        backend: 'cpu',
        reason: message('worker.backend.chosenByYou', { backend: 'CPU' }),
        trials: [{ backend: 'cpu', ok: true, detail: message('worker.backend.stepPassed') }],
        measuredAt: null,
      };
    },
    activateBackend: async (backend) => {
      if (!(await tf.setBackend(backend))) throw new Error(`tfjs could not switch to ${backend}.`);
    },
    loadSavedModel: () => Promise.resolve(undefined),
    yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
    now: () => performance.now(),
    ...rest,
  };
  const session = new TrainingSession(host);
  const byType = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  return {
    session,
    events,
    loads,
    phases: () => byType('phase').map((e) => e.phase),
    trains: (runId) =>
      byType('train')
        .filter((e) => runId === undefined || e.runId === runId)
        .map((e) => e.record),
    validations: (runId) =>
      byType('validation')
        .filter((e) => runId === undefined || e.runId === runId)
        .map((e) => e.record),
    async until(condition, what, timeoutMs = 10_000) {
      const start = performance.now();
      while (!condition()) {
        if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
        await new Promise<void>((resolve) => setTimeout(resolve, 1));
      }
    },
  };
}

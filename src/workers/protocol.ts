/**
 * The one wire protocol between the UI (src/bridge) and the training worker.
 * Discriminated unions keyed on `type`, both ways; each side handles them in one exhaustive switch.
 * Metrics travel as one record per message (deltas): the UI keeps the history, the worker never resends it.
 */
import type { ModelSpec } from '../models/spec';
import type { BackendName, DatasetChoice, TrainingConfig } from '../models/trainingConfig';

/** The training session's lifecycle: idle → preparing → training ⇄ paused → done / error. */
export type Phase = 'idle' | 'preparing' | 'training' | 'paused' | 'done' | 'error';

export interface StartRequest {
  /** Chosen by the UI; every event of the run carries it so stale events can be ignored. */
  runId: number;
  spec: ModelSpec;
  dataset: DatasetChoice;
  training: TrainingConfig;
  /** Absolute URL of public/datasets/ (the worker fetches and decodes the data itself). */
  datasetBaseUrl: string;
  /** Start paused after exactly one step (the "Step" button from idle). */
  pauseAfterFirstStep: boolean;
}

/** UI → worker. */
export type Command =
  | { type: 'start'; request: StartRequest }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'reset' }
  | { type: 'setLearningRate'; learningRate: number };

/** One candidate backend's result in backend selection. */
export interface BackendProbe {
  backend: BackendName;
  ok: boolean;
  /** Why it was not usable, or a note (e.g. "software adapter"). */
  detail: string;
  /** Measured training throughput when candidates were timed against each other. */
  samplesPerSec?: number;
}

export interface BackendReport {
  backend: BackendName;
  /** Why this backend runs, in one sentence a user can read. */
  reason: string;
  probes: BackendProbe[];
}

/** Training metrics since the previous record: the means over `batches` steps. */
export interface TrainRecord {
  step: number;
  epoch: number;
  batches: number;
  loss: number;
  /** Null when the task has no accuracy (not used by the built-in classification sets). */
  accuracy: number | null;
  samplesPerSec: number;
  learningRate: number;
}

export interface ValidationRecord {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number | null;
}

/** Worker → UI. */
export type WorkerEvent =
  | { type: 'ready' }
  | { type: 'phase'; runId: number; phase: Phase; message: string | null }
  | { type: 'progress'; runId: number; message: string }
  | { type: 'backend'; runId: number; report: BackendReport }
  | {
      type: 'dataInfo';
      runId: number;
      trainCount: number;
      validationCount: number;
      stepsPerEpoch: number;
    }
  | { type: 'train'; runId: number; record: TrainRecord }
  | { type: 'validation'; runId: number; record: ValidationRecord }
  | { type: 'deviceLost'; message: string };

/** Compile-time exhaustiveness helper for `switch` defaults. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

export const COMMAND_TYPES = [
  'start',
  'pause',
  'resume',
  'step',
  'stop',
  'reset',
  'setLearningRate',
] as const;
export const EVENT_TYPES = [
  'ready',
  'phase',
  'progress',
  'backend',
  'dataInfo',
  'train',
  'validation',
  'deviceLost',
] as const;

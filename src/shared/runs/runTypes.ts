/**
 * A training run as the browser remembers it (issue 16: run history). Every Train starts one: its
 * experiment (design, data choice, settings and seed), where it trained, its curves, its final and
 * best numbers and the checkpoints kept of its weights. Plain data, shared by the worker (which
 * records and stores runs in IndexedDB) and the page (which lists, compares and rewinds them).
 */
import type { Experiment } from '../experiment';
import type { TrainRecord, ValidationRecord, TestRecord } from '../protocol';

export type RunStatus =
  /** Training or paused in this page now. */
  | 'live'
  | 'done'
  | 'error'
  /** The page closed or the worker crashed while it trained: it resumes from its last checkpoint. */
  | 'interrupted';

/** A value and the step it was reached at. */
export interface AtStep {
  value: number;
  step: number;
}

export interface RunMetrics {
  trainLoss: number | null;
  trainAccuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  testAccuracy: number | null;
  /** The lowest validation loss and highest validation accuracy, and when. */
  bestValLoss: AtStep | null;
  bestValAccuracy: AtStep | null;
}

export interface CheckpointInfo {
  step: number;
  epoch: number;
  bytes: number;
}

export interface RunSummary {
  /** Unique across reloads: "run-" + start time + a random suffix. */
  id: string;
  /** 1, 2, 3, … in the order runs started in this browser: the default name is "Run 3". */
  number: number;
  /** A name the user gave it ('' until then: the page shows "Run <number>" in its language). */
  name: string;
  /** Index into the run palette, fixed when the run starts so its colour never changes. */
  colour: number;
  /** When it started (ms since 1970). */
  createdAt: number;
  experiment: Experiment;
  /** The backend it trained on ("webgpu", "webgl", "wasm", "cpu"), once chosen. */
  backend: string | null;
  status: RunStatus;
  /** Steps done and the epoch reached. */
  step: number;
  epoch: number;
  stepsPerEpoch: number;
  /** Time spent training (paused time excluded), in ms. */
  durationMs: number;
  metrics: RunMetrics;
  pinned: boolean;
  /** A fork: the run and step it continued from. */
  parent: { runId: string; step: number } | null;
  /** Checkpoints kept, by step. */
  checkpoints: CheckpointInfo[];
  /** Bytes its checkpoints and curves take. */
  bytes: number;
  /** Why no more checkpoints are kept (a single one over the per-run budget, storage full). */
  checkpointsStopped: 'tooBig' | 'quota' | null;
  /** How many curve chunks are stored (see RunCurves). */
  curveChunks: number;
  /**
   * How often it was reopened at a checkpoint, which drops its curves after that step (absent in
   * runs stored before it was counted: 0). A page holding its curves then reads them afresh.
   */
  reopened?: number;
  /**
   * Counts the writes of its summary (absent in runs stored before it was counted: 0), so a tab
   * reading in another tab's changes keeps whichever copy is newer.
   */
  revision?: number;
  /** The test set's result, scored once when the run ended. */
  test: TestRecord | null;
}

/** A curve point with the training time it was reached at, for an x-axis by wall time. */
export type TimedTrainRecord = TrainRecord & { timeMs: number };
export type TimedValidationRecord = ValidationRecord & { timeMs: number };

/**
 * A run's curves, stored apart from its summary so that listing runs stays cheap, in chunks of
 * CURVE_CHUNK_RECORDS training records, so that a long run rewrites only its last chunk.
 */
export interface RunCurves {
  train: TimedTrainRecord[];
  validation: TimedValidationRecord[];
}

export const CURVE_CHUNK_RECORDS = 500;

export const EMPTY_METRICS: RunMetrics = {
  trainLoss: null,
  trainAccuracy: null,
  valLoss: null,
  valAccuracy: null,
  testAccuracy: null,
  bestValLoss: null,
  bestValAccuracy: null,
};

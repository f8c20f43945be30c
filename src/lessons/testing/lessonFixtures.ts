/** Lesson states and stored runs for goal tests: only what a goal reads is set. */
import type { Activation, LayerSpec, ModelSpec } from '../../models/spec';
import { DEFAULT_DATASET, DEFAULT_TRAINING } from '../../models/trainingConfig';
import { makeExperiment } from '../../shared/experiment';
import type { TrainRecord } from '../../shared/protocol';
import { EMPTY_METRICS, type RunMetrics, type RunSummary } from '../../shared/runs/runTypes';
import type { LessonState } from '../lessonState';

let nextId = 1;

export const dense = (units: number, activation: Activation = 'relu'): LayerSpec => ({
  id: `d${nextId++}`,
  kind: 'dense',
  units,
  activation,
});

export function lessonState(
  layers: ModelSpec['layers'],
  numbers: Partial<LessonState> = {},
): LessonState {
  return {
    spec: { version: 1, layers },
    training: DEFAULT_TRAINING,
    runTraining: null,
    dataset: DEFAULT_DATASET.id,
    params: 0,
    trainAccuracy: null,
    valAccuracy: null,
    testAccuracy: null,
    trainLoss: null,
    valLoss: null,
    steps: 0,
    diverged: false,
    train: [],
    checkpoints: [],
    rewind: null,
    runs: [],
    ...numbers,
  };
}

/** A stored run of `layers` on `dataset` (the default's id unless given), ended unless told. */
export function storedRun(
  layers: ModelSpec['layers'],
  metrics: Partial<RunMetrics>,
  options: { dataset?: string; status?: RunSummary['status'] } = {},
): RunSummary {
  const number = nextId++;
  return {
    id: `run-${number}`,
    number,
    name: '',
    colour: 0,
    createdAt: number,
    experiment: makeExperiment({
      name: '',
      spec: { version: 1, layers },
      dataset: { ...DEFAULT_DATASET, id: options.dataset ?? DEFAULT_DATASET.id },
      training: DEFAULT_TRAINING,
      views: { open: [], intervalMs: 250 },
    }),
    backend: 'cpu',
    status: options.status ?? 'done',
    step: 500,
    epoch: 10,
    stepsPerEpoch: 50,
    durationMs: 1000,
    metrics: { ...EMPTY_METRICS, ...metrics },
    pinned: false,
    parent: null,
    checkpoints: [],
    bytes: 0,
    checkpointsStopped: null,
    curveChunks: 1,
    test: null,
  };
}

/** A training record at `step` with this accuracy (loss falls as accuracy rises). */
export const trainRecord = (step: number, accuracy: number): TrainRecord => ({
  step,
  epoch: 0,
  batches: 1,
  loss: 1 - accuracy,
  accuracy,
  samplesPerSec: 1,
  learningRate: 0.01,
  tensors: 0,
  gpuBytes: 0,
});

/**
 * Everything that says how a design is trained, in one type, with the defaults a student starts from.
 */
import type { DatasetChoice } from '../data/datasets';

export type { DatasetChoice } from '../data/datasets';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];
export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adam: 'Adam',
  rmsprop: 'RMSProp',
  adagrad: 'Adagrad',
};

export const LOSSES = [
  'meanSquaredError',
  'binaryCrossentropy',
  'categoricalCrossentropy',
] as const;
export type LossName = (typeof LOSSES)[number];
export const LOSS_LABELS: Record<LossName, string> = {
  meanSquaredError: 'Mean squared error',
  binaryCrossentropy: 'Binary cross-entropy',
  categoricalCrossentropy: 'Categorical cross-entropy',
};

export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

export interface TrainingConfig {
  /** Which update rule: plain SGD, SGD with momentum 0.9, Adam, RMSProp or Adagrad. */
  optimizer: OptimizerName;
  /** Step size; can be changed while training runs (takes effect at the next step). */
  learningRate: number;
  /** What is minimised. Cross-entropy for classification; MSE also works (the seeds' 2-3-1 net). */
  loss: LossName;
  /** Samples per step. Every batch has exactly this size: the last partial batch is dropped. */
  batchSize: number;
  /** Passes over the training split. */
  epochs: number;
  /** Fraction of the training data held out to measure overfitting (0 = none). */
  validationSplit: number;
  /**
   * Fraction held out as a test set, used once when the run ends (0 = none). Datasets with a
   * fixed test set (MNIST's 10,000 test digits) use that instead.
   */
  testSplit: number;
  /** Seeds the data generator, the shuffle, the initial weights and dropout: same seed, same run. */
  seed: number;
  /** Which tfjs backend; 'auto' tries WebGPU → WebGL → WASM → CPU and picks the best that works. */
  backend: BackendChoice;
}

export const DEFAULT_TRAINING: TrainingConfig = {
  optimizer: 'adam',
  learningRate: 0.01,
  loss: 'categoricalCrossentropy',
  batchSize: 32,
  epochs: 50,
  validationSplit: 0.2,
  testSplit: 0.1,
  seed: 42,
  backend: 'auto',
};

/** The spiral with 600 points and a little noise; no augmentation (it only applies to images). */
export const DEFAULT_DATASET: DatasetChoice = {
  id: 'spiral',
  noise: 0.1,
  samples: 600,
  sequenceLength: 8,
  vocabularySize: 10,
  augment: { shift: false, rotate: false, flip: false },
};

/** Limits the UI enforces and validation reports; kept here so both agree. */
export const LIMITS = {
  learningRate: { min: 1e-6, max: 10 },
  batchSize: { min: 1, max: 1024 },
  epochs: { min: 1, max: 1000 },
  validationSplit: { min: 0, max: 0.5 },
  testSplit: { min: 0, max: 0.5 },
  samples: { min: 50, max: 5000 },
  noise: { min: 0, max: 0.5 },
  sequenceLength: { min: 2, max: 256 },
  /** Sequence tasks: symbols; texts: the word vocabulary cap. */
  vocabularySize: { min: 2, max: 50000 },
} as const;

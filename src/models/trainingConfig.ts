/**
 * Everything that says how a design is trained, in one type, with the defaults a student starts from.
 */
import type { DatasetChoice } from '../data/datasets';
import { DEFAULT_SCHEDULE, type LrSchedule } from './schedules';

export type { DatasetChoice } from '../data/datasets';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];
export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adam: 'Adam',
  adamw: 'AdamW',
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

export const CLIPPING_KINDS = ['none', 'norm', 'value'] as const;
export type ClippingKind = (typeof CLIPPING_KINDS)[number];

export interface GradientClipping {
  /**
   * none; norm: when the global norm of all gradients exceeds the threshold, all are scaled down
   * together (PyTorch's clip_grad_norm_); value: each gradient value is clipped to ±threshold.
   */
  kind: ClippingKind;
  threshold: number;
}

export const EARLY_STOP_METRICS = ['valLoss', 'valAccuracy'] as const;
export type EarlyStopMetric = (typeof EARLY_STOP_METRICS)[number];

export interface EarlyStopping {
  enabled: boolean;
  /** Watched after every epoch's validation: the loss should fall, the accuracy rise. */
  metric: EarlyStopMetric;
  /** Epochs without an improvement of at least `minDelta` before the run stops. */
  patience: number;
  minDelta: number;
  /** On stopping, put back the weights of the best epoch (Keras's restore_best_weights). */
  restoreBest: boolean;
}

export interface TrainingConfig {
  /** Which update rule: plain SGD, SGD with momentum, Adam, AdamW, RMSProp or Adagrad. */
  optimizer: OptimizerName;
  /** SGD with momentum: how much of the previous step carries over (the seeds' CNN: 0.9). */
  momentum: number;
  /** SGD with momentum: Nesterov's variant, which looks ahead along the momentum. */
  nesterov: boolean;
  /** Adam and AdamW: decay of the running mean of the gradients (Keras: 0.9). */
  beta1: number;
  /** Adam and AdamW: decay of the running mean of the squared gradients (Keras: 0.999). */
  beta2: number;
  /** Adam, AdamW, RMSProp: keeps the division away from zero (Keras: 1e-7; tfjs's Adagrad has
   * none to set). */
  epsilon: number;
  /** RMSProp: decay of the running mean of the squared gradients (Keras: 0.9). */
  rho: number;
  /** AdamW: each step first shrinks every weight by learning rate × this (Keras: 0.004). */
  weightDecay: number;
  /** How the learning rate changes over the run (schedules.ts); constant by default. */
  schedule: LrSchedule;
  /** Gradient clipping before each update; none by default. */
  clipping: GradientClipping;
  /** Record the global gradient norm of every step as a curve (always on while clipping). */
  recordGradientNorm: boolean;
  /** Stop when the validation metric stops improving; off by default. */
  earlyStopping: EarlyStopping;
  /**
   * Step size (the schedule's base rate); can be changed while training runs (takes effect at the
   * next step).
   */
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
  /**
   * Seeds the generated data, the split and batch order, the initial weights, augmentation and
   * every dropout mask (Dropout layers and attention dropout, drawn per step): the same seed and
   * settings give the same run on the same backend.
   */
  seed: number;
  /** Which tfjs backend; 'auto' tries WebGPU → WebGL → WASM → CPU and picks the best that works. */
  backend: BackendChoice;
}

export const DEFAULT_TRAINING: TrainingConfig = {
  optimizer: 'adam',
  momentum: 0.9,
  nesterov: false,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  rho: 0.9,
  weightDecay: 0.004,
  schedule: DEFAULT_SCHEDULE,
  clipping: { kind: 'none', threshold: 1 },
  recordGradientNorm: false,
  earlyStopping: {
    enabled: false,
    metric: 'valLoss',
    patience: 5,
    minDelta: 0,
    restoreBest: true,
  },
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
  /** Momentum, β1, β2 and ρ: decays in [0, 1). */
  decay: { min: 0, max: 0.9999 },
  epsilon: { min: 1e-10, max: 1 },
  weightDecay: { min: 0, max: 1 },
  gamma: { min: 0.01, max: 1 },
  stepEpochs: { min: 1, max: 1000 },
  floor: { min: 0, max: 1 },
  warmupSteps: { min: 0, max: 100000 },
  clipThreshold: { min: 1e-4, max: 1000 },
  patience: { min: 1, max: 1000 },
  minDelta: { min: 0, max: 1 },
} as const;

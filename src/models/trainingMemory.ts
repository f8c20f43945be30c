/**
 * A rough estimate of the device memory a design needs while it trains: its weights, one gradient
 * per weight, the optimizer's per-weight state, and one batch's layer outputs (kept for the
 * backward pass, with about as much again for their gradients). Float32 throughout. Used to decide
 * whether two designs can train side by side ("Train A and B").
 */
import type { ModelAnalysis } from './analyze';
import type { OptimizerName } from './trainingConfig';

const FLOAT_BYTES = 4;

/**
 * The most a design may need to train: past about 1 GB, a school laptop's tab runs out of GPU
 * memory (WebGL textures, WebGPU buffers) or of the WASM heap, or the worker is killed. Refusing
 * before training, with the estimate, beats a tab that hangs while preparing.
 */
export const MAX_TRAINING_BYTES = 2 ** 30;

/** Tensors the optimizer keeps per weight (tfjs 4.22: RMSProp keeps mean squares and moments). */
const OPTIMIZER_SLOTS: Record<OptimizerName, number> = {
  sgd: 0,
  momentum: 1,
  adam: 2,
  adamw: 2,
  rmsprop: 2,
  adagrad: 1,
};

export interface TrainingMemory {
  weights: number;
  gradients: number;
  optimizer: number;
  activations: number;
  total: number;
}

export function estimateTrainingBytes(
  analysis: Pick<ModelAnalysis, 'inputShape' | 'layers' | 'totalParams'> &
    Partial<Pick<ModelAnalysis, 'nonTrainableParams'>>,
  batchSize: number,
  optimizer: OptimizerName,
): TrainingMemory {
  const weights = analysis.totalParams * FLOAT_BYTES;
  // Moving statistics (BatchNormalization) have no gradient and no optimizer state.
  const trainable = (analysis.totalParams - (analysis.nonTrainableParams ?? 0)) * FLOAT_BYTES;
  const perSample = [analysis.inputShape, ...analysis.layers.map((l) => l.outputShape ?? [0])]
    .map((shape) => shape.reduce((n, d) => n * d, 1))
    .reduce((sum, n) => sum + n, 0);
  // ×2: each output has a gradient of its size during the backward pass.
  const activations = perSample * batchSize * FLOAT_BYTES * 2;
  const optimizerBytes = trainable * OPTIMIZER_SLOTS[optimizer];
  return {
    weights,
    gradients: trainable,
    optimizer: optimizerBytes,
    activations,
    total: weights + trainable + optimizerBytes + activations,
  };
}

/**
 * Optimizers, losses and accuracy for the training loop, with Keras's formulas and defaults.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName, TrainingConfig } from './trainingConfig';

/** The optimizer settings createOptimizer reads (see TrainingConfig for each). */
export type OptimizerSettings = Pick<
  TrainingConfig,
  'optimizer' | 'learningRate' | 'momentum' | 'nesterov' | 'beta1' | 'beta2' | 'epsilon' | 'rho'
>;

/**
 * The tfjs optimizer for these settings. AdamW is tfjs's Adam here: its decoupled weight decay is
 * applied by the trainer before each update (tfjs has no AdamW), as PyTorch and Keras order it.
 */
export function createOptimizer(settings: OptimizerSettings): tf.Optimizer {
  const { optimizer, learningRate, momentum, nesterov, beta1, beta2, epsilon, rho } = settings;
  switch (optimizer) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, momentum, nesterov);
    case 'adam':
    case 'adamw':
      return tf.train.adam(learningRate, beta1, beta2, epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, rho, 0, epsilon);
    case 'adagrad':
      // Keras's initial accumulator; tfjs adds its own epsilon inside the square root.
      return tf.train.adagrad(learningRate, 0.1);
    default: {
      const unknown: never = optimizer;
      throw new Error(`Unknown optimizer: ${String(unknown)}`);
    }
  }
}

/**
 * Changes the step size of a live optimizer; used at the next step.
 * SGD and momentum cache −lr as a tensor (setLearningRate refreshes it); the others read the field.
 * Not `instanceof tf.SGDOptimizer`: tfjs overrides Symbol.hasInstance on Optimizer so that every
 * optimizer passes it, and Adam/RMSProp/Adagrad have no setLearningRate.
 */
export function setOptimizerLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // Not `instanceof tf.SGDOptimizer`: tfjs optimizers define Symbol.hasInstance by duck typing, so
  // Adam "is" an SGDOptimizer there. Test for the method itself.
  const sgdLike = optimizer as unknown as {
    setLearningRate?: (lr: number) => void;
    learningRate: number;
  };
  if (typeof sgdLike.setLearningRate === 'function') {
    sgdLike.setLearningRate(learningRate); // SGD and momentum
  } else {
    sgdLike.learningRate = learningRate;
  }
}

/** Mean loss over the batch. `yTrue` and `yPred` are [batch, outputs]. */
export function computeLoss(name: LossName, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(lossTerms(name, yTrue, yPred)));
}

/**
 * The loss before averaging: per output for MSE, per label for cross-entropy ([batch, ...]).
 * Call inside tf.tidy.
 */
function lossTerms(name: LossName, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'meanSquaredError':
      return tf.square(tf.sub(yPred, yTrue));
    case 'binaryCrossentropy':
      return tf.metrics.binaryCrossentropy(yTrue, yPred);
    case 'categoricalCrossentropy':
      return tf.metrics.categoricalCrossentropy(yTrue, yPred);
    default: {
      const unknown: never = name;
      throw new Error(`Unknown loss: ${String(unknown)}`);
    }
  }
}

/**
 * Number of correct predictions in the batch, as a float scalar (kept on the GPU).
 * One output unit: class 1 when it is above 0.5. Several: the class with the highest output.
 */
export function countCorrect(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.sum(hits(yTrue, yPred)));
}

/** 1 where a prediction is right, 0 where not: [batch] or [batch, T]. Call inside tf.tidy. */
function hits(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor {
  const outputs = yPred.shape[yPred.shape.length - 1] ?? 1;
  const right =
    outputs === 1
      ? tf.equal(tf.greater(yPred, 0.5).toFloat(), yTrue)
      : tf.equal(tf.argMax(yPred, -1), tf.argMax(yTrue, -1));
  return right.toFloat();
}

/**
 * Each sample's loss, [batch]: computeLoss is the mean of these (every sample has as many
 * elements). For scoring some samples of a fixed-shape batch and not others (evaluate's last one).
 */
export function perSampleLoss(name: LossName, yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => meanPerSample(lossTerms(name, yTrue, yPred)));
}

/** Each sample's correct predictions, [batch] (one per label; several for per-step labels). */
export function perSampleCorrect(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => sumPerSample(hits(yTrue, yPred)));
}

/** [batch, ...] → [batch]: the mean over everything but the batch axis. */
const meanPerSample = (t: tf.Tensor): tf.Tensor1D =>
  (t.rank === 1 ? t : tf.mean(t, sampleAxes(t))) as tf.Tensor1D;

const sumPerSample = (t: tf.Tensor): tf.Tensor1D =>
  (t.rank === 1 ? t : tf.sum(t, sampleAxes(t))) as tf.Tensor1D;

const sampleAxes = (t: tf.Tensor) => Array.from({ length: t.rank - 1 }, (_, i) => i + 1);

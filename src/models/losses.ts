/**
 * Optimizers, losses and accuracy for the training loop, with Keras's formulas and defaults.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossName, OptimizerName } from './trainingConfig';

/** Keras's default epsilon for Adam and RMSProp (tfjs would use the backend's, which differs). */
const EPSILON = 1e-7;
/** Momentum of "SGD with momentum", as in the seeds' CNN. */
export const MOMENTUM = 0.9;

export function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, MOMENTUM);
    case 'adam':
      return tf.train.adam(learningRate, 0.9, 0.999, EPSILON);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, 0.9, 0, EPSILON);
    case 'adagrad':
      return tf.train.adagrad(learningRate, 0.1);
    default: {
      const unknown: never = name;
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
  return tf.tidy(() => {
    switch (name) {
      case 'meanSquaredError':
        return tf.mean(tf.square(tf.sub(yPred, yTrue)));
      case 'binaryCrossentropy':
        return tf.mean(tf.metrics.binaryCrossentropy(yTrue, yPred));
      case 'categoricalCrossentropy':
        return tf.mean(tf.metrics.categoricalCrossentropy(yTrue, yPred));
      default: {
        const unknown: never = name;
        throw new Error(`Unknown loss: ${String(unknown)}`);
      }
    }
  }) as tf.Scalar;
}

/**
 * Number of correct predictions in the batch, as a float scalar (kept on the GPU).
 * One output unit: class 1 when it is above 0.5. Several: the class with the highest output.
 */
export function countCorrect(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const outputs = yPred.shape[yPred.shape.length - 1] ?? 1;
    const hits =
      outputs === 1
        ? tf.equal(tf.greater(yPred, 0.5).toFloat(), yTrue)
        : tf.equal(tf.argMax(yPred, -1), tf.argMax(yTrue, -1));
    return tf.sum(hits.toFloat());
  });
}

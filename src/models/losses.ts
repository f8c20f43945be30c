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

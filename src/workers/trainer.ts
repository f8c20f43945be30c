/**
 * The training mechanics for one run: fixed-size batches, a custom step (no per-step readback),
 * metrics accumulated on the device and handed over on request, and validation in fixed batches.
 * No lifecycle here (that is session.ts); runs the same in Node and in the worker.
 */
import * as tf from '@tensorflow/tfjs';
import { createRandom, shuffledIndices, type Random } from '../data/random';
import { throwMessage } from '../shared/messages/messageError';
import {
  computeLoss,
  countCorrect,
  createOptimizer,
  perSampleCorrect,
  perSampleLoss,
  setOptimizerLearningRate,
} from '../models/losses';
import { maskSeed, stepSeededLayers, type StepSeeded } from '../models/layers/seededDropout';
import { scheduledRate } from '../models/schedules';
import type { TrainingConfig } from '../models/trainingConfig';
import { augmentBatch, type AugmentOptions } from './augment';
import { gatherBatch, sliceBatch, type Split } from './batches';
import { clipGradients, decayWeights, globalNorm } from './gradientSteps';
import { symmetricHistogram } from './probes/gpuStats';

/** Device-side sums since the last handover; the caller reads them with `await data()` and disposes. */
export interface PendingMetrics {
  lossSum: tf.Scalar;
  correctSum: tf.Scalar;
  /** Sum of the steps' global gradient norms, when they are recorded (see tracksGradientNorm). */
  gradientNormSum: tf.Scalar | null;
  batches: number;
  samples: number;
  /** Predictions scored: samples × labels per sample (time steps for sequence tasks). */
  predictions: number;
  /** Regression: no accuracy. */
  regression: boolean;
}

/** Frees the sums a drain handed over. */
export function disposePending(pending: PendingMetrics): void {
  pending.lossSum.dispose();
  pending.correctSum.dispose();
  pending.gradientNormSum?.dispose();
}

export class Trainer {
  readonly stepsPerEpoch: number;
  readonly optimizer: tf.Optimizer;
  /** Steps done in this run. */
  step = 0;
  /** 0-based epoch of the next step. */
  epoch = 0;
  private order: Int32Array;
  private readonly random: Random;
  /** Set by the internals view: the next step keeps a histogram of every gradient. */
  private gradientStatsWanted = false;
  private gradientStats: tf.Tensor2D | null = null;
  private lossSum: tf.Scalar | null = null;
  private correctSum: tf.Scalar | null = null;
  private gradientNormSum: tf.Scalar | null = null;
  private batchesSinceDrain = 0;
  /** The rate the user set: the schedule's base (setLearningRate changes it). */
  private baseLearningRate: number;
  /** Epochs the run is to train, for a schedule that spans the run (the session may change it). */
  plannedEpochs: number;
  private readonly variables: tf.Variable[];
  /** Found once: the step loop only tells them the step. */
  private readonly stepSeeded: StepSeeded[];

  constructor(
    readonly model: tf.LayersModel,
    readonly config: TrainingConfig,
    readonly train: Split,
    readonly validation: Split | null,
    /** Image batches only: random shifts, rotations, flips of each training image. */
    readonly augment: AugmentOptions | null = null,
  ) {
    this.stepsPerEpoch = Math.floor(train.count / config.batchSize); // the last partial batch is dropped
    if (this.stepsPerEpoch < 1) {
      throwMessage('worker.batchTooLarge', { batchSize: config.batchSize, samples: train.count });
    }
    this.optimizer = createOptimizer(config);
    this.baseLearningRate = config.learningRate;
    this.plannedEpochs = config.epochs;
    this.random = createRandom(config.seed ^ 0x5eed);
    this.order = shuffledIndices(train.count, this.random);
    this.variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    this.stepSeeded = stepSeededLayers(model);
  }

  /** 1 for classification; the number of time steps when every step has a label. */
  get labelsPerSample(): number {
    return this.train.regression ? 1 : this.train.labelsPerSample;
  }

  get learningRate(): number {
    return (this.optimizer as unknown as { learningRate: number }).learningRate;
  }

  /** The learning rate as set (live changes included); a schedule scales it step by step. */
  get baseRate(): number {
    return this.baseLearningRate;
  }

  /** Sets the base rate; the schedule's rate from it is used from the next step on. */
  setLearningRate(learningRate: number): void {
    this.baseLearningRate = learningRate;
    this.applySchedule();
  }

  /** Whether each step's global gradient norm is summed for the curve (always while clipping). */
  get tracksGradientNorm(): boolean {
    return this.config.recordGradientNorm || this.config.clipping.kind !== 'none';
  }

  /** Gives the optimizer the rate the schedule sets for the next step (no tensor work). */
  private applySchedule(): void {
    const rate = scheduledRate(this.config.schedule, this.baseLearningRate, this.step, {
      stepsPerEpoch: this.stepsPerEpoch,
      totalSteps: this.plannedEpochs * this.stepsPerEpoch,
    });
    if (rate !== this.learningRate) setOptimizerLearningRate(this.optimizer, rate);
  }

  /** One optimisation step on the next batch. Nothing is read back. */
  runStep(): void {
    const { batchSize } = this.config;
    const withinEpoch = this.step % this.stepsPerEpoch;
    const indices = this.order.subarray(withinEpoch * batchSize, (withinEpoch + 1) * batchSize);
    // The correct-count is computed from the same forward pass as the loss; tf.keep lets it out of
    // the gradient tape's scope, so it is disposed by hand below.
    const kept: { correct: tf.Scalar | null } = { correct: null };
    this.applySchedule();
    // Dropout masks follow from the seed and this step: a resumed run draws the same ones.
    for (const layer of this.stepSeeded) layer.setDropoutStep(this.step);
    const { clipping, optimizer, weightDecay } = this.config;
    let normSum: tf.Scalar | null = null;
    const [lossSum, correctSum] = tf.tidy(() => {
      const { x: gathered, y: yb } = gatherBatch(this.train, indices); // [batch, ...inputShape]
      const xb =
        this.augment && gathered.rank === 4
          ? augmentBatch(gathered as tf.Tensor4D, this.augment, this.augmentDraws())
          : gathered;
      const { value, grads } = this.optimizer.computeGradients(() => {
        const pred = this.model.apply(xb, { training: true }) as tf.Tensor;
        kept.correct = tf.keep(this.train.regression ? tf.scalar(0) : countCorrect(yb, pred));
        const loss = computeLoss(this.config.loss, yb, pred);
        // L1/L2 penalties of the layers that have them, as Keras adds them to the loss.
        const penalties = this.model.calculateLosses();
        return penalties.length > 0 ? (tf.add(loss, tf.addN(penalties)) as tf.Scalar) : loss;
      }, this.variables);
      if (this.gradientStatsWanted) this.keepGradientStats(grads);
      const norm = this.tracksGradientNorm ? globalNorm(grads) : null;
      if (norm) {
        const sum = this.gradientNormSum ? tf.add(this.gradientNormSum, norm) : norm.clone();
        normSum = tf.keep(sum as tf.Scalar);
      }
      const clipped = clipGradients(grads, clipping, norm);
      // AdamW: the weights shrink before the Adam step, with the rate this step uses.
      if (optimizer === 'adamw') decayWeights(this.variables, this.learningRate * weightDecay);
      this.optimizer.applyGradients(clipped);
      const correct = kept.correct as tf.Scalar;
      return [
        this.lossSum ? tf.add(this.lossSum, value) : value.clone(),
        this.correctSum ? tf.add(this.correctSum, correct) : correct.clone(),
      ] as [tf.Scalar, tf.Scalar];
    });
    kept.correct?.dispose();
    if (normSum) {
      this.gradientNormSum?.dispose();
      this.gradientNormSum = normSum;
    }
    this.lossSum?.dispose();
    this.correctSum?.dispose();
    this.lossSum = lossSum;
    this.correctSum = correctSum;
    this.batchesSinceDrain += 1;
    this.step += 1;
    if (this.step % this.stepsPerEpoch === 0) {
      this.epoch += 1;
      this.order = shuffledIndices(this.train.count, this.random);
    }
  }

  /**
   * The random source of this step's augmentation: its own stream (switching augmentation on does
   * not change the shuffle order), mixed from the seed and the step as dropout's masks are, so a
   * run resumed or forked at step s draws what the uninterrupted run drew at step s.
   */
  private augmentDraws(): Random {
    return createRandom(maskSeed(this.config.seed ^ 0xa06, this.step));
  }

  /**
   * Continues from a saved run: `step` steps were done. The data order is the seeded order of the
   * epoch reached (each finished epoch drew one shuffle), so the next batch is the one that would
   * have come next. Only for a fresh trainer.
   */
  restoreProgress(step: number): void {
    if (this.step !== 0) throw new Error('restoreProgress needs a trainer that has not stepped.');
    this.step = step;
    this.epoch = Math.floor(step / this.stepsPerEpoch);
    for (let e = 0; e < this.epoch; e++) {
      this.order = shuffledIndices(this.train.count, this.random);
    }
  }

  /** Asks the next step to keep [variables, bins + 1] gradient histograms (symmetricHistogram). */
  requestGradientStats(): void {
    this.gradientStatsWanted = true;
  }

  /** The latest gradient histograms, once; the caller disposes them. Null before any was kept. */
  takeGradientStats(): tf.Tensor2D | null {
    const stats = this.gradientStats;
    this.gradientStats = null;
    return stats;
  }

  private keepGradientStats(grads: tf.NamedTensorMap): void {
    this.gradientStatsWanted = false;
    this.gradientStats?.dispose();
    const rows = this.variables.map((v) => symmetricHistogram(grads[v.name] ?? tf.zeros([1])));
    this.gradientStats = tf.keep(tf.stack(rows) as tf.Tensor2D);
  }

  /** Hands over the sums since the last call (null when no step ran). The caller disposes them. */
  drainMetrics(): PendingMetrics | null {
    if (!this.lossSum || !this.correctSum) return null;
    const pending: PendingMetrics = {
      lossSum: this.lossSum,
      correctSum: this.correctSum,
      gradientNormSum: this.gradientNormSum,
      batches: this.batchesSinceDrain,
      samples: this.batchesSinceDrain * this.config.batchSize,
      predictions: this.batchesSinceDrain * this.config.batchSize * this.labelsPerSample,
      regression: this.train.regression,
    };
    this.lossSum = null;
    this.correctSum = null;
    this.gradientNormSum = null;
    this.batchesSinceDrain = 0;
    return pending;
  }

  /**
   * Mean loss and accuracy on every sample of a split (the validation split by default), in
   * batches of one fixed shape; one readback. The loss includes the L1/L2 penalties, as the
   * training loss does (and Keras's val_loss), so the two curves compare like with like.
   */
  async evaluate(
    split: Split | null = this.validation,
  ): Promise<{ loss: number; accuracy: number | null; count: number } | null> {
    if (!split || split.count === 0) return null;
    // Fixed shapes: batches of `size` (the whole split when it is smaller than one batch).
    const size = Math.min(this.config.batchSize, split.count);
    const batches = Math.floor(split.count / size);
    const rest = split.count - batches * size;
    // [sum of per-sample losses, correct count]. One tidy per batch, so a batch's activations are
    // freed before the next one runs (one tidy around the loop held them all: gigabytes for the
    // MNIST CNN).
    let totals: tf.Tensor1D = tf.zeros([2]);
    const add = (score: () => [tf.Scalar, tf.Scalar]) => {
      const next = tf.tidy(() => tf.add(totals, tf.stack(score())) as tf.Tensor1D);
      totals.dispose();
      totals = next;
    };
    for (let b = 0; b < batches; b++) {
      add(() => {
        const { x: xb, y: yb } = sliceBatch(split, b * size, size);
        const pred = this.model.apply(xb, { training: false }) as tf.Tensor;
        const loss = tf.mul(computeLoss(this.config.loss, yb, pred), size) as tf.Scalar;
        return [loss, split.regression ? tf.scalar(0) : countCorrect(yb, pred)];
      });
    }
    if (rest > 0) {
      // The samples left over are scored in one more batch of the same shape: the split's last
      // `size` samples, of which only the last `rest` count (the others were scored above).
      add(() => {
        const { x: xb, y: yb } = sliceBatch(split, split.count - size, size);
        const pred = this.model.apply(xb, { training: false }) as tf.Tensor;
        const mask = tf.concat([tf.zeros([size - rest]), tf.ones([rest])]); // [size]
        const loss = tf.sum(tf.mul(perSampleLoss(this.config.loss, yb, pred), mask)) as tf.Scalar;
        const correct = split.regression
          ? tf.scalar(0)
          : (tf.sum(tf.mul(perSampleCorrect(yb, pred), mask)) as tf.Scalar);
        return [loss, correct];
      });
    }
    const scores = tf.tidy(() => {
      const penalties = this.model.calculateLosses();
      const penalty = penalties.length > 0 ? tf.addN(penalties) : tf.scalar(0);
      return tf.concat([totals, tf.reshape(penalty, [1])]); // [loss sum, correct, penalty]
    });
    totals.dispose();
    try {
      const [lossSum = NaN, correct = NaN, penalty = NaN] = await scores.data();
      const count = split.count;
      const accuracy = split.regression ? null : correct / (count * this.labelsPerSample);
      return { loss: lossSum / count + penalty, accuracy, count };
    } finally {
      scores.dispose();
    }
  }

  dispose(): void {
    this.lossSum?.dispose();
    this.correctSum?.dispose();
    this.gradientStats?.dispose();
    this.gradientNormSum?.dispose();
    this.gradientNormSum = null;
    this.lossSum = null;
    this.correctSum = null;
    this.gradientStats = null;
    this.optimizer.dispose();
    // tfjs's MomentumOptimizer.dispose() skips SGDOptimizer's, which frees the cached −lr scalar.
    if (this.config.optimizer === 'momentum') {
      (this.optimizer as unknown as { c?: tf.Tensor }).c?.dispose();
    }
  }
}

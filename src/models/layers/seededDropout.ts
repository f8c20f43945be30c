/**
 * Dropout whose masks follow from a seed and the training step, so two runs with the same seed
 * drop the same units at the same steps, and each step drops different ones.
 *
 * tfjs's own Dropout cannot do both: unseeded it draws from Math.random (no two runs alike), and
 * seeded it starts a fresh generator from the same seed on every call (the same mask at every
 * step). Here the seed of each call is mixed from the layer's seed and its step counter; the
 * trainer sets the counter to the global step before each step (setDropoutStep), so a run resumed
 * from a checkpoint draws the masks the uninterrupted run would have drawn.
 *
 * Saved as a plain Keras/tfjs "Dropout" (same class name, same config), so a saved model.json
 * still loads in bare tfjs and in Keras, where dropout is the identity at inference anyway.
 */
import * as tf from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export interface SeededDropoutArgs extends LayerArgs {
  /** Fraction of the inputs set to zero while training, in [0, 1). */
  rate: number;
  /** The layer's own seed (the builder derives it from the run seed and the layer's index). */
  seed: number;
}

/**
 * The seed of one dropout mask: a 32-bit mix of the layer's seed and the step. Mixed (rather than
 * seed + step) because neighbouring layers have consecutive seeds: layer i at step s + 1 must not
 * reuse layer i + 1's mask of step s.
 */
export function maskSeed(layerSeed: number, step: number): number {
  let h = Math.imul(layerSeed | 0, 0x9e3779b1) ^ Math.imul((step | 0) + 0x632be5ab, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** A layer whose random draws while training depend on the step: the trainer sets it. */
export interface StepSeeded {
  setDropoutStep(step: number): void;
}

function isStepSeeded(layer: unknown): layer is StepSeeded {
  return typeof (layer as Partial<StepSeeded>).setDropoutStep === 'function';
}

/** The model's layers whose random draws follow the step (dropout, attention dropout). */
export function stepSeededLayers(model: tf.LayersModel): StepSeeded[] {
  return model.layers.filter((layer): layer is tf.layers.Layer & StepSeeded => isStepSeeded(layer));
}

/** Tells every step-seeded layer of the model which training step comes next. */
export function setDropoutStep(model: tf.LayersModel, step: number): void {
  for (const layer of stepSeededLayers(model)) layer.setDropoutStep(step);
}

export class SeededDropout extends tf.layers.Layer implements StepSeeded {
  static className = 'LayerLabSeededDropout';

  readonly rate: number;
  readonly seed: number;
  /** The step whose mask the next training call draws; each training call moves it on by one. */
  private step = 0;

  constructor(args: SeededDropoutArgs) {
    super(args);
    if (!(args.rate >= 0 && args.rate < 1)) {
      throw new Error(`rate must be in [0, 1), not ${args.rate}.`);
    }
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  setDropoutStep(step: number): void {
    this.step = step;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!x) throw new Error(`${this.name} expects one input.`);
    if (kwargs['training'] !== true || this.rate === 0) return x;
    const seed = maskSeed(this.seed, this.step);
    this.step += 1;
    // Inverted dropout, as Keras: kept units are scaled by 1 / (1 - rate).
    return tf.dropout(x, this.rate, undefined, seed);
  }

  /**
   * Keras's Dropout config, so the saved topology is a plain Dropout. Without the seed: a seeded
   * tfjs or Keras Dropout would drop the same units at every step if the file were trained on.
   */
  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, noiseShape: null, seed: null };
  }

  /** Serialised under Keras's name: a saved model needs nothing of LayerLab to load. */
  override getClassName(): string {
    return 'Dropout';
  }
}

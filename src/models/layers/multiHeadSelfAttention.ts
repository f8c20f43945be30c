/**
 * Multi-head self-attention as a trainable tfjs layer (tfjs-layers 4.22 has none: its nlp layers use
 * einsum, which has no gradient). Same weights as Keras `MultiHeadAttention(num_heads, key_dim)`
 * called as self-attention, but each kernel is stored as a 2-D matrix so every weight product is a
 * plain 2-D matMul: the broadcast matMul [B,T,d]×[d,e] has a broken gradient in tfjs (pitfalls doc).
 *
 * Returns two outputs, [output [B,T,dModel], attentionWeights [B,numHeads,T,T]]: a training graph
 * uses the first, a probe model built on the same layer instance reads the second (shared weights).
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerVariable, Shape } from '@tensorflow/tfjs';
import { maskSeed, type StepSeeded } from './seededDropout';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export interface MultiHeadSelfAttentionArgs extends LayerArgs {
  numHeads: number;
  /** Size of each head's query/key/value vectors (Keras `key_dim`; value_dim is the same). */
  keyDim: number;
  /** Mask future positions: position t attends only to positions ≤ t. */
  causal?: boolean;
  /** Dropout rate on the attention weights, applied only while training. */
  dropout?: number;
  /** Seed for the kernel initialisers; each kernel gets its own seed derived from it. */
  seed: number;
}

/** Added to masked scores before the softmax: exp(-1e9 - max) is exactly 0 in float32. */
const MASK_VALUE = -1e9;

/**
 * A distinct seed per weight slot. Mixed rather than `seed + slot` because the model builder gives
 * neighbouring layers consecutive seeds; adding small offsets would hand one layer's value kernel
 * the next layer's key seed.
 */
function deriveSeed(seed: number, slot: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(slot + 1, 0x85ebca6b)) >>> 0;
}

export class MultiHeadSelfAttention extends tf.layers.Layer implements StepSeeded {
  static className = 'LayerLabMultiHeadSelfAttention';

  readonly numHeads: number;
  readonly keyDim: number;
  readonly causal: boolean;
  readonly dropout: number;
  readonly seed: number;
  /** The step whose attention-dropout mask the next training call draws (seededDropout.ts). */
  private dropoutStep = 0;

  // Weights: LayerVariables hold tfjs Variables that outlive every tidy, so keeping them is safe.
  private queryKernel: LayerVariable | null = null;
  private queryBias: LayerVariable | null = null;
  private keyKernel: LayerVariable | null = null;
  private keyBias: LayerVariable | null = null;
  private valueKernel: LayerVariable | null = null;
  private valueBias: LayerVariable | null = null;
  private outputKernel: LayerVariable | null = null;
  private outputBias: LayerVariable | null = null;

  constructor(args: MultiHeadSelfAttentionArgs) {
    super(args);
    if (!Number.isInteger(args.numHeads) || args.numHeads < 1) {
      throw new Error(`numHeads must be a whole number ≥ 1, not ${args.numHeads}.`);
    }
    if (!Number.isInteger(args.keyDim) || args.keyDim < 1) {
      throw new Error(`keyDim must be a whole number ≥ 1, not ${args.keyDim}.`);
    }
    const dropout = args.dropout ?? 0;
    if (!(dropout >= 0 && dropout < 1)) {
      throw new Error(`dropout must be in [0, 1), not ${dropout}.`);
    }
    this.numHeads = args.numHeads;
    this.keyDim = args.keyDim;
    this.causal = args.causal ?? false;
    this.dropout = dropout;
    this.seed = args.seed;
    this.inputSpec = [new tf.InputSpec({ ndim: 3 })];
  }

  setDropoutStep(step: number): void {
    this.dropoutStep = step;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const dModel = shape[2];
    if (dModel == null) {
      throw new Error(`${this.name}: the feature size (last input axis) must be known.`);
    }
    const inner = this.numHeads * this.keyDim;
    const kernel = (slot: number) =>
      tf.initializers.glorotUniform({ seed: deriveSeed(this.seed, slot) });
    const zeros = tf.initializers.zeros();
    this.queryKernel = this.addWeight('query_kernel', [dModel, inner], 'float32', kernel(0));
    this.queryBias = this.addWeight('query_bias', [inner], 'float32', zeros);
    this.keyKernel = this.addWeight('key_kernel', [dModel, inner], 'float32', kernel(1));
    this.keyBias = this.addWeight('key_bias', [inner], 'float32', zeros);
    this.valueKernel = this.addWeight('value_kernel', [dModel, inner], 'float32', kernel(2));
    this.valueBias = this.addWeight('value_bias', [inner], 'float32', zeros);
    this.outputKernel = this.addWeight('output_kernel', [inner, dModel], 'float32', kernel(3));
    this.outputBias = this.addWeight('output_bias', [dModel], 'float32', zeros);
    this.inputSpec = [new tf.InputSpec({ ndim: 3, axes: { [-1]: dModel } })];
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const [batch = null, time = null, dModel = null] = shape;
    return [
      [batch, time, dModel],
      [batch, this.numHeads, time, time],
    ];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[] {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x || x.rank !== 3) {
        throw new Error(`${this.name} expects one input of rank 3 [batch, time, features].`);
      }
      const [batch = 0, time = 0, dModel = 0] = x.shape;
      const h = this.numHeads;
      const k = this.keyDim;
      const weight = (w: LayerVariable | null) => {
        if (!w) throw new Error(`${this.name} was called before it was built.`);
        return w.read();
      };

      const flat = tf.reshape(x, [batch * time, dModel]); // [B*T, d]: 2-D so the weight matMul has a gradient
      // One projection per role, then split the heads out into the batch axis.
      const heads = (kernel: LayerVariable | null, bias: LayerVariable | null): tf.Tensor3D => {
        const projected = tf.add(tf.matMul(flat, weight(kernel)), weight(bias)); // [B*T, h*k]
        const split = tf.reshape(projected, [batch, time, h, k]); // [B, T, h, k]
        const headsFirst = tf.transpose(split, [0, 2, 1, 3]); // [B, h, T, k]
        return tf.reshape(headsFirst, [batch * h, time, k]); // [B*h, T, k]
      };
      const q = heads(this.queryKernel, this.queryBias);
      const key = heads(this.keyKernel, this.keyBias);
      const v = heads(this.valueKernel, this.valueBias);

      // Scale q rather than the scores: [T, k] elements instead of [T, T].
      const qScaled = tf.mul(q, 1 / Math.sqrt(k)); // [B*h, T, k]
      // Batched matMul of two activations with equal batch dims: its gradient is fine.
      let scores: tf.Tensor = tf.matMul(qScaled, key, false, true); // [B*h, T, T]
      if (this.causal) {
        scores = tf.add(scores, causalMask(time)); // [B*h, T, T] + [T, T]
      }
      const attention = tf.softmax(scores); // [B*h, T, T], softmax over the keys (last axis)

      const training = kwargs['training'] === true;
      // Seeded from the layer's seed and the step: reproducible, and a new mask at each step.
      // The mask seed's slot (4) is past the four kernels' initialiser slots.
      const dropped =
        training && this.dropout > 0
          ? tf.dropout(attention, this.dropout, undefined, this.nextMaskSeed())
          : attention;
      const context = tf.matMul(dropped, v); // [B*h, T, k]
      const contextHeads = tf.reshape(context, [batch, h, time, k]); // [B, h, T, k]
      const contextTime = tf.transpose(contextHeads, [0, 2, 1, 3]); // [B, T, h, k]
      const concatenated = tf.reshape(contextTime, [batch * time, h * k]); // [B*T, h*k]
      const projected = tf.add(
        tf.matMul(concatenated, weight(this.outputKernel)),
        weight(this.outputBias),
      ); // [B*T, d]
      const output = tf.reshape(projected, [batch, time, dModel]); // [B, T, d]
      // The maps before dropout, as Keras returns them.
      const maps = tf.reshape(attention, [batch, h, time, time]); // [B, h, T, T]
      return [output, maps];
    });
  }

  private nextMaskSeed(): number {
    const seed = maskSeed(deriveSeed(this.seed, 4), this.dropoutStep);
    this.dropoutStep += 1;
    return seed;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      causal: this.causal,
      dropout: this.dropout,
      seed: this.seed,
    };
  }
}

/**
 * [T, T] additive mask: 0 on and below the diagonal, MASK_VALUE above it (future keys).
 * Built from range/greater on the device each call: nothing to upload, and no tensor is kept on
 * the layer across tidies. The diagonal is never masked, so every softmax row has a finite max.
 */
function causalMask(time: number): tf.Tensor2D {
  return tf.tidy(() => {
    const rows = tf.reshape(tf.range(0, time, 1, 'int32'), [time, 1]); // [T, 1]: query position
    const cols = tf.reshape(tf.range(0, time, 1, 'int32'), [1, time]); // [1, T]: key position
    const future = tf.greater(cols, rows); // [T, T], true above the diagonal
    return tf.mul(tf.cast(future, 'float32'), MASK_VALUE);
  });
}

tf.serialization.registerClass(MultiHeadSelfAttention);

/**
 * Adds a position vector to each time step: output[b, t] = input[b, t] + positions[t].
 * Attention alone is blind to order; this is what tells it which token came first.
 *
 * 'learned': a trainable [maxLength, d] table (keras-nlp PositionEmbedding; maxLength·d params).
 * 'sinusoidal': the fixed table of "Attention is all you need" (0 params):
 *   PE[pos, 2i] = sin(pos / 10000^(2i/d)),  PE[pos, 2i+1] = cos(pos / 10000^(2i/d)).
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerVariable, Shape } from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

export const POSITIONAL_MODES = ['learned', 'sinusoidal'] as const;
export type PositionalMode = (typeof POSITIONAL_MODES)[number];

export interface PositionalEmbeddingArgs extends LayerArgs {
  mode: PositionalMode;
  /** The longest sequence the layer accepts; the learned table has this many rows. */
  maxLength: number;
  /** Seed for the learned table's initialiser (unused by 'sinusoidal', kept for a uniform config). */
  seed: number;
}

/** The sinusoidal table, row-major [maxLength, d], in double precision rounded once to float32. */
export function sinusoidalTable(maxLength: number, d: number): Float32Array {
  const table = new Float32Array(maxLength * d);
  for (let pos = 0; pos < maxLength; pos++) {
    for (let j = 0; j < d; j++) {
      const pair = j - (j % 2); // 2i: sin and cos of one frequency share it
      const angle = pos / Math.pow(10000, pair / d);
      table[pos * d + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return table;
}

export class PositionalEmbedding extends tf.layers.Layer {
  static className = 'LayerLabPositionalEmbedding';

  readonly mode: PositionalMode;
  readonly maxLength: number;
  readonly seed: number;

  private table: LayerVariable | null = null;
  // A plain array, not a tensor: a tensor on `this` would be disposed by the tidy that made it.
  private fixedTable: Float32Array | null = null;

  constructor(args: PositionalEmbeddingArgs) {
    super(args);
    if (!POSITIONAL_MODES.includes(args.mode)) {
      throw new Error(
        `mode must be one of ${POSITIONAL_MODES.join(', ')}, not ${String(args.mode)}.`,
      );
    }
    if (!Number.isInteger(args.maxLength) || args.maxLength < 1) {
      throw new Error(`maxLength must be a whole number ≥ 1, not ${args.maxLength}.`);
    }
    this.mode = args.mode;
    this.maxLength = args.maxLength;
    this.seed = args.seed;
    this.inputSpec = [new tf.InputSpec({ ndim: 3 })];
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape;
    const [, time, d] = shape;
    if (d == null) {
      throw new Error(`${this.name}: the feature size (last input axis) must be known.`);
    }
    if (time != null && time > this.maxLength) {
      throw new Error(
        `${this.name}: sequences of length ${time} exceed maxLength ${this.maxLength}.`,
      );
    }
    if (this.mode === 'learned') {
      // glorot_uniform as in keras-nlp's PositionEmbedding, so an exported Keras program matches.
      this.table = this.addWeight(
        'embeddings',
        [this.maxLength, d],
        'float32',
        tf.initializers.glorotUniform({ seed: this.seed }),
      );
    } else {
      this.fixedTable = sinusoidalTable(this.maxLength, d);
    }
    this.inputSpec = [new tf.InputSpec({ ndim: 3, axes: { [-1]: d } })];
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...((Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as Shape)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x || x.rank !== 3) {
        throw new Error(`${this.name} expects one input of rank 3 [batch, time, features].`);
      }
      const [, time = 0, d = 0] = x.shape;
      if (time > this.maxLength) {
        throw new Error(
          `${this.name}: sequence length ${time} exceeds maxLength ${this.maxLength}.`,
        );
      }
      let positions: tf.Tensor2D; // [T, d]
      if (this.mode === 'learned') {
        if (!this.table) throw new Error(`${this.name} was called before it was built.`);
        const full = this.table.read() as tf.Tensor2D; // [maxLength, d]
        // Slice (static begin/size) has a gradient in 4.22; stridedSlice does not.
        positions = time === this.maxLength ? full : tf.slice(full, [0, 0], [time, d]); // [T, d]
      } else {
        if (!this.fixedTable) throw new Error(`${this.name} was called before it was built.`);
        // T·d floats uploaded per call; a constant, so no gradient is needed.
        positions = tf.tensor2d(this.fixedTable.subarray(0, time * d), [time, d]); // [T, d]
      }
      return tf.add(x, positions); // [B, T, d] + [T, d], broadcast over the batch
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), mode: this.mode, maxLength: this.maxLength, seed: this.seed };
  }
}

tf.serialization.registerClass(PositionalEmbedding);

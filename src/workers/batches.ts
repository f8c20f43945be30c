/**
 * A split's samples stay in CPU memory and each batch goes to the device when a step, an evaluation
 * or a probe needs it. Keeping whole splits on the device cost ~0.9 GB of WebGL textures for the
 * MNIST CNN (60,000 × 28 × 28 × 1 floats, inflated by the texture layout), more than a school
 * laptop's GPU can spare; one batch of 32 digits is 100 KB to upload.
 */
import * as tf from '@tensorflow/tfjs';
import { labelsPerSample, type LabelledData } from '../data/types';
import type { Shape } from '../models/spec';

/** A split in CPU memory, with what its batches need to become tensors. */
export interface Split {
  data: LabelledData;
  inputShape: Shape;
  count: number;
  /** Real-valued targets: there is no accuracy to count. */
  regression: boolean;
  /** Input values per sample (the product of inputShape). */
  features: number;
  /** Label values per sample: 1 for classification, T for a label per time step, targets. */
  labelsPerSample: number;
  /** The model's output units: 1 means y is the 0/1 label, more means one-hot over `classes`. */
  outputs: number;
  classes: number;
}

export function makeSplit(
  data: LabelledData,
  inputShape: Shape,
  outputs: number,
  classes: number,
): Split {
  return {
    data,
    inputShape,
    count: data.count,
    regression: data.y instanceof Float32Array,
    features: data.count === 0 ? 0 : data.x.length / data.count,
    labelsPerSample: labelsPerSample(data),
    outputs,
    classes,
  };
}

/** One batch on the device: x [batch, ...inputShape], y as `labelTensor` says. */
export interface Batch {
  x: tf.Tensor;
  y: tf.Tensor;
}

/** The samples at `indices` (copied on the CPU, then uploaded). Call inside tf.tidy. */
export function gatherBatch(split: Split, indices: ArrayLike<number>): Batch {
  const { data, features: perSample, labelsPerSample: labels } = split;
  const x = new Float32Array(indices.length * perSample);
  const y =
    data.y instanceof Float32Array
      ? new Float32Array(indices.length * labels)
      : new Int32Array(indices.length * labels);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] ?? 0;
    x.set(data.x.subarray(i * perSample, (i + 1) * perSample), k * perSample);
    y.set(data.y.subarray(i * labels, (i + 1) * labels), k * labels);
  }
  return toBatch(split, x, y, indices.length);
}

/** Samples [start, start + size) without copying them first (evaluation, probes). */
export function sliceBatch(split: Split, start: number, size: number): Batch {
  const labels = split.labelsPerSample;
  const x = sliceX(split, start, size);
  const y = split.data.y.subarray(start * labels, (start + size) * labels);
  return toBatch(split, x, y, size);
}

/** Inputs only, [size, ...inputShape], for probes that need no labels. */
export function sliceInputs(split: Split, start: number, size: number): tf.Tensor {
  return tf.tensor(sliceX(split, start, size), [size, ...split.inputShape], 'float32');
}

function sliceX(split: Split, start: number, size: number): Float32Array {
  const { features } = split;
  return split.data.x.subarray(start * features, (start + size) * features);
}

function toBatch(
  split: Split,
  x: Float32Array,
  y: Int32Array | Float32Array,
  count: number,
): Batch {
  return {
    x: tf.tensor(x, [count, ...split.inputShape], 'float32'),
    y: labelTensor(split, y, count),
  };
}

/**
 * Regression targets go up as they are: [count, targets]. For class ids, one output unit → y is
 * the 0/1 label [count, 1]; otherwise one-hot over `classes`: [count, classes], or
 * [count, T, classes] when there is a label per time step.
 */
function labelTensor(split: Split, y: Int32Array | Float32Array, count: number): tf.Tensor {
  const perSample = split.labelsPerSample;
  if (y instanceof Float32Array) return tf.tensor2d(y, [count, perSample]);
  if (split.outputs === 1) return tf.tensor2d(Float32Array.from(y), [count, perSample]);
  // One-hot on the CPU: one upload per batch, no extra kernels. An id outside 0..classes-1 gives
  // an all-zero row, as tf.oneHot does.
  const { classes } = split;
  const oneHot = new Float32Array(y.length * classes); // [count * T, classes]
  y.forEach((id, row) => {
    if (id >= 0 && id < classes) oneHot[row * classes + id] = 1;
  });
  return perSample === 1
    ? tf.tensor2d(oneHot, [count, classes])
    : tf.tensor3d(oneHot, [count, perSample, classes]);
}

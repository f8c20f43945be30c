/**
 * The model spec: a typed, JSON-serialisable description of a network design.
 * The designer edits it, shape inference validates it, the worker builds a tf.LayersModel from it.
 * Pure data: no tfjs, no DOM. Every field has a meaning a student can read in the designer.
 */

export const ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const PADDINGS = ['valid', 'same'] as const;
export type Padding = (typeof PADDINGS)[number];

/** Fully connected: output = activation(input · W + b). Needs a flat input. */
export interface DenseSpec {
  id: string;
  kind: 'dense';
  units: number;
  activation: Activation;
}

/** Randomly zeroes `rate` of its inputs while training (and scales the rest by 1/(1-rate)). */
export interface DropoutSpec {
  id: string;
  kind: 'dropout';
  rate: number;
}

/** Reshapes any input to one long vector; no weights. */
export interface FlattenSpec {
  id: string;
  kind: 'flatten';
}

/** 2-D convolution over an image [height, width, channels]. */
export interface Conv2DSpec {
  id: string;
  kind: 'conv2d';
  filters: number;
  kernelSize: number;
  strides: number;
  padding: Padding;
  activation: Activation;
}

/** Keeps the largest value of each poolSize×poolSize window; no weights. */
export interface MaxPool2DSpec {
  id: string;
  kind: 'maxpool2d';
  poolSize: number;
  strides: number;
  padding: Padding;
}

export type LayerSpec = DenseSpec | DropoutSpec | FlattenSpec | Conv2DSpec | MaxPool2DSpec;
export type LayerKind = LayerSpec['kind'];

export const MODEL_SPEC_VERSION = 1;

/** A design: a stack of layers fed by the dataset's input. Input and output shapes come from the dataset. */
export interface ModelSpec {
  version: typeof MODEL_SPEC_VERSION;
  layers: LayerSpec[];
}

/** A shape without its batch dimension, e.g. [28, 28, 1] or [64]. */
export type Shape = readonly number[];

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/**
 * The model spec: a typed, JSON-serialisable description of a network design.
 * The designer edits it, shape inference validates it, the worker builds a tf.LayersModel from it.
 * Pure data: no tfjs, no DOM. Every field has a meaning a student can read in the designer.
 *
 * A design is a stack: each layer takes the previous layer's output. Merge layers (Add,
 * Concatenate) also take the output of one earlier layer (`from`), which is how a residual
 * connection is drawn. Blocks (residual, transformer) are one entry that expands into layers.
 */

export const ACTIVATIONS = [
  'linear',
  'relu',
  'leakyRelu',
  'elu',
  'gelu',
  'sigmoid',
  'tanh',
  'softmax',
] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const PADDINGS = ['valid', 'same'] as const;
export type Padding = (typeof PADDINGS)[number];

/** Kernel initialisers offered; biases always start at zero (as in Keras). */
export const INITIALIZERS = [
  'glorotUniform',
  'glorotNormal',
  'heNormal',
  'heUniform',
  'lecunNormal',
] as const;
export type Initializer = (typeof INITIALIZERS)[number];

/** Options shared by layers with a kernel: its initialiser and its L1/L2 penalties. */
export interface KernelOptions {
  /** Default glorotUniform (Keras's default; tfjs's own default is glorotNormal). */
  kernelInitializer?: Initializer | undefined;
  /** L1 penalty factor on the kernel, added to the loss (0 = none). */
  l1?: number | undefined;
  /** L2 penalty factor on the kernel, added to the loss (0 = none). */
  l2?: number | undefined;
}

/** Fully connected: output = activation(input · W + b), on the last axis. */
export interface DenseSpec extends KernelOptions {
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

/** Reshapes to `targetShape` (same number of values); no weights. */
export interface ReshapeSpec {
  id: string;
  kind: 'reshape';
  targetShape: number[];
}

/** Applies an activation function on its own. */
export interface ActivationSpec {
  id: string;
  kind: 'activation';
  activation: Activation;
}

/** 2-D convolution over an image [height, width, channels]. */
export interface Conv2DSpec extends KernelOptions {
  id: string;
  kind: 'conv2d';
  filters: number;
  kernelSize: number;
  strides: number;
  padding: Padding;
  activation: Activation;
}

/** Keeps the largest (max) or the mean (avg) value of each window; no weights. */
export interface Pool2DSpec<K extends 'maxpool2d' | 'avgpool2d' = 'maxpool2d' | 'avgpool2d'> {
  id: string;
  kind: K;
  poolSize: number;
  strides: number;
  padding: Padding;
}

/** Averages over all positions (1D: time steps; 2D: height and width); no weights. */
export interface GlobalPoolSpec<
  K extends 'globalavgpool1d' | 'globalavgpool2d' = 'globalavgpool1d' | 'globalavgpool2d',
> {
  id: string;
  kind: K;
}

/** Normalises each feature over the batch (with learned scale/shift and running statistics). */
export interface BatchNormSpec {
  id: string;
  kind: 'batchnorm';
  momentum: number;
  epsilon: number;
}

/** Normalises each sample over its last axis (with learned scale/shift). */
export interface LayerNormSpec {
  id: string;
  kind: 'layernorm';
  epsilon: number;
}

/** Turns token ids into learned vectors: [T] ids → [T, outputDim]. */
export interface EmbeddingSpec extends KernelOptions {
  id: string;
  kind: 'embedding';
  /** Vocabulary size: ids must be below it. */
  inputDim: number;
  outputDim: number;
}

/** Recurrent layers over [T, features]; the last state [units] or every state [T, units]. */
export interface RecurrentSpec<
  K extends 'simplernn' | 'lstm' | 'gru' = 'simplernn' | 'lstm' | 'gru',
> extends KernelOptions {
  id: string;
  kind: K;
  units: number;
  returnSequences: boolean;
}

/** Trainable multi-head self-attention over [T, d]: softmax(QKᵀ/√d_k)V per head. */
export interface AttentionSpec {
  id: string;
  kind: 'attention';
  numHeads: number;
  keyDim: number;
  /** Mask the future: position t attends only to positions ≤ t. */
  causal: boolean;
  /** Dropout on the attention weights while training. */
  dropout: number;
}

export const POSITION_MODES = ['learned', 'sinusoidal'] as const;
export type PositionMode = (typeof POSITION_MODES)[number];

/** Adds a position vector to each time step of [T, d]. */
export interface PositionalEmbeddingSpec {
  id: string;
  kind: 'positional';
  mode: PositionMode;
  maxLength: number;
}

/** Where a merge's second input comes from: an earlier layer's id, or 'input'. */
export const INPUT_ID = 'input';

/** Element-wise sum (Add) or joining along the last axis (Concatenate) of the previous layer's
 * output and the output of `from`. */
export interface MergeSpec<K extends 'add' | 'concatenate' = 'add' | 'concatenate'> {
  id: string;
  kind: K;
  from: string;
}

/** Expands to Dense/Conv → Dense/Conv (linear) → Add (skip) → activation. */
export interface ResidualBlockSpec {
  id: string;
  kind: 'residualblock';
  variant: 'dense' | 'conv';
  /** Units (dense) or filters (conv); must equal the input's last dimension for the skip. */
  width: number;
  activation: Activation;
}

/** Pre-norm transformer encoder block: LN → attention → Add → LN → FFN → Add. */
export interface TransformerBlockSpec {
  id: string;
  kind: 'transformerblock';
  numHeads: number;
  keyDim: number;
  ffUnits: number;
  dropout: number;
  causal: boolean;
}

export type LayerSpec =
  | DenseSpec
  | DropoutSpec
  | FlattenSpec
  | ReshapeSpec
  | ActivationSpec
  | Conv2DSpec
  | Pool2DSpec<'maxpool2d'>
  | Pool2DSpec<'avgpool2d'>
  | GlobalPoolSpec<'globalavgpool1d'>
  | GlobalPoolSpec<'globalavgpool2d'>
  | BatchNormSpec
  | LayerNormSpec
  | EmbeddingSpec
  | RecurrentSpec<'simplernn'>
  | RecurrentSpec<'lstm'>
  | RecurrentSpec<'gru'>
  | AttentionSpec
  | PositionalEmbeddingSpec
  | MergeSpec<'add'>
  | MergeSpec<'concatenate'>
  | ResidualBlockSpec
  | TransformerBlockSpec;
export type LayerKind = LayerSpec['kind'];
export type LayerOf<K extends LayerKind> = Extract<LayerSpec, { kind: K }>;

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

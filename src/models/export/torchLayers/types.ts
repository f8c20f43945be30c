/**
 * What each layer family's PyTorch writer (see ../torchLayerRegistry.ts) is given: the layer, and
 * the model writer's shared state and helpers (the code being filled, `x`'s current layout).
 */
import type { AppliedLayer, AppliedSpec } from '../../layerNames';
import type { Activation, KernelOptions, LayerOf, Shape } from '../../spec';
import type { TorchHelper } from '../pytorchLibrary';

export type Layout = 'channelsLast' | 'channelsFirst';

/** The parts of the generated model class, filled layer by layer. */
export interface TorchModelCode {
  /** `__init__` body lines. */
  modules: string[];
  /** `reset_parameters` body lines. */
  init: string[];
  /** `forward` body lines (working on `x`). */
  forward: string[];
  /** Entries of the list `tfjs_weights` returns. */
  weights: string[];
  /** Terms of `regularization_loss`. */
  penalties: string[];
  helpers: Set<TorchHelper>;
}

export type AppliedKind = AppliedSpec['kind'];

/** One applied layer with spec `S`, and the names every writer uses. */
export interface TorchLayer<S extends AppliedSpec> {
  layer: AppliedLayer;
  spec: S;
  /** The submodule's attribute, `self.dense_1`. */
  self: string;
  input: Shape;
  out: Shape;
  /** The input's last axis (features, channels). */
  last: number;
}

/** The model writer as a layer's writer sees it. */
export interface TorchModelWriter {
  readonly code: TorchModelCode;
  /** Layout of `x` while it is an image (rank 3 without the batch axis). */
  layout: Layout;
  /** A batch shape for comments, in the layout `x` has in torch. */
  shape(shape: Shape): string;
  /** Lines that permute an image `x` into `want` (none when it is already so). */
  toLayout(want: Layout, shape: Shape): string[];
  use(...helpers: TorchHelper[]): void;
  /** The submodule's `__init__` lines, under a comment naming the layer. */
  module(layer: AppliedLayer, lines: string[]): void;
  /** Where a tfjs weight goes, and how its array is converted. */
  weight(tfjsName: string, target: string, convert: string, note?: string): void;
  kernelInit(options: KernelOptions, target: string, fanIn: number, fanOut: number): void;
  /** The L1/L2 penalty terms of a kernel. */
  penalize(options: KernelOptions, target: string): void;
  /** `forward` lines applying an activation. */
  activation(activation: Activation, layer: AppliedLayer): string[];
  /** The expression for a kept output, permuted to match `x`'s layout when it is an image. */
  source(from: string, shape: Shape): string;
}

/** Writes one layer kind's module, initialisation, forward lines and weight mapping. */
export type TorchLayerWriter<K extends AppliedKind> = (
  l: TorchLayer<LayerOf<K>>,
  w: TorchModelWriter,
) => void;

/**
 * What every layer type declares: its label and summary for the designer, its editable fields, a
 * default, and its shape rule (output shape + parameter count as Keras counts it, or a problem in
 * words a student understands).
 */
import type { layersEn } from '../../shared/messages/text/layers.en';
import { message, type Message, type MessageValue } from '../../shared/messages/message';
import type { MessageKey } from '../../shared/messages/messageKeys';
import {
  formatShape,
  INITIALIZERS,
  type KernelOptions,
  type LayerKind,
  type LayerOf,
  type LayerSpec,
  type Shape,
} from '../spec';

export type FieldSpec =
  | { key: string; label: string; type: 'int'; min: number; max: number }
  | { key: string; label: string; type: 'float'; min: number; max: number; step: number }
  | { key: string; label: string; type: 'enum'; options: readonly string[] }
  | { key: string; label: string; type: 'bool' }
  /** A list of whole numbers, e.g. a Reshape target "7, 7, 64". */
  | { key: string; label: string; type: 'shape' }
  /** The id of an earlier layer (or the input), for merges. */
  | { key: string; label: string; type: 'layerRef' };

/** A one-click repair of a layer's problem: what the button says, and the settings it sets. */
export interface LayerFix {
  label: Message;
  patch: Readonly<Record<string, number | string>>;
}

/**
 * The result of one layer's shape rule: either an output shape and parameter count, or a problem
 * (with a fix where one setting obviously repairs it).
 */
export type LayerShapeResult =
  | {
      ok: true;
      outputShape: Shape;
      /** All its weights, as Keras's summary totals them. */
      params: number;
      /** Of `params`, those training does not change (BatchNormalization's moving statistics). */
      nonTrainable?: number;
      warning?: Message;
    }
  | { ok: false; problem: Message; fix?: LayerFix };

/** A layer's problem before the stack walk names the layer: its label and the problem itself. */
export interface NamedProblem {
  /** Keras's class name ("Dense"), or a block's name in the reader's language (a Message). */
  label: MessageValue;
  problem: Message;
}

export interface InferContext {
  /** True when `input` holds token ids (the dataset's input, before an Embedding). */
  inputIsTokens: boolean;
  /** How many distinct token ids the input can hold, when known. */
  tokenVocab: number | null;
  /** The output shape of an earlier layer by id ('input' = the dataset input); null when that
   * layer is invalid, undefined when no earlier layer has this id. */
  outputOf(id: string): Shape | null | undefined;
  /** 1-based positions of layers by id, to say "layer 3" in messages. */
  positionOf(id: string): number | undefined;
  /** The stack walk itself, for blocks (passed in to keep the module graph free of cycles). */
  inferStack(
    layers: readonly LayerSpec[],
    input: Shape,
    inputId: string,
  ): { output: Shape | null; totalParams: number; problems: NamedProblem[] };
}

export interface LayerType<K extends LayerKind> {
  kind: K;
  label: string;
  /** Menu group in the designer. */
  group: 'Core' | 'Convolution' | 'Normalization' | 'Sequence' | 'Merge' | 'Blocks';
  summary: string;
  fields: readonly FieldSpec[];
  /** A new layer with sensible defaults; `skipFrom` is a sensible earlier layer for a merge to take. */
  create(id: string, skipFrom: string): LayerOf<K>;
  infer(layer: LayerOf<K>, input: Shape, ctx: InferContext): LayerShapeResult;
}

/** A failed shape rule: the key of a `layers` message and its values. */
export const fail = (problem: Message, fix?: LayerFix): LayerShapeResult =>
  fix ? { ok: false, problem, fix } : { ok: false, problem };

/** A fix that sets one setting, labelled by a `layers.fix.*` message. */
export const setting = (
  key: MessageKey & `layers.fix.${string}`,
  field: string,
  value: number | string,
): LayerFix => ({ label: message(key, { value }), patch: { [field]: value } });

/** A problem of the `layers` group (the keys under src/shared/messages/text/layers.en.ts). */
export const layerProblem = (
  key: MessageKey & `layers.${string}`,
  values?: Parameters<typeof message>[1],
): Message => message(key, values);

/** The name of a checked setting, as a Message (`layers.field.*`). */
export type FieldName = keyof (typeof layersEn)['field'];

export function checkInt(value: number, field: FieldName, min: number): Message | null {
  const name = message(`layers.field.${field}`);
  if (!Number.isInteger(value)) return layerProblem('layers.notWhole', { name, value });
  if (value < min) return layerProblem('layers.tooSmall', { name, min, value });
  return null;
}

export function checkRate(value: number, field: FieldName): Message | null {
  if (!Number.isFinite(value) || value < 0 || value >= 1) {
    return layerProblem('layers.notRate', { name: message(`layers.field.${field}`), value });
  }
  return null;
}

/** Checks the optional kernel initialiser and L1/L2 factors. */
export function checkKernelOptions(layer: KernelOptions): Message | null {
  if (
    layer.kernelInitializer !== undefined &&
    !(INITIALIZERS as readonly string[]).includes(layer.kernelInitializer)
  ) {
    return layerProblem('layers.unknownInitializer', { name: layer.kernelInitializer });
  }
  for (const key of ['l1', 'l2'] as const) {
    const v = layer[key];
    if (v !== undefined && (!Number.isFinite(v) || v < 0 || v > 1)) {
      return layerProblem('layers.penaltyRange', { penalty: key.toUpperCase(), value: v });
    }
  }
  return null;
}

/** Fields every kernel layer offers (after its own). */
export const KERNEL_FIELDS: readonly FieldSpec[] = [
  { key: 'kernelInitializer', label: 'init', type: 'enum', options: INITIALIZERS },
  { key: 'l1', label: 'L1', type: 'float', min: 0, max: 1, step: 0.0001 },
  { key: 'l2', label: 'L2', type: 'float', min: 0, max: 1, step: 0.0001 },
];

/** Output length of a sliding window (conv or pool) along one axis, as Keras computes it. */
export function windowOutput(
  size: number,
  window: number,
  stride: number,
  padding: string,
): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

export function product(shape: Shape): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function needsImage(label: string, input: Shape): Message | null {
  if (input.length === 3) return null;
  const shape = formatShape(input);
  return input.length === 1
    ? layerProblem('layers.imageFromVector', { label, shape })
    : layerProblem('layers.imageFromOther', { label, shape });
}

export function needsSequence(label: string, input: Shape): Message | null {
  if (input.length === 2) return null;
  const shape = formatShape(input);
  return input.length === 3
    ? layerProblem('layers.sequenceFromImage', { label, shape })
    : layerProblem('layers.sequenceFromVector', { label, shape });
}

/**
 * One entry per layer type: its label, what it does, its editable fields, a default, and its
 * shape rule (output shape + Keras-style parameter count, or a problem in plain words).
 * Adding a layer type means adding one entry here and one case in builder.ts.
 */
import {
  ACTIVATIONS,
  PADDINGS,
  formatShape,
  type LayerKind,
  type LayerSpec,
  type Shape,
} from './spec';

export type FieldSpec =
  | { key: string; label: string; type: 'int'; min: number; max: number }
  | { key: string; label: string; type: 'float'; min: number; max: number; step: number }
  | { key: string; label: string; type: 'enum'; options: readonly string[] };

/** The result of one layer's shape rule: either an output shape and parameter count, or a problem. */
export type LayerShapeResult =
  { ok: true; outputShape: Shape; params: number } | { ok: false; problem: string };

export interface LayerType<K extends LayerKind> {
  kind: K;
  label: string;
  summary: string;
  fields: readonly FieldSpec[];
  create(id: string): Extract<LayerSpec, { kind: K }>;
  infer(layer: Extract<LayerSpec, { kind: K }>, input: Shape): LayerShapeResult;
}

const fail = (problem: string): LayerShapeResult => ({ ok: false, problem });

function checkInt(value: number, name: string, min: number): string | null {
  if (!Number.isInteger(value)) return `${name} must be a whole number, not ${value}.`;
  if (value < min) return `${name} must be at least ${min}, not ${value}.`;
  return null;
}

/** Output length of a sliding window (conv or pool) along one axis, as Keras computes it. */
export function windowOutput(
  size: number,
  window: number,
  stride: number,
  padding: string,
): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

function needsImage(label: string, input: Shape): string | null {
  if (input.length === 3) return null;
  return input.length === 1
    ? `${label} needs an image input [height, width, channels], but its input is the flat vector ${formatShape(input)}. Put it before any Flatten or Dense layer.`
    : `${label} needs an image input [height, width, channels], but its input has shape ${formatShape(input)}.`;
}

const dense: LayerType<'dense'> = {
  kind: 'dense',
  label: 'Dense',
  summary: 'Fully connected: every output is a weighted sum of all inputs plus a bias.',
  fields: [
    { key: 'units', label: 'units', type: 'int', min: 1, max: 4096 },
    { key: 'activation', label: 'activation', type: 'enum', options: ACTIVATIONS },
  ],
  create: (id) => ({ id, kind: 'dense', units: 16, activation: 'relu' }),
  infer(layer, input) {
    const bad = checkInt(layer.units, 'Units', 1);
    if (bad) return fail(bad);
    if (input.length !== 1) {
      return fail(
        `Dense needs a flat input, but its input has shape ${formatShape(input)}. Add a Flatten layer before it.`,
      );
    }
    const inputs = input[0] ?? 0;
    // Keras: kernel [inputs, units] + bias [units].
    return { ok: true, outputShape: [layer.units], params: inputs * layer.units + layer.units };
  },
};

const dropout: LayerType<'dropout'> = {
  kind: 'dropout',
  label: 'Dropout',
  summary: 'While training, zeroes a random fraction of its inputs; fights overfitting.',
  fields: [{ key: 'rate', label: 'rate', type: 'float', min: 0, max: 0.95, step: 0.05 }],
  create: (id) => ({ id, kind: 'dropout', rate: 0.2 }),
  infer(layer, input) {
    if (!Number.isFinite(layer.rate) || layer.rate < 0 || layer.rate >= 1) {
      return fail(`Dropout rate must be at least 0 and below 1, not ${layer.rate}.`);
    }
    return { ok: true, outputShape: input, params: 0 };
  },
};

const flatten: LayerType<'flatten'> = {
  kind: 'flatten',
  label: 'Flatten',
  summary: 'Unrolls an image (or any shape) into one long vector; no weights.',
  fields: [],
  create: (id) => ({ id, kind: 'flatten' }),
  infer(_layer, input) {
    // [h, w, c] -> [h * w * c]
    return { ok: true, outputShape: [input.reduce((a, b) => a * b, 1)], params: 0 };
  },
};

const conv2d: LayerType<'conv2d'> = {
  kind: 'conv2d',
  label: 'Conv2D',
  summary: 'Slides small learned filters over the image; each filter makes one feature map.',
  fields: [
    { key: 'filters', label: 'filters', type: 'int', min: 1, max: 512 },
    { key: 'kernelSize', label: 'kernel', type: 'int', min: 1, max: 11 },
    { key: 'strides', label: 'stride', type: 'int', min: 1, max: 8 },
    { key: 'padding', label: 'padding', type: 'enum', options: PADDINGS },
    { key: 'activation', label: 'activation', type: 'enum', options: ACTIVATIONS },
  ],
  create: (id) => ({
    id,
    kind: 'conv2d',
    filters: 8,
    kernelSize: 3,
    strides: 1,
    padding: 'same',
    activation: 'relu',
  }),
  infer(layer, input) {
    const bad =
      checkInt(layer.filters, 'Filters', 1) ??
      checkInt(layer.kernelSize, 'Kernel size', 1) ??
      checkInt(layer.strides, 'Stride', 1) ??
      needsImage('Conv2D', input);
    if (bad) return fail(bad);
    const [h = 0, w = 0, c = 0] = input;
    const k = layer.kernelSize;
    if (layer.padding === 'valid' && (k > h || k > w)) {
      return fail(
        `Conv2D kernel ${k}×${k} is larger than its ${h}×${w} input. Use a smaller kernel or padding "same".`,
      );
    }
    const outH = windowOutput(h, k, layer.strides, layer.padding);
    const outW = windowOutput(w, k, layer.strides, layer.padding);
    // Keras: kernel [k, k, c, filters] + bias [filters].
    return {
      ok: true,
      outputShape: [outH, outW, layer.filters],
      params: k * k * c * layer.filters + layer.filters,
    };
  },
};

const maxpool2d: LayerType<'maxpool2d'> = {
  kind: 'maxpool2d',
  label: 'MaxPool2D',
  summary: 'Shrinks each feature map by keeping the largest value in every window; no weights.',
  fields: [
    { key: 'poolSize', label: 'pool', type: 'int', min: 1, max: 8 },
    { key: 'strides', label: 'stride', type: 'int', min: 1, max: 8 },
    { key: 'padding', label: 'padding', type: 'enum', options: PADDINGS },
  ],
  create: (id) => ({ id, kind: 'maxpool2d', poolSize: 2, strides: 2, padding: 'valid' }),
  infer(layer, input) {
    const bad =
      checkInt(layer.poolSize, 'Pool size', 1) ??
      checkInt(layer.strides, 'Stride', 1) ??
      needsImage('MaxPool2D', input);
    if (bad) return fail(bad);
    const [h = 0, w = 0, c = 0] = input;
    const p = layer.poolSize;
    if (layer.padding === 'valid' && (p > h || p > w)) {
      return fail(
        `MaxPool2D window ${p}×${p} is larger than its ${h}×${w} input. Remove it or use a smaller pool.`,
      );
    }
    return {
      ok: true,
      outputShape: [
        windowOutput(h, p, layer.strides, layer.padding),
        windowOutput(w, p, layer.strides, layer.padding),
        c,
      ],
      params: 0,
    };
  },
};

export const LAYER_TYPES: { [K in LayerKind]: LayerType<K> } = {
  dense,
  dropout,
  flatten,
  conv2d,
  maxpool2d,
};

export const LAYER_KINDS = Object.keys(LAYER_TYPES) as LayerKind[];

/** Runs the shape rule of any layer (the generic helper keeps the kind and spec types paired). */
export function inferLayer(layer: LayerSpec, input: Shape): LayerShapeResult {
  const type = LAYER_TYPES[layer.kind] as LayerType<typeof layer.kind>;
  return type.infer(layer as never, input);
}

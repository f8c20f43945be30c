/** Conv2D, max and average pooling, and global average pooling. */
import { ACTIVATIONS, PADDINGS, type LayerOf, type Pool2DSpec, type Shape } from '../spec';
import {
  checkInt,
  checkKernelOptions,
  fail,
  setting,
  layerProblem,
  KERNEL_FIELDS,
  needsImage,
  needsSequence,
  windowOutput,
  type LayerShapeResult,
  type LayerType,
} from './types';

export const conv2d: LayerType<'conv2d'> = {
  kind: 'conv2d',
  label: 'Conv2D',
  group: 'Convolution',
  summary: 'Slides small learned filters over the image; each filter makes one feature map.',
  fields: [
    { key: 'filters', label: 'filters', type: 'int', min: 1, max: 512 },
    { key: 'kernelSize', label: 'kernel', type: 'int', min: 1, max: 11 },
    { key: 'strides', label: 'stride', type: 'int', min: 1, max: 8 },
    { key: 'padding', label: 'padding', type: 'enum', options: PADDINGS },
    { key: 'activation', label: 'activation', type: 'enum', options: ACTIVATIONS },
    ...KERNEL_FIELDS,
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
      checkInt(layer.filters, 'filters', 1) ??
      checkInt(layer.kernelSize, 'kernelSize', 1) ??
      checkInt(layer.strides, 'stride', 1) ??
      checkKernelOptions(layer) ??
      needsImage('Conv2D', input);
    if (bad) return fail(bad);
    const [h = 0, w = 0, c = 0] = input;
    const k = layer.kernelSize;
    if (layer.padding === 'valid' && (k > h || k > w)) {
      return fail(
        layerProblem('layers.kernelTooLarge', { kernel: k, height: h, width: w }),
        setting('layers.fix.padding', 'padding', 'same'),
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

function pool2d<K extends 'maxpool2d' | 'avgpool2d'>(
  kind: K,
  label: string,
  summary: string,
): LayerType<K> {
  return {
    kind,
    label,
    group: 'Convolution',
    summary,
    fields: [
      { key: 'poolSize', label: 'pool', type: 'int', min: 1, max: 8 },
      { key: 'strides', label: 'stride', type: 'int', min: 1, max: 8 },
      { key: 'padding', label: 'padding', type: 'enum', options: PADDINGS },
    ],
    create: (id) => ({ id, kind, poolSize: 2, strides: 2, padding: 'valid' }) as LayerOf<K>,
    infer(layer: Pool2DSpec, input: Shape): LayerShapeResult {
      const bad =
        checkInt(layer.poolSize, 'poolSize', 1) ??
        checkInt(layer.strides, 'stride', 1) ??
        needsImage(label, input);
      if (bad) return fail(bad);
      const [h = 0, w = 0, c = 0] = input;
      const p = layer.poolSize;
      if (layer.padding === 'valid' && (p > h || p > w)) {
        return fail(layerProblem('layers.poolTooLarge', { label, pool: p, height: h, width: w }));
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
}

export const maxpool2d = pool2d(
  'maxpool2d',
  'MaxPool2D',
  'Shrinks each feature map by keeping the largest value in every window; no weights.',
);
export const avgpool2d = pool2d(
  'avgpool2d',
  'AveragePooling2D',
  'Shrinks each feature map by averaging every window; no weights.',
);

export const globalavgpool1d: LayerType<'globalavgpool1d'> = {
  kind: 'globalavgpool1d',
  label: 'GlobalAveragePooling1D',
  group: 'Convolution',
  summary: 'Averages a sequence over its time steps: [T, d] → [d]; no weights.',
  fields: [],
  create: (id) => ({ id, kind: 'globalavgpool1d' }),
  infer(_layer, input) {
    const bad = needsSequence('GlobalAveragePooling1D', input);
    return bad ? fail(bad) : { ok: true, outputShape: [input[1] ?? 0], params: 0 };
  },
};

export const globalavgpool2d: LayerType<'globalavgpool2d'> = {
  kind: 'globalavgpool2d',
  label: 'GlobalAveragePooling2D',
  group: 'Convolution',
  summary: 'Averages each feature map over height and width: [h, w, c] → [c]; no weights.',
  fields: [],
  create: (id) => ({ id, kind: 'globalavgpool2d' }),
  infer(_layer, input) {
    const bad = needsImage('GlobalAveragePooling2D', input);
    return bad ? fail(bad) : { ok: true, outputShape: [input[2] ?? 0], params: 0 };
  },
};

/** Dense, Dropout, Flatten, Reshape and Activation. */
import { ACTIVATIONS, formatShape } from '../spec';
import {
  checkInt,
  checkKernelOptions,
  checkRate,
  fail,
  layerProblem,
  KERNEL_FIELDS,
  product,
  type LayerType,
} from './types';

export const dense: LayerType<'dense'> = {
  kind: 'dense',
  label: 'Dense',
  group: 'Core',
  summary: 'Fully connected: every output is a weighted sum of all inputs plus a bias.',
  fields: [
    { key: 'units', label: 'units', type: 'int', min: 1, max: 4096 },
    { key: 'activation', label: 'activation', type: 'enum', options: ACTIVATIONS },
    ...KERNEL_FIELDS,
  ],
  create: (id) => ({ id, kind: 'dense', units: 16, activation: 'relu' }),
  infer(layer, input) {
    const bad = checkInt(layer.units, 'units', 1) ?? checkKernelOptions(layer);
    if (bad) return fail(bad);
    if (input.length === 3) {
      return fail(layerProblem('layers.denseOnImage', { shape: formatShape(input) }));
    }
    // On a sequence [T, d] Dense acts on each time step (the last axis), as in Keras.
    const inputs = input.at(-1) ?? 0;
    // Keras: kernel [inputs, units] + bias [units].
    return {
      ok: true,
      outputShape: [...input.slice(0, -1), layer.units],
      params: inputs * layer.units + layer.units,
    };
  },
};

export const dropout: LayerType<'dropout'> = {
  kind: 'dropout',
  label: 'Dropout',
  group: 'Core',
  summary: 'While training, zeroes a random fraction of its inputs; fights overfitting.',
  fields: [{ key: 'rate', label: 'rate', type: 'float', min: 0, max: 0.95, step: 0.05 }],
  create: (id) => ({ id, kind: 'dropout', rate: 0.2 }),
  infer(layer, input) {
    const bad = checkRate(layer.rate, 'dropoutRate');
    return bad ? fail(bad) : { ok: true, outputShape: input, params: 0 };
  },
};

export const flatten: LayerType<'flatten'> = {
  kind: 'flatten',
  label: 'Flatten',
  group: 'Core',
  summary: 'Unrolls an image (or any shape) into one long vector; no weights.',
  fields: [],
  create: (id) => ({ id, kind: 'flatten' }),
  infer(_layer, input) {
    // [h, w, c] -> [h * w * c]
    return { ok: true, outputShape: [product(input)], params: 0 };
  },
};

export const reshape: LayerType<'reshape'> = {
  kind: 'reshape',
  label: 'Reshape',
  group: 'Core',
  summary: 'Rearranges the same values into another shape, e.g. an image into rows (a sequence).',
  fields: [{ key: 'targetShape', label: 'shape', type: 'shape' }],
  create: (id) => ({ id, kind: 'reshape', targetShape: [28, 28] }),
  infer(layer, input) {
    const target = layer.targetShape;
    if (
      !Array.isArray(target) ||
      target.length === 0 ||
      target.some((d) => !Number.isInteger(d) || d < 1)
    ) {
      return fail(layerProblem('layers.reshapeTarget', { target: String(target) }));
    }
    if (product(target) !== product(input)) {
      return fail(
        layerProblem('layers.reshapeCount', {
          from: formatShape(input),
          fromCount: product(input),
          to: formatShape(target),
          toCount: product(target),
        }),
      );
    }
    return { ok: true, outputShape: target, params: 0 };
  },
};

export const activation: LayerType<'activation'> = {
  kind: 'activation',
  label: 'Activation',
  group: 'Core',
  summary: 'Applies a non-linearity on its own (relu, sigmoid, tanh, …); no weights.',
  fields: [{ key: 'activation', label: 'function', type: 'enum', options: ACTIVATIONS }],
  create: (id) => ({ id, kind: 'activation', activation: 'relu' }),
  infer(layer, input) {
    if (!(ACTIVATIONS as readonly string[]).includes(layer.activation)) {
      return fail(layerProblem('layers.unknownActivation', { name: layer.activation }));
    }
    return { ok: true, outputShape: input, params: 0 };
  },
};

/** BatchNormalization and LayerNormalization. */
import type { Message } from '../../shared/messages/message';
import { fail, layerProblem, type LayerType } from './types';

function checkEpsilon(epsilon: number): Message | null {
  return Number.isFinite(epsilon) && epsilon > 0 && epsilon < 1
    ? null
    : layerProblem('layers.epsilonRange', { value: epsilon });
}

export const batchnorm: LayerType<'batchnorm'> = {
  kind: 'batchnorm',
  label: 'BatchNormalization',
  group: 'Normalization',
  summary:
    'Normalises each feature (last axis) over the batch, then scales and shifts it; keeps running averages for inference.',
  fields: [
    { key: 'momentum', label: 'momentum', type: 'float', min: 0, max: 0.999, step: 0.01 },
    { key: 'epsilon', label: 'epsilon', type: 'float', min: 1e-12, max: 0.1, step: 0.001 },
  ],
  // Keras defaults: momentum 0.99, epsilon 0.001.
  create: (id) => ({ id, kind: 'batchnorm', momentum: 0.99, epsilon: 0.001 }),
  infer(layer, input) {
    const bad =
      checkEpsilon(layer.epsilon) ??
      (Number.isFinite(layer.momentum) && layer.momentum >= 0 && layer.momentum < 1
        ? null
        : layerProblem('layers.momentumRange', { value: layer.momentum }));
    if (bad) return fail(bad);
    const features = input.at(-1) ?? 0;
    // Keras counts gamma, beta (trainable) and moving mean, moving variance (not trainable): 4 per feature.
    return { ok: true, outputShape: input, params: 4 * features, nonTrainable: 2 * features };
  },
};

export const layernorm: LayerType<'layernorm'> = {
  kind: 'layernorm',
  label: 'LayerNormalization',
  group: 'Normalization',
  summary: 'Normalises each sample over its features (last axis), then scales and shifts it.',
  fields: [{ key: 'epsilon', label: 'epsilon', type: 'float', min: 1e-12, max: 0.1, step: 0.001 }],
  // Keras default epsilon 0.001.
  create: (id) => ({ id, kind: 'layernorm', epsilon: 0.001 }),
  infer(layer, input) {
    const bad = checkEpsilon(layer.epsilon);
    if (bad) return fail(bad);
    // gamma and beta, one per feature.
    return { ok: true, outputShape: input, params: 2 * (input.at(-1) ?? 0) };
  },
};

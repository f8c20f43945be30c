/** BatchNormalization and LayerNormalization as tfjs layers. */
import * as tf from '@tensorflow/tfjs';
import type { LayerBuilder } from './types';

export const batchnorm: LayerBuilder<'batchnorm'> = ({ spec, name, run }) =>
  run(tf.layers.batchNormalization({ name, momentum: spec.momentum, epsilon: spec.epsilon }));

export const layernorm: LayerBuilder<'layernorm'> = ({ spec, name, run }) =>
  run(tf.layers.layerNormalization({ name, epsilon: spec.epsilon }));

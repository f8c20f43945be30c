/** Conv2D, pooling and global average pooling as tfjs layers. */
import * as tf from '@tensorflow/tfjs';
import { kernelLayerOptions } from './options';
import type { LayerBuilder } from './types';

export const conv2d: LayerBuilder<'conv2d'> = ({ spec, name, seed, withActivation }) =>
  withActivation(spec.activation, (activation) =>
    tf.layers.conv2d({
      name,
      filters: spec.filters,
      kernelSize: spec.kernelSize,
      strides: spec.strides,
      padding: spec.padding,
      activation,
      ...kernelLayerOptions(spec, seed),
    }),
  );

export const maxpool2d: LayerBuilder<'maxpool2d'> = ({ spec, name, run }) =>
  run(
    tf.layers.maxPooling2d({
      name,
      poolSize: spec.poolSize,
      strides: spec.strides,
      padding: spec.padding,
    }),
  );

export const avgpool2d: LayerBuilder<'avgpool2d'> = ({ spec, name, run }) =>
  run(
    tf.layers.averagePooling2d({
      name,
      poolSize: spec.poolSize,
      strides: spec.strides,
      padding: spec.padding,
    }),
  );

export const globalavgpool1d: LayerBuilder<'globalavgpool1d'> = ({ name, run }) =>
  run(tf.layers.globalAveragePooling1d({ name }));

export const globalavgpool2d: LayerBuilder<'globalavgpool2d'> = ({ name, run }) =>
  run(tf.layers.globalAveragePooling2d({ name }));

/** Dense, Dropout, Flatten, Reshape and Activation as tfjs layers. */
import * as tf from '@tensorflow/tfjs';
import { SeededDropout } from '../layers/seededDropout';
import { kernelLayerOptions } from './options';
import type { LayerBuilder } from './types';

export const dense: LayerBuilder<'dense'> = ({ spec, name, seed, withActivation }) =>
  withActivation(spec.activation, (activation) =>
    tf.layers.dense({
      name,
      units: spec.units,
      activation,
      ...kernelLayerOptions(spec, seed),
    }),
  );

// LayerLab's own dropout: its masks follow from the layer's seed and the step (seededDropout.ts).
export const dropout: LayerBuilder<'dropout'> = ({ spec, name, seed, run }) =>
  run(new SeededDropout({ name, rate: spec.rate, seed }));

export const flatten: LayerBuilder<'flatten'> = ({ name, run }) => run(tf.layers.flatten({ name }));

export const reshape: LayerBuilder<'reshape'> = ({ spec, name, run }) =>
  run(tf.layers.reshape({ name, targetShape: spec.targetShape }));

export const activation: LayerBuilder<'activation'> = ({ spec, name, withActivation }) =>
  withActivation(spec.activation, (builtIn) => tf.layers.activation({ name, activation: builtIn }));

/**
 * Turns a validated ModelSpec into a tf.LayersModel (functional API, so graphs can follow).
 * Initialisers are explicit and seeded: the same seed gives the same starting weights on every
 * backend (tfjs draws initial values on the CPU). Keras defaults: glorot_uniform kernels, zero biases.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerSpec, ModelSpec, Shape } from './spec';

function seededGlorot(seed: number) {
  return tf.initializers.glorotUniform({ seed });
}

function buildLayer(layer: LayerSpec, index: number, seed: number): tf.layers.Layer {
  const name = `${layer.kind}_${index + 1}`;
  // One seed per layer, derived from the run seed, so layers do not share initial values.
  const layerSeed = seed * 1000 + index + 1;
  switch (layer.kind) {
    case 'dense':
      return tf.layers.dense({
        name,
        units: layer.units,
        activation: layer.activation,
        kernelInitializer: seededGlorot(layerSeed),
        biasInitializer: 'zeros',
      });
    case 'dropout':
      // No seed: tfjs reuses a fixed seed on every call, which would drop the same units every step.
      return tf.layers.dropout({ name, rate: layer.rate });
    case 'flatten':
      return tf.layers.flatten({ name });
    case 'conv2d':
      return tf.layers.conv2d({
        name,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
        kernelInitializer: seededGlorot(layerSeed),
        biasInitializer: 'zeros',
      });
    case 'maxpool2d':
      return tf.layers.maxPooling2d({
        name,
        poolSize: layer.poolSize,
        strides: layer.strides,
        padding: layer.padding,
      });
    default: {
      const unknown: never = layer;
      throw new Error(`Unknown layer kind: ${JSON.stringify(unknown)}`);
    }
  }
}

/** Builds the model. The caller must have validated the spec (analyzeModel) first. */
export function buildModel(spec: ModelSpec, inputShape: Shape, seed: number): tf.LayersModel {
  const input = tf.input({ shape: [...inputShape], name: 'input' });
  let output: tf.SymbolicTensor = input;
  spec.layers.forEach((layer, index) => {
    output = buildLayer(layer, index, seed).apply(output) as tf.SymbolicTensor;
  });
  return tf.model({ inputs: input, outputs: output, name: 'layerlab_model' });
}

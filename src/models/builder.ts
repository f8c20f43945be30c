/**
 * Turns a validated ModelSpec into a tf.LayersModel with the functional API (merges take an
 * earlier layer's output; blocks are built from their expansion). Initialisers are explicit and
 * seeded: the same seed gives the same starting weights on every backend (tfjs draws initial
 * values on the CPU). Keras defaults: glorot_uniform kernels, zero biases.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadSelfAttention, PositionalEmbedding } from './layers';
import { leakyReluLayerName, tfjsLayerName } from './layerNames';
import { expandBlock, isBlock } from './layerTypes/blocks';
import {
  INPUT_ID,
  type Activation,
  type Initializer,
  type KernelOptions,
  type LayerSpec,
  type ModelSpec,
  type Shape,
} from './spec';

type Sym = tf.SymbolicTensor;

/** Keras's LeakyReLU slope (tfjs has no 'leakyRelu' activation string, only a layer). */
const LEAKY_RELU_ALPHA = 0.3;

function initializer(name: Initializer | undefined, seed: number) {
  switch (name ?? 'glorotUniform') {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'glorotNormal':
      return tf.initializers.glorotNormal({ seed });
    case 'heNormal':
      return tf.initializers.heNormal({ seed });
    case 'heUniform':
      return tf.initializers.heUniform({ seed });
    case 'lecunNormal':
      return tf.initializers.leCunNormal({ seed });
  }
}

function regularizer(options: KernelOptions) {
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  return l1 > 0 || l2 > 0 ? { kernelRegularizer: tf.regularizers.l1l2({ l1, l2 }) } : {};
}

/** Splits our activation into what a tfjs layer accepts plus an optional LeakyReLU layer after it. */
function splitActivation(activation: Activation) {
  return activation === 'leakyRelu'
    ? { builtIn: 'linear' as const, leaky: true }
    : { builtIn: activation, leaky: false };
}

/** A tfjs initialiser (tfjs exports the class's type only through its factories). */
export type TfInitializer = ReturnType<typeof tf.initializers.orthogonal>;

/** Keras's recurrent kernel initialiser, which the app always uses. */
const orthogonal = (seed: number): TfInitializer => tf.initializers.orthogonal({ seed });

export interface BuildOptions {
  /**
   * Tests only: makes the recurrent kernels' initialiser from the layer's seed instead of tfjs's
   * orthogonal one, which computes a QR decomposition with tensor ops (about 30 s for char-lstm's
   * 128 × 512 kernel on the CPU backend). Tests that check shapes, names, parameter counts or
   * save/load round trips pass src/models/testing/quickBuild.ts's; the app never sets it.
   */
  recurrentInitializer?: (seed: number) => TfInitializer;
}

class Builder {
  private readonly outputs = new Map<string, Sym>();
  private index = 0;
  private readonly recurrentInitializer: (seed: number) => TfInitializer;

  constructor(
    private readonly seed: number,
    input: Sym,
    options: BuildOptions,
  ) {
    this.recurrentInitializer = options.recurrentInitializer ?? orthogonal;
    this.outputs.set(INPUT_ID, input);
  }

  /** Adds one top-level spec entry (a block becomes its layers). */
  add(layer: LayerSpec, previousId: string, current: Sym): Sym {
    const parts = isBlock(layer)
      ? expandBlock(layer, previousId, current.shape.slice(1) as number[])
      : [layer];
    let out = current;
    for (const part of parts) {
      out = this.apply(part, out);
      this.outputs.set(part.id, out);
    }
    this.outputs.set(layer.id, out);
    return out;
  }

  private apply(layer: LayerSpec, x: Sym): Sym {
    this.index += 1;
    // Shared with the code exporters, which must name weights as a saved model does.
    const name = tfjsLayerName(layer.kind, this.index);
    // One seed per layer, derived from the run seed, so layers do not share initial values.
    const seed = this.seed * 1000 + this.index;
    const run = (l: tf.layers.Layer, input: Sym | Sym[] = x) => l.apply(input) as Sym;
    const withActivation = (
      activation: Activation,
      make: (a: ReturnType<typeof splitActivation>['builtIn']) => tf.layers.Layer,
    ) => {
      const { builtIn, leaky } = splitActivation(activation);
      const y = run(make(builtIn));
      return leaky
        ? run(tf.layers.leakyReLU({ name: leakyReluLayerName(name), alpha: LEAKY_RELU_ALPHA }), y)
        : y;
    };
    switch (layer.kind) {
      case 'dense':
        return withActivation(layer.activation, (activation) =>
          tf.layers.dense({
            name,
            units: layer.units,
            activation,
            kernelInitializer: initializer(layer.kernelInitializer, seed),
            biasInitializer: 'zeros',
            ...regularizer(layer),
          }),
        );
      case 'dropout':
        // No seed: tfjs reuses a fixed seed on every call, which would drop the same units every step.
        return run(tf.layers.dropout({ name, rate: layer.rate }));
      case 'flatten':
        return run(tf.layers.flatten({ name }));
      case 'reshape':
        return run(tf.layers.reshape({ name, targetShape: layer.targetShape }));
      case 'activation':
        return withActivation(layer.activation, (activation) =>
          tf.layers.activation({ name, activation }),
        );
      case 'conv2d':
        return withActivation(layer.activation, (activation) =>
          tf.layers.conv2d({
            name,
            filters: layer.filters,
            kernelSize: layer.kernelSize,
            strides: layer.strides,
            padding: layer.padding,
            activation,
            kernelInitializer: initializer(layer.kernelInitializer, seed),
            biasInitializer: 'zeros',
            ...regularizer(layer),
          }),
        );
      case 'maxpool2d':
        return run(
          tf.layers.maxPooling2d({
            name,
            poolSize: layer.poolSize,
            strides: layer.strides,
            padding: layer.padding,
          }),
        );
      case 'avgpool2d':
        return run(
          tf.layers.averagePooling2d({
            name,
            poolSize: layer.poolSize,
            strides: layer.strides,
            padding: layer.padding,
          }),
        );
      case 'globalavgpool1d':
        return run(tf.layers.globalAveragePooling1d({ name }));
      case 'globalavgpool2d':
        return run(tf.layers.globalAveragePooling2d({ name }));
      case 'batchnorm':
        return run(
          tf.layers.batchNormalization({ name, momentum: layer.momentum, epsilon: layer.epsilon }),
        );
      case 'layernorm':
        return run(tf.layers.layerNormalization({ name, epsilon: layer.epsilon }));
      case 'embedding':
        return run(
          tf.layers.embedding({
            name,
            inputDim: layer.inputDim,
            outputDim: layer.outputDim,
            // Keras's default for embeddings: uniform in [-0.05, 0.05].
            embeddingsInitializer: tf.initializers.randomUniform({
              minval: -0.05,
              maxval: 0.05,
              seed,
            }),
            ...(layer.l1 || layer.l2
              ? {
                  embeddingsRegularizer: tf.regularizers.l1l2({
                    l1: layer.l1 ?? 0,
                    l2: layer.l2 ?? 0,
                  }),
                }
              : {}),
          }),
        );
      case 'simplernn':
      case 'lstm':
      case 'gru': {
        const options = {
          name,
          units: layer.units,
          returnSequences: layer.returnSequences,
          kernelInitializer: initializer(layer.kernelInitializer, seed),
          // Keras's defaults, spelled out because tfjs's differ (orthogonal; sigmoid, not hardSigmoid).
          recurrentInitializer: this.recurrentInitializer(seed + 500),
          biasInitializer: 'zeros' as const,
          recurrentActivation: 'sigmoid' as const,
          ...regularizer(layer),
        };
        if (layer.kind === 'simplernn') return run(tf.layers.simpleRNN(options));
        if (layer.kind === 'gru') return run(tf.layers.gru(options));
        // tfjs's unitForgetBias initialiser leaks its 4 intermediate tensors on every build; a
        // scope frees them (the weights are Variables, which a scope never disposes).
        const engine = tf.engine();
        engine.startScope();
        try {
          return run(tf.layers.lstm({ ...options, unitForgetBias: true }));
        } finally {
          engine.endScope();
        }
      }
      case 'attention': {
        const attention = new MultiHeadSelfAttention({
          name,
          numHeads: layer.numHeads,
          keyDim: layer.keyDim,
          causal: layer.causal,
          dropout: layer.dropout,
          seed,
        });
        // Two outputs: the attended sequence (used here) and the attention maps (read by probes).
        const [out] = attention.apply(x) as Sym[];
        return out as Sym;
      }
      case 'positional':
        return run(
          new PositionalEmbedding({ name, mode: layer.mode, maxLength: layer.maxLength, seed }),
        );
      case 'add':
      case 'concatenate': {
        const other = this.outputs.get(layer.from);
        if (!other)
          throw new Error(`Layer "${layer.id}" takes input from unknown layer "${layer.from}".`);
        return run(
          layer.kind === 'add' ? tf.layers.add({ name }) : tf.layers.concatenate({ name }),
          [x, other],
        );
      }
      case 'residualblock':
      case 'transformerblock':
        throw new Error('Blocks are expanded before they are applied.');
      default: {
        const unknown: never = layer;
        throw new Error(`Unknown layer kind: ${JSON.stringify(unknown)}`);
      }
    }
  }
}

/** Builds the model. The caller must have validated the spec (analyzeModel) first. */
export function buildModel(
  spec: ModelSpec,
  inputShape: Shape,
  seed: number,
  options: BuildOptions = {},
): tf.LayersModel {
  return buildModelWithOutputs(spec, inputShape, seed, options).model;
}

export interface BuiltModel {
  model: tf.LayersModel;
  /** Each top-level spec layer's output (a block's: its last part's), by spec id, for probes. */
  layerOutputs: Map<string, tf.SymbolicTensor>;
}

export function buildModelWithOutputs(
  spec: ModelSpec,
  inputShape: Shape,
  seed: number,
  options: BuildOptions = {},
): BuiltModel {
  const input = tf.input({ shape: [...inputShape], name: 'input' });
  const builder = new Builder(seed, input, options);
  const layerOutputs = new Map<string, tf.SymbolicTensor>();
  let current: Sym = input;
  let previousId = INPUT_ID;
  for (const layer of spec.layers) {
    current = builder.add(layer, previousId, current);
    layerOutputs.set(layer.id, current);
    previousId = layer.id;
  }
  return {
    model: tf.model({ inputs: input, outputs: current, name: 'layerlab_model' }),
    layerOutputs,
  };
}

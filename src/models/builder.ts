/**
 * Turns a validated ModelSpec into a tf.LayersModel with the functional API (merges take an
 * earlier layer's output; blocks are built from their expansion). Initialisers are explicit and
 * seeded: the same seed gives the same starting weights on every backend (tfjs draws initial
 * values on the CPU). Keras defaults: glorot_uniform kernels, zero biases.
 */
import * as tf from '@tensorflow/tfjs';
import { leakyReluLayerName, tfjsLayerName } from './layerNames';
import { LAYER_BUILDERS } from './layerBuilderRegistry';
import type { BuiltInActivation, LayerBuilder, Sym } from './layerBuilders/types';
import { expandBlock, isBlock } from './layerTypes/blocks';
import { INPUT_ID, type Activation, type LayerSpec, type ModelSpec, type Shape } from './spec';

/** Keras's LeakyReLU slope (tfjs has no 'leakyRelu' activation string, only a layer). */
const LEAKY_RELU_ALPHA = 0.3;

/** Splits our activation into what a tfjs layer accepts plus an optional LeakyReLU layer after it. */
function splitActivation(activation: Activation): { builtIn: BuiltInActivation; leaky: boolean } {
  return activation === 'leakyRelu'
    ? { builtIn: 'linear', leaky: true }
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

  /** Builds one applied layer with its kind's builder (layerBuilderRegistry.ts). */
  private apply(layer: LayerSpec, x: Sym): Sym {
    if (isBlock(layer)) throw new Error('Blocks are expanded before they are applied.');
    const build = LAYER_BUILDERS[layer.kind] as LayerBuilder<typeof layer.kind> | undefined;
    if (!build) throw new Error(`Unknown layer kind: ${JSON.stringify(layer)}`);
    this.index += 1;
    // Shared with the code exporters, which must name weights as a saved model does.
    const name = tfjsLayerName(layer.kind, this.index);
    // One seed per layer, derived from the run seed, so layers do not share initial values.
    const seed = this.seed * 1000 + this.index;
    const run = (l: tf.layers.Layer, input: Sym | Sym[] = x) => l.apply(input) as Sym;
    return build({
      spec: layer as never,
      name,
      seed,
      x,
      run,
      withActivation: (activation, make) => {
        const { builtIn, leaky } = splitActivation(activation);
        const y = run(make(builtIn));
        return leaky
          ? run(tf.layers.leakyReLU({ name: leakyReluLayerName(name), alpha: LEAKY_RELU_ALPHA }), y)
          : y;
      },
      outputOf: (id) => this.outputs.get(id),
      recurrentInitializer: this.recurrentInitializer,
    });
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

/**
 * What each layer family's builder (see ../layerBuilderRegistry.ts) is given to turn one applied
 * spec entry into tfjs layers: its name and seed, its input, and the builder's wiring helpers.
 */
import type * as tf from '@tensorflow/tfjs';
import type { AppliedSpec } from '../layerNames';
import type { Activation, LayerOf } from '../spec';

export type Sym = tf.SymbolicTensor;

export type AppliedKind = AppliedSpec['kind'];

/** Our activations tfjs layers accept themselves (leakyRelu becomes a layer after them). */
export type BuiltInActivation = Exclude<Activation, 'leakyRelu'>;

export interface LayerBuild<S extends AppliedSpec> {
  spec: S;
  /** The tfjs layer name, shared with the code exporters (layerNames.ts). */
  name: string;
  /** This layer's own seed, derived from the run seed. */
  seed: number;
  /** The previous layer's output. */
  x: Sym;
  /** Applies a layer to `input` (default: `x`). */
  run(layer: tf.layers.Layer, input?: Sym | Sym[]): Sym;
  /** Applies the layer `make` builds, then a LeakyReLU layer when `activation` is leakyRelu. */
  withActivation(
    activation: Activation,
    make: (builtIn: BuiltInActivation) => tf.layers.Layer,
  ): Sym;
  /** An earlier layer's output by spec id (or the input's), for merges. */
  outputOf(id: string): Sym | undefined;
  /** The recurrent kernels' initialiser: orthogonal, as Keras (tests may pass a cheaper one). */
  recurrentInitializer(seed: number): ReturnType<typeof tf.initializers.orthogonal>;
}

/** Builds one applied layer kind; returns its output. */
export type LayerBuilder<K extends AppliedKind> = (b: LayerBuild<LayerOf<K>>) => Sym;

/**
 * What the importer needs to know about shapes while it converts: the rank of each layer's input
 * (to tell whether a Keras axis is the last one), and, only when a Reshape asks, the exact shape.
 * Ranks are tracked on their own because sizes may be open (a text's length is often None in
 * Keras) while ranks never are.
 */
import { inferStack } from '../inferStack';
import type { LayerSpec, Shape } from '../spec';

/** The rank of a layer's output given its input's (both without the batch dimension). */
export function rankAfter(layer: LayerSpec, rank: number): number {
  switch (layer.kind) {
    case 'flatten':
      return 1;
    case 'reshape':
      return layer.targetShape.length;
    case 'globalavgpool1d':
    case 'globalavgpool2d':
      return rank - 1;
    case 'embedding':
      return rank + 1;
    case 'simplernn':
    case 'lstm':
    case 'gru':
      return layer.returnSequences ? rank : 1;
    default:
      return rank;
  }
}

/** Stand-in for open sizes when only the last axis matters (weights depend on nothing else). */
const OPEN_SIZE = 1;

export function withOpenSizes(shape: readonly (number | null)[]): Shape {
  return shape.map((d) => d ?? OPEN_SIZE);
}

/**
 * The output shape of `layers` on `input`, or null when a size is open or a layer is invalid.
 * `inputIsTokens` follows LayerLab's rule: token ids feed an Embedding first.
 */
export function exactOutput(
  layers: readonly LayerSpec[],
  input: readonly (number | null)[],
  inputIsTokens: boolean,
): Shape | null {
  if (input.some((d) => d === null)) return null;
  return inferStack(layers, input as Shape, { inputIsTokens }).output;
}

/** Each layer's input shape (null where unknown), with open sizes stood in for. */
export function layerInputs(
  layers: readonly LayerSpec[],
  input: readonly (number | null)[],
  inputIsTokens: boolean,
): (Shape | null)[] {
  const first = withOpenSizes(input);
  const stack = inferStack(layers, first, { inputIsTokens });
  return layers.map((_, i) => (i === 0 ? first : (stack.layers[i - 1]?.outputShape ?? null)));
}

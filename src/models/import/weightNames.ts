/**
 * Matches the saved weights (by their manifest names) to the weights LayerLab's builder creates
 * for the imported spec, so a caller can load the bytes into the built model. The builder names
 * layer n of the spec `${kind}_${n}` (builder.ts), and tfjs names each weight
 * `${layerName}/${weightName}`; LayersModel.loadWeights matches on that name.
 *
 * A saved weight belongs to the Keras layer named by one of its path segments: "dense/kernel"
 * (Keras 2 and tfjs), "lstm/lstm_cell/kernel" (Keras 2 recurrent cells), "sequential/dense/kernel"
 * (some Keras 3 exports). Within a layer, weights pair up by their own name (kernel, bias,
 * gamma…); names LayerLab does not use pair up in order.
 */
import { message, type Message } from '../../shared/messages/message';
import { tfjsWeights } from '../layerNames';
import { isBlock } from '../layerTypes/blocks';
import type { LayerSpec, Shape } from '../spec';
import type { ManifestWeight } from './modelFile';
import type { WeightMapping } from './types';

export interface PlacedLayer {
  layer: LayerSpec;
  /** The Keras layer whose weights this LayerLab layer takes over; null when it has none. */
  kerasName: string | null;
  /** The layer's input shape; null when unknown. */
  input: Shape | null;
}

interface Expected {
  name: string;
  shape: number[] | null;
}

/**
 * The weights the builder creates for one layer, in its order, with their shapes (layerNames.ts
 * is the one place that knows them). A dimension that depends on an unknown input is null:
 * found by asking for two different input widths and keeping only what does not change.
 */
export function expectedWeights(layer: LayerSpec, input: Shape | null): Expected[] {
  if (isBlock(layer)) return [];
  const last = input?.at(-1) ?? null;
  const withWidth = (width: number) =>
    tfjsWeights(layer, '', input && last !== null ? input : [width]);
  const one = withWidth(1);
  const two = withWidth(2);
  return one.map((weight, i) => {
    const dependsOnInput = two[i]?.shape.some((d, k) => d !== weight.shape[k]) ?? true;
    return {
      name: weight.name.slice(1), // "/kernel" → "kernel"
      shape: last === null && dependsOnInput ? null : weight.shape,
    };
  });
}

/** "dense/kernel:0" → ["dense", "kernel"]: Keras 2 files sometimes keep TensorFlow's ":0". */
function segments(name: string): string[] {
  return name.replace(/:\d+$/, '').split('/');
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export interface WeightMatch {
  weights: WeightMapping[];
  /** LayerLab weights no saved weight fills (they keep their starting values). */
  missing: string[];
}

export function matchWeights(
  manifest: readonly ManifestWeight[],
  placed: readonly PlacedLayer[],
): WeightMatch {
  // The LayerLab weights each Keras layer's saved weights go to.
  const slots = new Map<string, { target: string; expected: Expected; taken: boolean }[]>();
  placed.forEach(({ layer, kerasName, input }, i) => {
    if (kerasName === null) return;
    const layerName = `${layer.kind}_${i + 1}`;
    const expected = expectedWeights(layer, input).map((e) => ({
      target: `${layerName}/${e.name}`,
      expected: e,
      taken: false,
    }));
    if (expected.length > 0) slots.set(kerasName, expected);
  });

  const ownerOf = (weight: ManifestWeight) =>
    segments(weight.name)
      .slice(0, -1)
      .find((s) => slots.has(s)) ?? null;
  const results: (WeightMapping | null)[] = manifest.map(() => null);
  const pending: { index: number; owner: string }[] = [];

  // First by name, then in order for what is left in the same layer.
  manifest.forEach((weight, index) => {
    const owner = ownerOf(weight);
    if (owner === null) {
      results[index] = unmatched(weight, message('modelImport.weight.noLayer'));
      return;
    }
    const own = segments(weight.name).at(-1);
    const slot = slots.get(owner)?.find((s) => !s.taken && s.expected.name === own);
    if (slot) {
      slot.taken = true;
      results[index] = mapped(weight, slot.target, slot.expected.shape);
    } else {
      pending.push({ index, owner });
    }
  });
  for (const { index, owner } of pending) {
    const weight = manifest[index] as ManifestWeight;
    const slot = slots.get(owner)?.find((s) => !s.taken);
    if (slot) {
      slot.taken = true;
      results[index] = mapped(weight, slot.target, slot.expected.shape);
    } else {
      results[index] = unmatched(weight, message('modelImport.weight.tooMany', { layer: owner }));
    }
  }
  const missing = [...slots.values()]
    .flat()
    .filter((s) => !s.taken)
    .map((s) => s.target);
  return { weights: results as WeightMapping[], missing };
}

function unmatched(weight: ManifestWeight, problem: Message): WeightMapping {
  return { source: weight.name, shape: weight.shape, target: null, expectedShape: null, problem };
}

function mapped(weight: ManifestWeight, target: string, expected: number[] | null): WeightMapping {
  const problem =
    expected === null
      ? message('modelImport.weight.shapeUnknown')
      : sameShape(expected, weight.shape)
        ? null
        : message('modelImport.weight.shapeMismatch', {
            saved: `[${weight.shape.join(', ')}]`,
            built: `[${expected.join(', ')}]`,
          });
  return { source: weight.name, shape: weight.shape, target, expectedShape: expected, problem };
}

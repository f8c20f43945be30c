/**
 * Converts a chain of Keras layers into LayerLab layers, in order: gives each an id (l1, l2, … as
 * in the presets), resolves merge sources to those ids, tracks the input rank for axis checks,
 * and folds a LeakyReLU into the linear layer just above it — which is how LayerLab itself
 * exports a layer with the leakyRelu activation, so its own files come back unchanged.
 * Every layer is tried, so one error can name all the layers that cannot be imported.
 */
import { message, type Message } from '../../shared/messages/message';
import { outOfRange } from '../fieldRanges';
import { LAYER_TYPES } from '../layerRegistry';
import { INPUT_ID, type LayerSpec } from '../spec';
import { converterFor, refusalFor, type Converted } from './convert';
import type { KerasChain } from './graph';
import { exactOutput, rankAfter } from './shapes';
import { listOf } from './types';

export interface ConvertedChain {
  layers: LayerSpec[];
  /** For each of `layers`: the Keras layer whose weights it takes over. */
  kerasNames: (string | null)[];
  /** One per layer with something approximated: `Class "name": note; note.` */
  notes: Message[];
  /** One entry per layer that cannot be imported: `"name" (Class: reason)`. */
  refusals: Message[];
}

/** Keras classes that are the separate LeakyReLU LayerLab writes after a linear layer. */
const LEAKY_CLASSES = new Set(['LeakyReLU', 'ReLU']);

/** The LayerLab kinds whose activation can take in a following LeakyReLU. */
function canFoldInto(layer: LayerSpec | undefined): boolean {
  return (
    (layer?.kind === 'dense' || layer?.kind === 'conv2d' || layer?.kind === 'activation') &&
    layer.activation === 'linear'
  );
}

export function convertChain(
  chain: KerasChain,
  inputShape: readonly (number | null)[],
): ConvertedChain {
  const out: ConvertedChain = { layers: [], kerasNames: [], notes: [], refusals: [] };
  const idOf = new Map<string, string>();
  if (chain.input) idOf.set(chain.input.name, INPUT_ID);
  // A layer whose own output a merge reads must keep it: a LeakyReLU cannot fold into it.
  const readByMerges = new Set(chain.links.map((l) => l.mergeFrom));
  let rank: number | null = inputShape.length;
  let failed = false;
  let previous: { name: string; layer: LayerSpec } | null = null;
  let nextId = 1;

  for (const link of chain.links) {
    const { layer: keras } = link;
    const id = `l${nextId}`;
    const from = link.mergeFrom === null ? null : (idOf.get(link.mergeFrom) ?? null);
    const convert = converterFor(keras.className);
    const converted: Converted = convert
      ? convert(keras, {
          id,
          from,
          earlierFirst: link.earlierFirst,
          rank,
          shape: () =>
            failed
              ? null
              : exactOutput(out.layers, inputShape, out.layers[0]?.kind === 'embedding'),
        })
      : { ok: false, reason: refusalFor(keras.className) };
    // A layer LayerLab can build, but larger (or smaller) than its designer allows, is refused
    // with the setting named, before it can become a design that Train cannot prepare.
    const beyond: Message | null = converted.ok
      ? outOfRange(LAYER_TYPES[converted.layer.kind].fields, converted.layer)
      : null;
    const result: Converted = beyond ? { ok: false, reason: beyond } : converted;

    if (!result.ok) {
      const { name, className } = keras;
      out.refusals.push(
        result.reason
          ? message('modelImport.refusal', { name, className, reason: result.reason })
          : message('modelImport.refusalNoReason', { name, className }),
      );
      // Later merges may still name this layer; it keeps an id so they read as they would.
      idOf.set(keras.name, id);
      nextId += 1;
      failed = true;
      rank = null;
      previous = null;
      continue;
    }
    const spec: LayerSpec = result.layer;
    const fold =
      LEAKY_CLASSES.has(keras.className) &&
      spec.kind === 'activation' &&
      spec.activation === 'leakyRelu' &&
      previous !== null &&
      canFoldInto(previous.layer) &&
      !readByMerges.has(previous.name);
    if (fold && previous && 'activation' in previous.layer) {
      previous.layer.activation = 'leakyRelu';
      idOf.set(keras.name, previous.layer.id);
    } else {
      out.layers.push(spec);
      out.kerasNames.push(keras.name);
      idOf.set(keras.name, id);
      nextId += 1;
      rank = rank === null ? null : rankAfter(spec, rank);
      previous = { name: keras.name, layer: spec };
    }
    const notes = listOf(result.notes, 'modelImport.noteList');
    if (notes) {
      out.notes.push(
        message('modelImport.layerNotes', { className: keras.className, name: keras.name, notes }),
      );
    }
  }
  return out;
}

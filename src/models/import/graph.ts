/**
 * Turns a Keras model's layer list into LayerLab's shape of design: one chain from the input to
 * the output, where each layer takes the layer before it, and a merge (Add, Concatenate) also
 * takes one earlier layer of the chain (or the input). Sequential models are a chain by
 * construction; functional graphs are checked, and anything else (several inputs or outputs,
 * parallel branches, shared layers, cycles) is explained.
 */
import { isMessage, message, type Message } from '../../shared/messages/message';
import { isObject, type JsonObject } from './json';
import { readLayerEntry, type KerasLayer, type TensorRef } from './kerasLayer';

/** A merge's inputs in LayerLab: the previous layer, plus one more named by `from`. */
export const MERGE_CLASSES: ReadonlySet<string> = new Set(['Add', 'Concatenate']);

export interface ChainLink {
  layer: KerasLayer;
  /** Merges only: the Keras name of the earlier layer (or input) whose output is the 2nd input. */
  mergeFrom: string | null;
  /** Merges only: Keras lists the earlier layer first (it matters for Concatenate's order). */
  earlierFirst: boolean;
}

export interface KerasChain {
  /** The InputLayer, when the model has one (a Sequential model may not). */
  input: KerasLayer | null;
  links: ChainLink[];
}

export type ChainResult = { ok: true; chain: KerasChain } | { ok: false; problems: Message[] };

const INPUT_CLASS = 'InputLayer';

/** Far above any design LayerLab can hold (200 layers); it also bounds the recursive walk. */
const MAX_ENTRIES = 1000;

function layerList(config: JsonObject | unknown[]): unknown[] | Message {
  // Keras ≤ 2.1 wrote a Sequential model's config as the layer list itself.
  const layers = Array.isArray(config) ? config : config['layers'];
  if (!Array.isArray(layers)) return message('modelImport.noLayersList');
  if (layers.length > MAX_ENTRIES) {
    return message('modelImport.tooManyEntries', { layers: layers.length, max: MAX_ENTRIES });
  }
  return layers;
}

/** Names for a message: "a", "b". */
function quoted(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

export function readSequential(config: JsonObject | unknown[]): ChainResult {
  const entries = layerList(config);
  if (isMessage(entries)) return { ok: false, problems: [entries] };
  const layers: KerasLayer[] = [];
  const problems: Message[] = [];
  entries.forEach((entry, i) => {
    const layer = readLayerEntry(entry, i + 1, false);
    if (isMessage(layer)) problems.push(layer);
    else layers.push(layer);
  });
  if (problems.length > 0) return { ok: false, problems };
  const first = layers[0];
  const input = first?.className === INPUT_CLASS ? first : null;
  const rest = input ? layers.slice(1) : layers;
  const misplaced = rest.find((l) => l.className === INPUT_CLASS);
  if (misplaced) {
    return {
      ok: false,
      problems: [message('modelImport.inputLayerMisplaced', { name: misplaced.name })],
    };
  }
  const links = rest.map((layer) => ({ layer, mergeFrom: null, earlierFirst: false }));
  return { ok: true, chain: { input, links } };
}

/** input_layers / output_layers: [["name", 0, 0], …], or Keras 3's single ["name", 0, 0] or a dict. */
function endpoints(value: unknown): TensorRef[] | null {
  const asRef = (v: unknown): TensorRef | null =>
    Array.isArray(v) &&
    v.length === 3 &&
    typeof v[0] === 'string' &&
    Number.isInteger(v[1]) &&
    Number.isInteger(v[2])
      ? { layer: v[0], node: v[1] as number, tensor: v[2] as number }
      : null;
  const single = asRef(value);
  if (single) return [single];
  const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : null;
  if (!items) return null;
  const refs = items.map(asRef);
  return refs.every((r): r is TensorRef => r !== null) ? refs : null;
}

export function readFunctional(config: JsonObject | unknown[]): ChainResult {
  if (Array.isArray(config)) {
    return {
      ok: false,
      problems: [message('modelImport.functionalConfigIsList')],
    };
  }
  const entries = layerList(config);
  if (isMessage(entries)) return { ok: false, problems: [entries] };
  const problems: Message[] = [];
  const byName = new Map<string, KerasLayer>();
  entries.forEach((entry, i) => {
    const layer = readLayerEntry(entry, i + 1, true);
    if (isMessage(layer)) problems.push(layer);
    else if (byName.has(layer.name)) {
      problems.push(message('modelImport.duplicateName', { name: layer.name }));
    } else byName.set(layer.name, layer);
  });
  if (problems.length > 0) return { ok: false, problems };

  const inputs = endpoints(config['input_layers']);
  const outputs = endpoints(config['output_layers']);
  if (!inputs || inputs.length === 0) {
    return { ok: false, problems: [message('modelImport.noInputLayers')] };
  }
  if (!outputs || outputs.length === 0) {
    return { ok: false, problems: [message('modelImport.noOutputLayers')] };
  }
  if (inputs.length > 1) {
    return {
      ok: false,
      problems: [
        message('modelImport.severalInputs', { inputs: inputs.length, names: names(inputs) }),
      ],
    };
  }
  if (outputs.length > 1) {
    return {
      ok: false,
      problems: [
        message('modelImport.severalOutputs', { outputs: outputs.length, names: names(outputs) }),
      ],
    };
  }
  const [inputRef] = inputs as [TensorRef];
  const [outputRef] = outputs as [TensorRef];
  const input = byName.get(inputRef.layer);
  if (!input) {
    return {
      ok: false,
      problems: [message('modelImport.inputMissing', { name: inputRef.layer })],
    };
  }
  if (!byName.has(outputRef.layer)) {
    return {
      ok: false,
      problems: [message('modelImport.outputMissing', { name: outputRef.layer })],
    };
  }
  if (outputRef.node !== 0 || outputRef.tensor !== 0) {
    return {
      ok: false,
      problems: [message('modelImport.outputNotFirst', { name: outputRef.layer })],
    };
  }

  // Each layer's inputs, checked once: one call only, known layers, first output only.
  const inputsOf = new Map<string, string[]>();
  for (const layer of byName.values()) {
    if (layer === input) continue;
    const problem = checkCalls(layer, byName);
    if (problem) problems.push(problem);
    else inputsOf.set(layer.name, sources(layer));
  }
  if (problems.length > 0) return { ok: false, problems };

  const isMerge = (name: string) => MERGE_CLASSES.has(byName.get(name)?.className ?? '');
  const walk = new ChainWalk(input.name, inputsOf, isMerge);
  const path = walk.chainTo(outputRef.layer);
  if (isMessage(path)) return { ok: false, problems: [path] };

  const onPath = new Set(path.map((link) => link.name));
  const unused = [...byName.values()].filter((l) => l !== input && !onPath.has(l.name));
  if (unused.length > 0) {
    return {
      ok: false,
      problems: [
        message('modelImport.offTheChain', {
          count: unused.length,
          names: quoted(unused.map((l) => l.name)),
        }),
      ],
    };
  }
  const links = path.map((step) => ({ ...step, layer: byName.get(step.name) as KerasLayer }));
  return { ok: true, chain: { input, links } };
}

function names(refs: TensorRef[]): string {
  return quoted(refs.map((r) => r.layer));
}

/** Why a layer's calls cannot be part of a chain, or null when they can. */
function checkCalls(layer: KerasLayer, byName: Map<string, KerasLayer>): Message | null {
  const { name, className } = layer;
  if (layer.nodes.length === 0) {
    return message('modelImport.notConnected', { name, className });
  }
  if (layer.nodes.length > 1) {
    return message('modelImport.sharedLayer', { name, className, times: layer.nodes.length });
  }
  for (const ref of layer.nodes[0] ?? []) {
    const source = byName.get(ref.layer);
    if (!source) {
      return message('modelImport.unknownSource', { name, source: ref.layer });
    }
    if (ref.node !== 0) {
      return message('modelImport.secondCall', { name, source: ref.layer });
    }
    if (ref.tensor !== 0) {
      return message('modelImport.laterOutput', {
        name,
        source: ref.layer,
        output: ref.tensor + 1,
      });
    }
  }
  return null;
}

/** The layers feeding `layer`. A merge keeps repeats (x + x is two inputs); others do not
 * (self-attention links its one input as query and as value). */
function sources(layer: KerasLayer): string[] {
  const all = (layer.nodes[0] ?? []).map((ref) => ref.layer);
  return MERGE_CLASSES.has(layer.className) ? all : [...new Set(all)];
}

interface PathStep {
  name: string;
  mergeFrom: string | null;
  earlierFirst: boolean;
}

/**
 * Finds the chain ending at a layer by walking back from it. A merge has two inputs: the one whose
 * own chain passes through the other is the previous layer; the other must be on that chain
 * already (an earlier layer, or the input). Chains are memoised; a layer met again while its own
 * chain is being found closes a cycle.
 */
class ChainWalk {
  private readonly done = new Map<string, PathStep[]>();
  private readonly visiting: string[] = [];

  constructor(
    private readonly inputName: string,
    private readonly inputsOf: Map<string, string[]>,
    private readonly isMerge: (name: string) => boolean,
  ) {}

  /** The steps from the input (excluded) to `name` (included), or why there is no chain. */
  chainTo(name: string): PathStep[] | Message {
    if (name === this.inputName) return [];
    const known = this.done.get(name);
    if (known) return known;
    const at = this.visiting.indexOf(name);
    if (at >= 0) {
      const cycle = [...this.visiting.slice(at), name].map((n) => `"${n}"`).join(' → ');
      return message('modelImport.cycle', { cycle });
    }
    this.visiting.push(name);
    const result = this.resolve(name);
    this.visiting.pop();
    if (!isMessage(result)) this.done.set(name, result);
    return result;
  }

  private resolve(name: string): PathStep[] | Message {
    const inputs = this.inputsOf.get(name) ?? [];
    if (inputs.length === 1) {
      const before = this.chainTo(inputs[0] as string);
      const step = { name, mergeFrom: null, earlierFirst: false };
      return isMessage(before) ? before : [...before, step];
    }
    if (inputs.length !== 2 || !this.isMerge(name)) {
      return inputs.length === 0
        ? message('modelImport.noInputs', { name })
        : message('modelImport.tooManyInputs', {
            name,
            inputs: inputs.length,
            names: quoted(inputs),
          });
    }
    const [a, b] = inputs as [string, string];
    const chainA = this.chainTo(a);
    if (isMessage(chainA)) return chainA;
    const chainB = this.chainTo(b);
    if (isMessage(chainB)) return chainB;
    const contains = (chain: PathStep[], n: string) =>
      n === this.inputName || chain.some((s) => s.name === n);
    // The input whose chain passes through the other one is the layer above the merge.
    if (contains(chainA, b)) return [...chainA, { name, mergeFrom: b, earlierFirst: false }];
    if (contains(chainB, a)) return [...chainB, { name, mergeFrom: a, earlierFirst: true }];
    return message('modelImport.parallelBranches', { name, first: a, second: b });
  }
}

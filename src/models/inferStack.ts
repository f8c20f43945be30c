/**
 * The shape walk over a stack of layers: each layer's output shape, parameter count and problem.
 * Used for the whole design (analyze.ts) and inside blocks (blocks expand into a stack).
 */
import { message, type Message } from '../shared/messages/message';
import { LAYER_TYPES, inferLayer } from './layerRegistry';
import type { NamedProblem } from './layerTypes/types';
import { INPUT_ID, type LayerSpec, type Shape } from './spec';

export interface LayerAnalysis {
  id: string;
  /** Known when this layer and every layer it depends on are valid. */
  outputShape: Shape | null;
  params: number;
  /** A problem on this very layer, in words a student understands ("Layer 3 (Dense): …"). */
  problem: Message | null;
  /** Advice that does not block training. */
  warning: Message | null;
}

export interface StackResult {
  layers: LayerAnalysis[];
  /** The layers' problems before they are named by position (blocks show their first). */
  problems: NamedProblem[];
  output: Shape | null;
  totalParams: number;
}

/**
 * Walks `layers` from `input`. `inputId` names the input for merges (the dataset input, or the
 * layer before a block). Problems name layers by 1-based position when `label` is set.
 */
export function inferStack(
  layers: readonly LayerSpec[],
  input: Shape,
  options: {
    inputIsTokens: boolean;
    tokenVocab?: number | undefined;
    inputId?: string;
    numberFrom?: number;
    outer?: Map<string, Shape | null>;
  },
): StackResult {
  const outputs = new Map<string, Shape | null>(options.outer ?? []);
  outputs.set(options.inputId ?? INPUT_ID, input);
  const positions = new Map<string, number>();
  layers.forEach((layer, i) => positions.set(layer.id, i + (options.numberFrom ?? 1)));

  const result: LayerAnalysis[] = [];
  const problems: NamedProblem[] = [];
  const named = (position: number, label: string, problem: Message): Message => {
    problems.push({ label, problem });
    return message('layers.atLayer', { position, label, problem });
  };
  let shape: Shape | null = input;
  let tokens = options.inputIsTokens;
  let totalParams = 0;
  for (const layer of layers) {
    const position = positions.get(layer.id) ?? 0;
    const label = LAYER_TYPES[layer.kind].label;
    if (shape === null) {
      result.push({ id: layer.id, outputShape: null, params: 0, problem: null, warning: null });
      outputs.set(layer.id, null);
      continue;
    }
    if (tokens && layer.kind !== 'embedding') {
      result.push({
        id: layer.id,
        outputShape: null,
        params: 0,
        warning: null,
        problem: named(position, label, message('layers.tokensNeedEmbedding')),
      });
      outputs.set(layer.id, null);
      shape = null;
      continue;
    }
    const r = inferLayer(layer, shape, {
      inputIsTokens: tokens,
      tokenVocab: tokens ? (options.tokenVocab ?? null) : null,
      outputOf: (id) => outputs.get(id),
      positionOf: (id) => positions.get(id),
      inferStack: (inner, innerInput, inputId) => {
        const r = inferStack(inner, innerInput, { inputIsTokens: false, inputId });
        return { output: r.output, totalParams: r.totalParams, problems: r.problems };
      },
    });
    if (r.ok) {
      result.push({
        id: layer.id,
        outputShape: r.outputShape,
        params: r.params,
        problem: null,
        warning: r.warning ?? null,
      });
      totalParams += r.params;
      shape = r.outputShape;
      tokens = false;
    } else {
      result.push({
        id: layer.id,
        outputShape: null,
        params: 0,
        warning: null,
        problem: named(position, label, r.problem),
      });
      shape = null;
    }
    outputs.set(layer.id, shape);
  }
  return { layers: result, problems, output: shape, totalParams };
}

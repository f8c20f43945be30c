/**
 * The shape walk over a stack of layers: each layer's output shape, parameter count and problem.
 * Used for the whole design (analyze.ts) and inside blocks (blocks expand into a stack).
 */
import { message, type Message, type MessageValue } from '../shared/messages/message';
import { LAYER_TYPES, inferLayer } from './layerRegistry';
import type { LayerFix, NamedProblem } from './layerTypes/types';
import { isComplete, sketchFailedLayer, sketchLayer, type Sketch } from './sketchShape';
import { INPUT_ID, type LayerSpec, type Shape } from './spec';

/** Blocks are named in the reader's language; every other layer by its Keras class name. */
const BLOCK_LABELS: Partial<Record<LayerSpec['kind'], Message>> = {
  residualblock: message('layers.residualBlockLabel'),
  transformerblock: message('layers.transformerBlockLabel'),
};

export interface LayerAnalysis {
  id: string;
  /** Known when this layer and every layer it depends on are valid. */
  outputShape: Shape | null;
  /** Its parameter count as far as it is known (0 when it is not; see `sketch`). */
  params: number;
  /** Of `params`, those training does not change (BatchNormalization's moving statistics). */
  nonTrainable: number;
  /**
   * What the designer shows: the output shape and count as far as they can be known even when
   * this layer or one before it is invalid (unknown dimensions null).
   */
  sketch: Sketch;
  /** A problem on this very layer, in words a student understands ("Layer 3 (Dense): …"). */
  problem: Message | null;
  /** Advice that does not block training. */
  warning: Message | null;
  /** A one-click repair of `problem`, where one setting obviously repairs it. */
  fix: LayerFix | null;
}

export interface StackResult {
  layers: LayerAnalysis[];
  /** The layers' problems before they are named by position (blocks show their first). */
  problems: NamedProblem[];
  output: Shape | null;
  /** The sum of every count that is known: the whole model's when `paramsKnown`. */
  totalParams: number;
  /** False when some layer's count cannot be known (it depends on an invalid layer). */
  paramsKnown: boolean;
  /** Of `totalParams`, those training does not change, as Keras's summary splits them. */
  nonTrainableParams: number;
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
  const named = (position: number, label: MessageValue, problem: Message): Message => {
    problems.push({ label, problem });
    return message('layers.atLayer', { position, label, problem });
  };
  /** The shape flowing down the stack as far as it is known; null once even its rank is not. */
  let flowing: Sketch = { shape: input, params: 0 };
  /** Whether a layer so far has a problem: then no later layer has a strict output shape. */
  let broken = false;
  let tokens = options.inputIsTokens;
  let totalParams = 0;
  let paramsKnown = true;
  let nonTrainableParams = 0;
  const sketches = new Map<string, Sketch>();
  const context = {
    inputIsTokens: false,
    tokenVocab: null,
    outputOf: (id: string) => outputs.get(id),
    positionOf: (id: string) => positions.get(id),
    inferStack: (inner: readonly LayerSpec[], innerInput: Shape, inputId: string) => {
      const r = inferStack(inner, innerInput, { inputIsTokens: false, inputId });
      return { output: r.output, totalParams: r.totalParams, problems: r.problems };
    },
  };
  const record = (
    layer: LayerSpec,
    sketch: Sketch,
    problem: Message | null,
    extra: {
      warning?: Message | undefined;
      fix?: LayerFix | undefined;
      nonTrainable?: number | undefined;
    } = {},
  ) => {
    const outputShape = !broken && isComplete(sketch.shape) ? sketch.shape : null;
    result.push({
      id: layer.id,
      outputShape,
      params: sketch.params ?? 0,
      nonTrainable: extra.nonTrainable ?? 0,
      sketch,
      problem,
      warning: extra.warning ?? null,
      fix: extra.fix ?? null,
    });
    // Later merges read a complete shape even past a problem: their own check still holds.
    outputs.set(layer.id, isComplete(sketch.shape) ? sketch.shape : null);
    sketches.set(layer.id, sketch);
    nonTrainableParams += extra.nonTrainable ?? 0;
    if (sketch.params === null) paramsKnown = false;
    else totalParams += sketch.params;
    flowing = sketch;
  };
  for (const layer of layers) {
    const position = positions.get(layer.id) ?? 0;
    const label = BLOCK_LABELS[layer.kind] ?? LAYER_TYPES[layer.kind].label;
    const input = flowing.shape;
    if (tokens && layer.kind !== 'embedding') {
      broken = true;
      tokens = false;
      record(
        layer,
        { shape: null, params: null },
        named(position, label, message('layers.tokensNeedEmbedding')),
      );
      continue;
    }
    const ctx = {
      ...context,
      inputIsTokens: tokens,
      tokenVocab: tokens ? (options.tokenVocab ?? null) : null,
    };
    tokens = false;
    if (!isComplete(input)) {
      // Its input depends on an invalid layer: say what can be said, judge nothing.
      record(layer, sketchLayer(layer, input, ctx, sketches), null);
      continue;
    }
    const r = inferLayer(layer, input, ctx);
    if (r.ok) {
      record(layer, { shape: r.outputShape, params: r.params }, null, {
        warning: r.warning,
        nonTrainable: r.nonTrainable,
      });
    } else {
      broken = true;
      record(
        layer,
        sketchFailedLayer(layer, input, ctx, sketches),
        named(position, label, r.problem),
        {
          fix: r.fix,
        },
      );
    }
  }
  const output = broken ? null : isComplete(flowing.shape) ? flowing.shape : null;
  return { layers: result, problems, output, totalParams, paramsKnown, nonTrainableParams };
}

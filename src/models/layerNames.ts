/**
 * The tfjs layers a design builds into, in build order, with the names and weights tfjs gives
 * them. Pure (no tfjs): code exporters need the exact names a saved model.json uses, and
 * builder.ts names its layers with the same two functions, so the two cannot drift apart.
 *
 * Naming: every applied layer (a block counts as its parts) is `${kind}_${n}`, n counting from 1
 * in build order; a leakyRelu activation adds a LeakyReLU layer `${name}_leakyrelu` (no number of
 * its own). Weights are `${layer name}/${weight}` with Keras's weight names and shapes.
 */
import { MessageError } from '../shared/messages/messageError';
import type { DatasetInfo } from '../data/datasets';
import { inferStack } from './inferStack';
import { expandBlock, isBlock, type BlockSpec } from './layerTypes/blocks';
import { formatShape, INPUT_ID, type LayerSpec, type ModelSpec, type Shape } from './spec';

/** A layer as it is applied: blocks never appear here, only their parts. */
export type AppliedSpec = Exclude<LayerSpec, BlockSpec>;

export function tfjsLayerName(kind: LayerSpec['kind'], index: number): string {
  return `${kind}_${index}`;
}

/** The LeakyReLU layer the builder puts after a layer whose activation is leakyRelu. */
export function leakyReluLayerName(layerName: string): string {
  return `${layerName}_leakyrelu`;
}

export interface TfjsWeight {
  /** As in a saved model.json's weightsManifest, e.g. "dense_2/kernel". */
  name: string;
  /** Keras/tfjs layout, e.g. a Dense kernel is [inputs, units]. */
  shape: number[];
}

export interface AppliedLayer {
  spec: AppliedSpec;
  /** The top-level design entry it comes from: its own id, or its block's. */
  entryId: string;
  /** Is it the last part of its entry (whose output then also answers to `entryId`)? */
  endsEntry: boolean;
  /** 1-based position in build order. */
  index: number;
  /** The tfjs layer name. */
  name: string;
  /** The LeakyReLU layer after it, when its activation is leakyRelu. */
  leakyReluName: string | null;
  inputShape: Shape;
  outputShape: Shape;
  /** As Keras counts them (BatchNormalization's moving statistics included). */
  params: number;
  /** In the order the layer creates them (Keras's get_weights order). */
  weights: TfjsWeight[];
}

/** What the walk needs to know about the data. */
export type InputInfo = Pick<DatasetInfo, 'inputShape' | 'inputIsTokens' | 'vocabSize'>;

/**
 * Every applied layer of a valid design, in build order. Throws with the analysis's own message
 * (which names the layer) when a layer has a problem.
 */
export function appliedLayers(spec: ModelSpec, info: InputInfo): AppliedLayer[] {
  const top = inferStack(spec.layers, info.inputShape, {
    inputIsTokens: info.inputIsTokens,
    tokenVocab: info.vocabSize,
  });
  const problem = top.layers.find((l) => l.problem !== null)?.problem;
  if (problem) throw new MessageError(problem);

  const applied: AppliedLayer[] = [];
  let input: Shape = info.inputShape;
  let previousId = INPUT_ID;
  spec.layers.forEach((layer, i) => {
    const analysis = top.layers[i];
    if (!analysis?.outputShape) throw new Error(`Layer ${i + 1} has no known output shape.`);
    // A block's parts get their shapes from the same walk analysis runs inside the block.
    const parts: { spec: AppliedSpec; output: Shape; params: number }[] = [];
    if (isBlock(layer)) {
      const expansion = expandBlock(layer, previousId, input);
      const inner = inferStack(expansion, input, { inputIsTokens: false, inputId: previousId });
      expansion.forEach((part, j) => {
        const result = inner.layers[j];
        if (isBlock(part) || !result?.outputShape) {
          throw new Error(`Layer ${i + 1}: part ${part.id} of the block has no known shape.`);
        }
        parts.push({ spec: part, output: result.outputShape, params: result.params });
      });
    } else {
      parts.push({ spec: layer, output: analysis.outputShape, params: analysis.params });
    }
    parts.forEach((part, j) => {
      const index = applied.length + 1;
      const name = tfjsLayerName(part.spec.kind, index);
      applied.push({
        spec: part.spec,
        entryId: layer.id,
        endsEntry: j === parts.length - 1,
        index,
        name,
        leakyReluName: hasLeakyRelu(part.spec) ? leakyReluLayerName(name) : null,
        inputShape: input,
        outputShape: part.output,
        params: part.params,
        weights: tfjsWeights(part.spec, name, input),
      });
      input = part.output;
    });
    previousId = layer.id;
  });
  return applied;
}

function hasLeakyRelu(layer: AppliedSpec): boolean {
  return (
    (layer.kind === 'dense' || layer.kind === 'conv2d' || layer.kind === 'activation') &&
    layer.activation === 'leakyRelu'
  );
}

/** The weights tfjs creates for a layer with this input shape (Keras's names, shapes and order). */
export function tfjsWeights(layer: AppliedSpec, name: string, input: Shape): TfjsWeight[] {
  const w = (weight: string, shape: number[]): TfjsWeight => ({
    name: `${name}/${weight}`,
    shape,
  });
  const last = input.at(-1) ?? 0;
  switch (layer.kind) {
    case 'dense':
      return [w('kernel', [last, layer.units]), w('bias', [layer.units])];
    case 'conv2d': {
      const k = layer.kernelSize;
      return [w('kernel', [k, k, last, layer.filters]), w('bias', [layer.filters])];
    }
    case 'batchnorm':
      return ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((n) => w(n, [last]));
    case 'layernorm':
      return [w('gamma', [last]), w('beta', [last])];
    case 'embedding':
      return [w('embeddings', [layer.inputDim, layer.outputDim])];
    case 'simplernn':
    case 'lstm':
    case 'gru': {
      const gates = { simplernn: 1, lstm: 4, gru: 3 }[layer.kind];
      const width = gates * layer.units;
      return [
        w('kernel', [last, width]),
        w('recurrent_kernel', [layer.units, width]),
        w('bias', [width]),
      ];
    }
    case 'attention': {
      const inner = layer.numHeads * layer.keyDim;
      return [
        w('query_kernel', [last, inner]),
        w('query_bias', [inner]),
        w('key_kernel', [last, inner]),
        w('key_bias', [inner]),
        w('value_kernel', [last, inner]),
        w('value_bias', [inner]),
        w('output_kernel', [inner, last]),
        w('output_bias', [last]),
      ];
    }
    case 'positional':
      return layer.mode === 'learned' ? [w('embeddings', [layer.maxLength, last])] : [];
    case 'dropout':
    case 'flatten':
    case 'reshape':
    case 'activation':
    case 'maxpool2d':
    case 'avgpool2d':
    case 'globalavgpool1d':
    case 'globalavgpool2d':
    case 'add':
    case 'concatenate':
      return [];
    default: {
      const unknown: never = layer;
      throw new Error(
        `No weight layout for ${JSON.stringify(unknown)} (input ${formatShape(input)}).`,
      );
    }
  }
}

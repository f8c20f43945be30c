/**
 * What both code exporters start from: the design checked as the Train button checks it, its
 * applied layers with tfjs names and shapes, and which outputs a merge takes later (the program
 * keeps those in a variable).
 */
import type { DatasetInfo } from '../../data/datasets';
import { analyzeModel } from '../analyze';
import { appliedLayers, type AppliedLayer } from '../layerNames';
import { INPUT_ID, type ModelSpec, type Shape } from '../spec';
import type { TrainingConfig } from '../trainingConfig';
import { englishText } from '../../shared/messages/englishText';
import { ExportError } from './python';

export interface ExportPlan {
  info: DatasetInfo;
  training: TrainingConfig;
  layers: AppliedLayer[];
  outputShape: Shape;
  /** As LayerLab counts them (analyzeModel's total). */
  totalParams: number;
  /** The variable a merge reads for each id it takes from (an id, or 'input'). */
  keptAs: Map<string, string>;
  /** Variables to set right after a layer's output (by applied layer name), or after the input. */
  keepAfter: Map<string, string>;
}

/** The variable holding a kept output: `out_dense_2`, or `out_input`. */
function keptName(producer: string): string {
  return `out_${producer}`;
}

export function exportPlan(
  spec: ModelSpec,
  info: DatasetInfo,
  training: TrainingConfig,
): ExportPlan {
  const analysis = analyzeModel(spec, info, training);
  if (analysis.blockingReason !== null) {
    throw new ExportError(
      `This design cannot be exported until it can be trained: ${englishText(analysis.blockingReason)}`,
    );
  }
  const layers = appliedLayers(spec, info);
  const last = layers.at(-1);
  if (!last) throw new ExportError('The design has no layers to export.');

  // Which applied layer produces each id: a part answers to its own id, and the last part of an
  // entry also to the entry's id (a block's output is its last part's), as in the builder.
  const producer = new Map<string, string>([[INPUT_ID, INPUT_ID]]);
  for (const layer of layers) {
    producer.set(layer.spec.id, layer.name);
    if (layer.endsEntry) producer.set(layer.entryId, layer.name);
  }
  const keptAs = new Map<string, string>();
  const keepAfter = new Map<string, string>();
  for (const layer of layers) {
    if (layer.spec.kind !== 'add' && layer.spec.kind !== 'concatenate') continue;
    const source = producer.get(layer.spec.from);
    if (source === undefined) {
      throw new ExportError(
        `Layer "${layer.entryId}" (${layer.name}) takes input from "${layer.spec.from}", which is not a layer above it.`,
      );
    }
    keptAs.set(layer.spec.from, keptName(source));
    keepAfter.set(source, keptName(source));
  }
  return {
    info,
    training,
    layers,
    outputShape: last.outputShape,
    totalParams: analysis.totalParams,
    keptAs,
    keepAfter,
  };
}

/** The variable a merge layer reads its second input from. */
export function mergeSource(plan: ExportPlan, from: string): string {
  const name = plan.keptAs.get(from);
  if (name === undefined) throw new ExportError(`No kept output for "${from}".`);
  return name;
}

/** One line saying what a layer is, for comments: "l2 · Dense 64, relu". */
export function describeLayer(layer: AppliedLayer): string {
  const s = layer.spec;
  const what = ((): string => {
    switch (s.kind) {
      case 'dense':
        return `Dense ${s.units}, ${s.activation}`;
      case 'dropout':
        return `Dropout ${s.rate}`;
      case 'flatten':
        return 'Flatten';
      case 'reshape':
        return `Reshape to [${s.targetShape.join(', ')}]`;
      case 'activation':
        return `Activation ${s.activation}`;
      case 'conv2d':
        return `Conv2D ${s.filters} filters ${s.kernelSize}×${s.kernelSize}, stride ${s.strides}, ${s.padding}, ${s.activation}`;
      case 'maxpool2d':
      case 'avgpool2d':
        return `${s.kind === 'maxpool2d' ? 'MaxPool2D' : 'AveragePooling2D'} ${s.poolSize}×${s.poolSize}, stride ${s.strides}, ${s.padding}`;
      case 'globalavgpool1d':
        return 'GlobalAveragePooling1D';
      case 'globalavgpool2d':
        return 'GlobalAveragePooling2D';
      case 'batchnorm':
        return `BatchNormalization, momentum ${s.momentum}, epsilon ${s.epsilon}`;
      case 'layernorm':
        return `LayerNormalization, epsilon ${s.epsilon}`;
      case 'embedding':
        return `Embedding ${s.inputDim} ids → ${s.outputDim}`;
      case 'simplernn':
      case 'lstm':
      case 'gru':
        return `${{ simplernn: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' }[s.kind]} ${s.units}${s.returnSequences ? ', every step' : ', last step'}`;
      case 'attention':
        return `Self-attention ${s.numHeads} heads × ${s.keyDim}${s.causal ? ', causal' : ''}${s.dropout > 0 ? `, dropout ${s.dropout}` : ''}`;
      case 'positional':
        return `Positional embedding (${s.mode}), max length ${s.maxLength}`;
      case 'add':
        return `Add (skip from ${s.from})`;
      case 'concatenate':
        return `Concatenate (with ${s.from})`;
      default: {
        const unknown: never = s;
        throw new ExportError(`Unknown layer ${JSON.stringify(unknown)}.`);
      }
    }
  })();
  const where = layer.entryId === layer.spec.id ? s.id : `${layer.entryId} (block) › ${s.id}`;
  return `${where} · ${what}`;
}

/**
 * The probe models of a run, built once and kept with it: one returning the output, every
 * top-level layer's output and every attention map from one forward pass, and (for small MLPs) one
 * returning the hidden neurons for their maps. They share the run's layers and weights.
 */
import * as tf from '@tensorflow/tfjs';
import { buildAttentionProbe } from '../../models/attentionProbe';
import type { ProbedRun } from '../run';

/** Small MLPs get per-neuron maps: at most this many hidden units in all. */
const NEURON_MAP_LIMIT = 64;

export interface ProbeModels {
  /** Outputs without repeats (tfjs returns null for a repeated output): see the index lists. */
  sample: tf.LayersModel;
  /** Where the model's output, each layer's output and each attention map are in `sample`. */
  outputIndex: number;
  layerIndex: number[];
  attentionIndex: number[];
  layerIds: string[];
  attentionNames: string[];
  /**
   * Hidden Dense outputs of an all-Dense model with few units (neuron maps), else null; `dense`
   * holds every Dense layer of it (hidden and output, in order) with its spec id, for the weights.
   */
  neurons: {
    model: tf.LayersModel;
    ids: string[];
    dense: { id: string; layer: tf.layers.Layer }[];
  } | null;
}

const modelsByRun = new WeakMap<ProbedRun, ProbeModels>();
/** Built once per run; dropped with it. Never dispose these: their layers are the run's. */
export function probeModels(run: ProbedRun): ProbeModels {
  const cached = modelsByRun.get(run);
  if (cached) return cached;
  const { model, layerOutputs, request } = run;
  const layerIds = [...layerOutputs.keys()];
  const attention = buildAttentionProbe(model);
  const attentionOutputs = attention ? (attention.model.outputs as tf.SymbolicTensor[]) : [];
  const unique: tf.SymbolicTensor[] = [];
  const indexOf = (symbol: tf.SymbolicTensor): number => {
    const at = unique.indexOf(symbol);
    return at >= 0 ? at : unique.push(symbol) - 1;
  };
  const outputIndex = indexOf(model.outputs[0] as tf.SymbolicTensor);
  const layerIndex = layerIds.map((id) => indexOf(layerOutputs.get(id) as tf.SymbolicTensor));
  const attentionIndex = attentionOutputs.map(indexOf);
  const sample = tf.model({ inputs: model.inputs, outputs: unique, name: 'layerlab_probe' });
  const denseOnly = request.spec.layers.every((l) => l.kind === 'dense' || l.kind === 'dropout');
  const hidden = request.spec.layers.slice(0, -1).filter((l) => l.kind === 'dense');
  const units = hidden.reduce((n, l) => n + (l.kind === 'dense' ? l.units : 0), 0);
  const neurons =
    denseOnly && hidden.length > 0 && units <= NEURON_MAP_LIMIT
      ? {
          ids: hidden.map((l) => l.id),
          dense: denseLayers(run),
          model: tf.model({
            inputs: model.inputs,
            outputs: hidden.map((l) => layerOutputs.get(l.id) as tf.SymbolicTensor),
            name: 'layerlab_neuron_probe',
          }),
        }
      : null;
  const built = {
    sample,
    outputIndex,
    layerIndex,
    attentionIndex,
    layerIds,
    attentionNames: attention?.layerNames ?? [],
    neurons,
  };
  modelsByRun.set(run, built);
  return built;
}

/**
 * An all-Dense model's Dense layers with their spec ids. The builder applies the design's layers in
 * order, so the n-th Dense layer of the tfjs model is the n-th dense entry of the design.
 */
function denseLayers({ model, request }: ProbedRun): { id: string; layer: tf.layers.Layer }[] {
  const ids = request.spec.layers.filter((l) => l.kind === 'dense').map((l) => l.id);
  const layers = model.layers.filter((layer) => layer.getClassName() === 'Dense');
  return layers.length === ids.length
    ? layers.map((layer, i) => ({ id: ids[i] ?? '', layer }))
    : [];
}

/** A model's apply() result as a list, whether it had one output or several. */
export function asList(
  out: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[],
): tf.Tensor[] {
  return (Array.isArray(out) ? out : [out]) as tf.Tensor[];
}

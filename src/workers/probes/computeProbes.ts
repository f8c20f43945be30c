/**
 * One probe cycle: everything the open views need, computed on the device in one tidy, packed into
 * one flat tensor and read back with a single `await data()`; then split into typed arrays for the
 * UI. The probe models share the training model's weights (no copies, no second training graph).
 */
import * as tf from '@tensorflow/tfjs';
import { buildAttentionProbe } from '../../models/attentionProbe';
import { confusionMatrix } from '../../models/evaluation/confusion';
import { pca } from '../../models/evaluation/pca';
import {
  fitToLength,
  normalizeText,
  OOV_TOKEN,
  PAD_TOKEN,
  WORD_OOV_ID,
  WORD_PAD_ID,
  wordIds,
} from '../../data/text/wordTokenizer';
import { createVocabulary, type Vocabulary } from '../../data/text/vocabulary';
import type { LabelledData } from '../../data/types';
import type { Run } from '../run';
import type { LayerActivation, ProbeResult, ProbeSettings } from '../protocol';
import { downsampleActivation, HISTOGRAM_BINS, symmetricHistogram } from './gpuStats';

/** Validation samples scored for the confusion matrix and projected for the PCA view. */
export const CONFUSION_SAMPLES = 512;
export const PROJECTION_SAMPLES = 300;
/** Decision-boundary grid sides: the model's output, and each neuron's mini map. */
export const BOUNDARY_GRID = 48;
export const NEURON_GRID = 20;
export const CURVE_POINTS = 120;
/** Small MLPs get per-neuron maps: at most this many hidden units in all. */
const NEURON_MAP_LIMIT = 64;

interface ProbeModels {
  /** Outputs without repeats (tfjs returns null for a repeated output): see the index lists. */
  sample: tf.LayersModel;
  /** Where the model's output, each layer's output and each attention map are in `sample`. */
  outputIndex: number;
  layerIndex: number[];
  attentionIndex: number[];
  layerIds: string[];
  attentionNames: string[];
  /** Hidden Dense outputs of an all-Dense model with few units (neuron maps), else null. */
  neurons: { model: tf.LayersModel; ids: string[] } | null;
}

const modelsByRun = new WeakMap<Run, ProbeModels>();
const previousAxes = new WeakMap<Run, { layer: string; columns: number; axes: Float32Array }>();

/** Built once per run; dropped with it. Never dispose these: their layers are the run's. */
function probeModels(run: Run): ProbeModels {
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

function asList(
  out: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[],
): tf.Tensor[] {
  return (Array.isArray(out) ? out : [out]) as tf.Tensor[];
}

const vocabularies = new WeakMap<Run, Vocabulary>();

/** A typed text as the model's input: the dataset's word ids, padded or cut to the length. */
function encodeText(run: Run, text: string, length: number): Float32Array {
  let vocabulary = vocabularies.get(run);
  if (!vocabulary) {
    vocabulary = createVocabulary('word', run.data.tokens ?? [PAD_TOKEN, OOV_TOKEN], {
      oovId: WORD_OOV_ID,
      padId: WORD_PAD_ID,
    });
    vocabularies.set(run, vocabulary);
  }
  const ids = wordIds(normalizeText(text), vocabulary);
  return Float32Array.from(fitToLength(ids, WORD_PAD_ID, { length }));
}

/** Collects tensors to read back in one go, remembering how to cut the flat result apart. */
class Packer {
  readonly parts: tf.Tensor[] = [];
  private size = 0;
  add(tensor: tf.Tensor): { from: number; length: number } {
    const slot = { from: this.size, length: tensor.size };
    this.parts.push(tensor.toFloat().reshape([-1]));
    this.size += tensor.size;
    return slot;
  }
}

type Slot = { from: number; length: number };
const cut = (flat: Float32Array, slot: Slot) => flat.slice(slot.from, slot.from + slot.length);

function validationOf(run: Run): { data: LabelledData; x: tf.Tensor } | null {
  const split = run.trainer.validation;
  const data = run.data.validation;
  if (split && data) return { data, x: split.x };
  return { data: run.data.train, x: run.trainer.train.x };
}

/** Bounds of 2-D (or 1-D) inputs with a margin, for the boundary grid. */
function domainOf(data: LabelledData, inputs: number): [number, number, number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let n = 0; n < data.count; n++) {
    const x = data.x[n * inputs] ?? 0;
    const y = inputs === 2 ? (data.x[n * inputs + 1] ?? 0) : (data.y[n] ?? 0);
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  }
  const mx = (x1 - x0) * 0.1 || 1;
  const my = (y1 - y0) * 0.1 || 1;
  return [x0 - mx, x1 + mx, y0 - my, y1 + my];
}

/**
 * [side * side, 2] grid points over the domain, both ends included: point (ix, iy) at
 * iy * side + ix, with iy = 0 at the bottom (ymin), as the boundary views draw them.
 */
function gridPoints(domain: [number, number, number, number], side: number): Float32Array {
  const [x0, x1, y0, y1] = domain;
  const points = new Float32Array(side * side * 2);
  for (let iy = 0; iy < side; iy++) {
    for (let ix = 0; ix < side; ix++) {
      const at = (iy * side + ix) * 2;
      points[at] = x0 + (ix / (side - 1)) * (x1 - x0);
      points[at + 1] = y0 + (iy / (side - 1)) * (y1 - y0);
    }
  }
  return points;
}

/** Training points drawn over the boundary: the first few hundred (already in random order). */
export const BOUNDARY_POINTS = 400;

/**
 * The largest multiple of the batch size up to `count` (all of `count` when it is below one
 * batch): probes then reuse the shapes training allocated instead of growing the GPU buffer pool.
 */
function wholeBatches(count: number, batch: number): number {
  return count < batch ? count : count - (count % batch);
}

/** `f` on rows [0, count) of x, one batch at a time, results concatenated along the first axis. */
function inBatches(
  x: tf.Tensor,
  count: number,
  batch: number,
  f: (xb: tf.Tensor) => tf.Tensor,
): tf.Tensor {
  const parts: tf.Tensor[] = [];
  for (let start = 0; start < count; start += batch) {
    parts.push(f(x.slice(start, Math.min(batch, count - start))));
  }
  return parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts);
}

/** Class ids from model outputs: argmax, or a threshold at 0.5 for one sigmoid unit. */
function predictedIds(output: tf.Tensor): tf.Tensor {
  const units = output.shape.at(-1) ?? 1;
  return units === 1
    ? tf.greater(output, 0.5).toInt().reshape([-1])
    : tf.argMax(output, -1).reshape([-1]);
}

export async function computeProbes(run: Run, settings: ProbeSettings): Promise<ProbeResult> {
  const { views, sample } = settings;
  const info = run.request.datasetInfo;
  const inputShape = [...info.inputShape];
  const perSample = inputShape.reduce((a, b) => a * b, 1);
  const models = probeModels(run);
  const validation = validationOf(run);
  const step = run.trainer.step;
  const packer = new Packer();
  const slots: Record<string, Slot> = {};
  const layerSlots: { id: string; shape: number[]; fullShape: number[]; slot: Slot }[] = [];
  const attentionSlots: { layer: string; heads: number; length: number; slot: Slot }[] = [];
  const histogramSlots: { weight: string; slot: Slot }[] = [];
  const neuronSlots: { layer: string; units: number; slot: Slot }[] = [];
  let sampleX: Float32Array | null = null;
  let sampleIndex: number | null = null;
  let domain: [number, number, number, number] | null = null;
  let boundarySide = 0;
  let confusionCount = 0;
  let projection: { id: string; rows: number; columns: number } | null = null;
  let filters: { layer: string; shape: [number, number, number] } | null = null;
  const gradStats = views.histograms ? run.trainer.takeGradientStats() : null;
  const batch = run.request.training.batchSize;

  tf.tidy(() => {
    if (views.activations || views.attention) {
      if (sample.kind === 'custom' && sample.x.length === perSample) {
        sampleX = sample.x;
      } else if (sample.kind === 'text' && info.kind === 'text') {
        sampleX = encodeText(run, sample.text, perSample);
      } else if (validation && validation.data.count > 0) {
        sampleIndex = Math.min(
          Math.max(0, sample.kind === 'validation' ? sample.index : 0),
          validation.data.count - 1,
        );
        sampleX = validation.data.x.slice(sampleIndex * perSample, (sampleIndex + 1) * perSample);
      }
      if (sampleX) {
        const outputs = asList(
          models.sample.apply(tf.tensor(sampleX, [1, ...inputShape]), { training: false }),
        );
        slots.output = packer.add(outputs[models.outputIndex] as tf.Tensor);
        if (views.activations) {
          models.layerIds.forEach((id, i) => {
            const full = outputs[models.layerIndex[i] ?? -1] as tf.Tensor;
            const { shape, values } = downsampleActivation(full);
            layerSlots.push({
              id,
              shape,
              fullShape: full.shape.slice(1) as number[],
              slot: packer.add(values),
            });
          });
        }
        if (views.attention) {
          models.attentionNames.forEach((layer, i) => {
            const maps = outputs[models.attentionIndex[i] ?? -1] as tf.Tensor; // [1, heads, T, T]
            const [, heads = 1, length = 1] = maps.shape;
            attentionSlots.push({ layer, heads, length, slot: packer.add(maps) });
          });
        }
      }
    }
    if (views.boundary && (perSample === 2 || perSample === 1) && inputShape.length === 1) {
      domain = domainOf(run.data.train, perSample);
      if (perSample === 2) {
        boundarySide = BOUNDARY_GRID;
        const grid = tf.tensor2d(gridPoints(domain, BOUNDARY_GRID), [BOUNDARY_GRID ** 2, 2]);
        slots.boundary = packer.add(run.model.apply(grid, { training: false }) as tf.Tensor);
        if (models.neurons) {
          const coarse = tf.tensor2d(gridPoints(domain, NEURON_GRID), [NEURON_GRID ** 2, 2]);
          const outs = models.neurons.model.apply(coarse, { training: false });
          ((Array.isArray(outs) ? outs : [outs]) as tf.Tensor[]).forEach((out, i) => {
            const units = out.shape.at(-1) ?? 1;
            // [grid, units] -> [units, grid]: one map per neuron.
            neuronSlots.push({
              layer: models.neurons?.ids[i] ?? '',
              units,
              slot: packer.add(out.transpose()),
            });
          });
        }
      } else {
        boundarySide = CURVE_POINTS;
        const [x0, x1] = domain;
        const xs = tf.linspace(x0, x1, CURVE_POINTS).reshape([CURVE_POINTS, 1]);
        slots.boundary = packer.add(run.model.apply(xs, { training: false }) as tf.Tensor);
      }
    }
    if (views.confusion && info.task !== 'regression' && validation && validation.data.count > 0) {
      confusionCount = wholeBatches(Math.min(CONFUSION_SAMPLES, validation.data.count), batch);
      slots.confusion = packer.add(
        inBatches(validation.x, confusionCount, batch, (xb) =>
          predictedIds(run.model.apply(xb, { training: false }) as tf.Tensor),
        ),
      );
    }
    if (views.histograms) {
      for (const weight of run.model.trainableWeights) {
        histogramSlots.push({
          weight: weight.name,
          slot: packer.add(symmetricHistogram(weight.read(), HISTOGRAM_BINS)),
        });
      }
      if (gradStats) slots.grads = packer.add(gradStats);
      // The first convolution's filters, for its first input channel: what its kernels look for.
      const conv = run.model.layers.find((l) => l.getClassName() === 'Conv2D');
      const kernel = conv?.getWeights()[0]; // [kh, kw, in, filters]
      if (conv && kernel && kernel.rank === 4) {
        const [kh = 1, kw = 1, , count = 1] = kernel.shape;
        slots.filters = packer.add(kernel.slice([0, 0, 0, 0], [kh, kw, 1, count]));
        filters = { layer: conv.name, shape: [kh, kw, count] };
      }
    }
    if (views.projection && validation && validation.data.count > 1) {
      const ids = models.layerIds;
      const id =
        settings.projectionLayer && ids.includes(settings.projectionLayer)
          ? settings.projectionLayer
          : (ids.at(-2) ?? ids.at(-1));
      const index = id === undefined ? -1 : ids.indexOf(id);
      if (id !== undefined && index >= 0) {
        const rows = wholeBatches(Math.min(PROJECTION_SAMPLES, validation.data.count), batch);
        const features = inBatches(validation.x, rows, batch, (xb) => {
          const outputs = asList(models.sample.apply(xb, { training: false }));
          const layerOut = outputs[models.layerIndex[index] ?? -1] as tf.Tensor;
          return layerOut.reshape([xb.shape[0] ?? 1, -1]); // [batch, d]
        }); // [rows, d]
        const d = features.shape[1] ?? 1;
        // At most 256 evenly spaced features: PCA stays quick and the readback small.
        const keep = Math.min(d, 256);
        const columns = tf.tensor1d(
          Array.from({ length: keep }, (_, i) => Math.floor((i * d) / keep)),
          'int32',
        );
        slots.projection = packer.add(tf.gather(features, columns, 1));
        projection = { id, rows, columns: keep };
      }
    }
    if (packer.parts.length > 0) {
      const flat = tf.concat(packer.parts);
      packer.parts.length = 0;
      packer.parts.push(tf.keep(flat));
    }
  });
  gradStats?.dispose();
  // Asks the next training step for fresh gradient histograms.
  if (views.histograms) run.trainer.requestGradientStats();

  const packed = packer.parts[0];
  const flat = packed ? ((await packed.data()) as Float32Array) : new Float32Array(0);
  packed?.dispose();
  return unpack(run, settings, flat, {
    step,
    slots,
    layerSlots,
    attentionSlots,
    histogramSlots,
    neuronSlots,
    sampleX,
    sampleIndex,
    domain,
    boundarySide,
    confusionCount,
    projection,
    filters,
    validation: validation?.data ?? null,
  });
}

interface Unpack {
  step: number;
  slots: Record<string, Slot>;
  layerSlots: { id: string; shape: number[]; fullShape: number[]; slot: Slot }[];
  attentionSlots: { layer: string; heads: number; length: number; slot: Slot }[];
  histogramSlots: { weight: string; slot: Slot }[];
  neuronSlots: { layer: string; units: number; slot: Slot }[];
  sampleX: Float32Array | null;
  sampleIndex: number | null;
  domain: [number, number, number, number] | null;
  boundarySide: number;
  confusionCount: number;
  projection: { id: string; rows: number; columns: number } | null;
  filters: { layer: string; shape: [number, number, number] } | null;
  validation: LabelledData | null;
}

function histogramOf(values: Float32Array) {
  return {
    counts: Int32Array.from(values.subarray(0, HISTOGRAM_BINS)),
    range: values[HISTOGRAM_BINS] ?? 0,
  };
}

function unpack(run: Run, settings: ProbeSettings, flat: Float32Array, u: Unpack): ProbeResult {
  const info = run.request.datasetInfo;
  const result: ProbeResult = { step: u.step };
  const labelsPer =
    u.validation && u.validation.count > 0 ? u.validation.y.length / u.validation.count : 1;
  // Axis labels: the dataset's vocabulary (texts, corpora) or its symbols (sequence tasks).
  const vocabulary = run.data.tokens ?? (info.inputIsTokens ? info.classes : null);
  const tokens = vocabulary ? [...vocabulary] : null;
  if (u.slots.output && u.sampleX) {
    const picked = settings.sample.kind === 'custom' ? settings.sample.label : undefined;
    const label =
      u.sampleIndex !== null && u.validation
        ? u.validation.y.slice(u.sampleIndex * labelsPer, (u.sampleIndex + 1) * labelsPer)
        : picked
          ? picked.slice()
          : null;
    result.sample = {
      index: u.sampleIndex,
      x: u.sampleX.slice(),
      label,
      output: cut(flat, u.slots.output),
      tokens: tokens ? Array.from(u.sampleX, (id) => tokens[id] ?? String(id)) : null,
    };
  }
  if (settings.views.activations && u.layerSlots.length > 0) {
    result.activations = u.layerSlots.map((l): LayerActivation => ({
      id: l.id,
      shape: l.shape,
      fullShape: l.fullShape,
      values: cut(flat, l.slot),
    }));
  }
  if (settings.views.attention && u.attentionSlots.length > 0) {
    result.attention = u.attentionSlots.map((a) => ({
      layer: a.layer,
      heads: a.heads,
      length: a.length,
      maps: cut(flat, a.slot),
    }));
  }
  const inputs = info.inputShape.reduce((a, b) => a * b, 1);
  if (u.slots.boundary && u.domain) {
    result.boundary = {
      size: u.boundarySide,
      domain: u.domain,
      outputs: cut(flat, u.slots.boundary),
      neurons: u.neuronSlots.map((n) => ({
        layer: n.layer,
        units: n.units,
        size: NEURON_GRID,
        maps: cut(flat, n.slot),
      })),
      points: run.data.train.x.slice(0, Math.min(BOUNDARY_POINTS, run.data.train.count) * inputs),
      labels: run.data.train.y.slice(0, Math.min(BOUNDARY_POINTS, run.data.train.count)),
    };
  }
  if (u.slots.confusion && u.validation) {
    const predicted = Int32Array.from(cut(flat, u.slots.confusion));
    const truth = Int32Array.from(u.validation.y.subarray(0, u.confusionCount * labelsPer));
    const classes = info.classes.length;
    result.confusion = {
      classes,
      matrix: confusionMatrix(truth, predicted, classes),
      indices: Int32Array.from({ length: predicted.length }, (_, i) => Math.floor(i / labelsPer)),
      truth,
      predicted,
    };
  }
  if (settings.views.histograms && u.histogramSlots.length > 0) {
    const grads = u.slots.grads ? cut(flat, u.slots.grads) : null;
    const row = HISTOGRAM_BINS + 1;
    result.histograms = u.histogramSlots.map((h, i) => ({
      weight: h.weight,
      weights: histogramOf(cut(flat, h.slot)),
      grads: grads ? histogramOf(grads.subarray(i * row, (i + 1) * row)) : null,
    }));
  }
  if (u.slots.filters && u.filters) {
    result.filters = { ...u.filters, values: cut(flat, u.slots.filters) };
  }
  if (u.slots.projection && u.projection && u.validation) {
    const { rows, columns, id } = u.projection;
    const data = cut(flat, u.slots.projection);
    if (data.every(Number.isFinite)) {
      // Aligned with the previous update's axes, so the scatter does not flip between updates.
      const previous = previousAxes.get(run);
      const alignTo =
        previous?.layer === id && previous.columns === columns ? previous.axes : undefined;
      const projected = pca(data, rows, columns, 2, alignTo ? { alignTo } : {});
      previousAxes.set(run, { layer: id, columns, axes: projected.components });
      result.projection = {
        layer: id,
        points: projected.projected,
        labels:
          info.task === 'classification'
            ? Int32Array.from(u.validation.y.subarray(0, rows))
            : new Int32Array(rows),
        explainedRatio: projected.explainedRatio,
      };
    }
  }
  return result;
}

/**
 * The second half of a probe cycle, on the CPU: the flat readback cut into the typed arrays each
 * view takes, with what only the CPU has added (labels, tokens, the confusion counts, the PCA).
 */
import type { LabelledData } from '../../data/types';
import { confusionMatrix } from '../../models/evaluation/confusion';
import { pca } from '../../models/evaluation/pca';
import type { LayerActivation, ProbeResult, ProbeSettings } from '../../shared/protocol';
import type { Run } from '../run';
import { HISTOGRAM_BINS } from './gpuStats';
import { cut, type Slot } from './packer';
import { BOUNDARY_POINTS, NEURON_GRID } from './probeLimits';
import { decodeCharacters, GENERATION_TEMPERATURE } from './generateText';

/** The previous PCA axes of each run, so the scatter keeps its orientation between updates. */
const previousAxes = new WeakMap<Run, { layer: string; columns: number; axes: Float32Array }>();

export interface Unpack {
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
  /** The window of real text the generated characters continue. */
  generationPrompt: Float32Array | null;
  validation: LabelledData | null;
}

function histogramOf(values: Float32Array) {
  return {
    counts: Int32Array.from(values.subarray(0, HISTOGRAM_BINS)),
    range: values[HISTOGRAM_BINS] ?? 0,
  };
}

export function unpack(
  run: Run,
  settings: ProbeSettings,
  flat: Float32Array,
  u: Unpack,
): ProbeResult {
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
  if (u.slots.generation && u.generationPrompt && tokens) {
    result.generation = {
      prompt: decodeCharacters(u.generationPrompt, tokens),
      text: decodeCharacters(cut(flat, u.slots.generation), tokens),
      temperature: GENERATION_TEMPERATURE,
    };
  }
  return result;
}

/**
 * Per-weight histograms of the weights, and of their gradients at the latest training step (which
 * the trainer keeps when asked: each cycle asks for the next step's).
 */
import { HISTOGRAM_BINS, symmetricHistogram } from '../gpuStats';
import { cut, type Slot } from '../packer';
import type { ProbeView } from './types';

interface Packed {
  weights: { weight: string; slot: Slot }[];
  /** [weights, bins + 1] gradient histograms; null before a step kept them. */
  grads: Slot | null;
}

/** One histogram as symmetricHistogram packs it: the bin counts, then the range. */
function histogramOf(values: Float32Array) {
  return {
    counts: Int32Array.from(values.subarray(0, HISTOGRAM_BINS)),
    range: values[HISTOGRAM_BINS] ?? 0,
  };
}

/**
 * A weight's name as the views show it: tfjs appends "_3" to a variable's name when an earlier
 * model (this worker builds one a run) used it, so a third run's "dense_1/kernel" reads
 * "dense_1/kernel_3". The layer's own name stays (it tells layers apart); the counter goes.
 */
export function weightLabel(name: string): string {
  return name.replace(/_\d+$/, (suffix, at: number) => (name.lastIndexOf('/') < at ? '' : suffix));
}

export const histograms: ProbeView<'histograms', Packed> = {
  part: 'histograms',
  wanted: (views) => views.histograms,
  compute({ run, packer }) {
    const weights = run.model.trainableWeights.map((weight) => ({
      weight: weightLabel(weight.name),
      slot: packer.add(symmetricHistogram(weight.read(), HISTOGRAM_BINS)),
    }));
    // Kept by the trainer outside this tidy: freed here once packed (the packed copy is the tidy's).
    const gradStats = run.trainer.takeGradientStats();
    const grads = gradStats ? packer.add(gradStats) : null;
    gradStats?.dispose();
    // Asks the next training step for fresh gradient histograms.
    run.trainer.requestGradientStats();
    return weights.length > 0 ? { weights, grads } : null;
  },
  unpack(flat, { weights, grads }) {
    const gradValues = grads ? cut(flat, grads) : null;
    const row = HISTOGRAM_BINS + 1;
    return weights.map((h, i) => ({
      weight: h.weight,
      weights: histogramOf(cut(flat, h.slot)),
      grads: gradValues ? histogramOf(gradValues.subarray(i * row, (i + 1) * row)) : null,
    }));
  },
};

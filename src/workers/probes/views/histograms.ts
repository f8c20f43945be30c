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

export const histograms: ProbeView<'histograms', Packed> = {
  part: 'histograms',
  wanted: (views) => views.histograms,
  compute({ run, packer }) {
    const weights = run.model.trainableWeights.map((weight) => ({
      // The name before tfjs's counter: an earlier model in this worker (one a run) makes a third
      // run's "dense_1/kernel" read "dense_1/kernel_3".
      weight: weight.originalName,
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

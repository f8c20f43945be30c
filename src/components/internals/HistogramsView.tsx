import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerHistograms, ProbeResult } from '../../shared/protocol';
import { FeatureMaps } from '../canvas/FeatureMaps';
import { HistogramTimeline } from '../canvas/HistogramTimeline';
import { rebinSymmetric } from './rebin';

/** Snapshots kept per weight: enough to see a trend, bounded so memory stays flat. */
const MAX_SNAPSHOTS = 80;

interface Snapshot {
  step: number;
  counts: Int32Array;
  range: number;
}

/**
 * Per-weight histograms of the gradients over time (vanishing gradients collapse to a spike at 0
 * in the early layers; exploding ones spread out) and of the weights now, plus the first conv
 * layer's filters.
 */
export function HistogramsView({ probe }: { probe: ProbeResult | null }) {
  const { t } = useTranslation();
  // History lives here, not in the store: only this view needs it, and only while it is open.
  // It is derived state, updated during render when a result for a new step arrives.
  const [history, setHistory] = useState({
    step: -1,
    grads: new Map<string, Snapshot[]>(),
    weights: new Map<string, Snapshot[]>(),
  });
  const histograms = probe?.histograms;
  if (probe && histograms && probe.step !== history.step) {
    const grads = new Map(history.grads);
    const weights = new Map(history.weights);
    const append = (
      into: Map<string, Snapshot[]>,
      name: string,
      counts: Int32Array,
      range: number,
    ) =>
      into.set(
        name,
        [...(into.get(name) ?? []), { step: probe.step, counts, range }].slice(-MAX_SNAPSHOTS),
      );
    for (const h of histograms) {
      append(weights, h.weight, h.weights.counts, h.weights.range);
      if (h.grads) append(grads, h.weight, h.grads.counts, h.grads.range);
    }
    setHistory({ step: probe.step, grads, weights });
  }
  const [allWeights, setAllWeights] = useState(false);
  if (!histograms) return <p className="hint">{t('histograms.noRun')}</p>;
  // The weight matrices tell the vanishing-gradient story; biases and norm scales are optional.
  const main = histograms.filter((h) => isMainWeight(h.weight));
  const shown = allWeights ? histograms : main;
  return (
    <div className="histograms-view" data-testid="histograms-view">
      {probe?.filters && (
        <FeatureMaps
          values={probe.filters.values}
          height={probe.filters.shape[0]}
          width={probe.filters.shape[1]}
          channels={probe.filters.shape[2]}
          maxMaps={32}
          label={t('histograms.filtersLabel', { layer: probe.filters.layer })}
          testId="conv-filters"
        />
      )}
      <label className="field-bool">
        <input
          type="checkbox"
          checked={allWeights}
          onChange={(e) => setAllWeights(e.target.checked)}
        />
        {t('histograms.showAll', { count: histograms.length - main.length })}
      </label>
      {shown.map((h) => (
        <WeightRow
          key={h.weight}
          histogram={h}
          snapshots={history.grads.get(h.weight) ?? []}
          weightSnapshots={history.weights.get(h.weight) ?? []}
        />
      ))}
    </div>
  );
}

/** Kernels and embedding tables: the weights a layer multiplies its input by. */
function isMainWeight(name: string): boolean {
  return /kernel|embeddings/i.test(name);
}

/** Snapshots as [snapshots, bins] counts over one common symmetric range. */
function timeline(snapshots: Snapshot[], bins: number): { counts: Float32Array; range: number } {
  const range = Math.max(1e-12, ...snapshots.map((s) => s.range));
  const counts = new Float32Array(snapshots.length * bins);
  snapshots.forEach((s, i) => counts.set(rebinSymmetric(s.counts, s.range, range, bins), i * bins));
  return { counts, range };
}

function WeightRow({
  histogram,
  snapshots,
  weightSnapshots,
}: {
  histogram: LayerHistograms;
  snapshots: Snapshot[];
  weightSnapshots: Snapshot[];
}) {
  const { t } = useTranslation();
  const [showWeights, setShowWeights] = useState(false);
  const bins = histogram.weights.counts.length;
  const { counts, range: common } = timeline(snapshots, bins);
  const latest = snapshots.at(-1);
  return (
    <figure className="weight-row" data-testid="weight-histograms" data-weight={histogram.weight}>
      <figcaption>
        {latest
          ? t('histograms.captionWithGradients', {
              weight: histogram.weight,
              weights: histogram.weights.range.toPrecision(3),
              gradients: latest.range.toPrecision(3),
              step: latest.step,
            })
          : t('histograms.caption', {
              weight: histogram.weight,
              weights: histogram.weights.range.toPrecision(3),
            })}
      </figcaption>
      <HistogramTimeline
        counts={counts}
        snapshots={snapshots.length}
        bins={bins}
        range={[-common, common]}
        steps={snapshots.map((s) => s.step)}
        valueLabel={t('histograms.gradient')}
        timeLabel={t('histograms.step')}
        emptyLabel={t('histograms.noGradients')}
        height={90}
        label={t('histograms.gradientsLabel', { weight: histogram.weight })}
      />
      <details onToggle={(e) => setShowWeights(e.currentTarget.open)}>
        <summary className="hint">{t('histograms.weightsOverTime')}</summary>
        {showWeights && (
          <WeightTimeline name={histogram.weight} snapshots={weightSnapshots} bins={bins} />
        )}
      </details>
    </figure>
  );
}

function WeightTimeline({
  name,
  snapshots,
  bins,
}: {
  name: string;
  snapshots: Snapshot[];
  bins: number;
}) {
  const { t } = useTranslation();
  const { counts, range } = timeline(snapshots, bins);
  return (
    <HistogramTimeline
      counts={counts}
      snapshots={snapshots.length}
      bins={bins}
      range={[-range, range]}
      steps={snapshots.map((s) => s.step)}
      valueLabel={t('histograms.weight')}
      timeLabel={t('histograms.step')}
      height={90}
      label={t('histograms.weightsLabel', { weight: name })}
    />
  );
}

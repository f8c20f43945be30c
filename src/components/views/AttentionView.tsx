import { useState } from 'react';
import type { ProbeResult } from '../../workers/protocol';
import { HeadGrid } from '../internals/HeadGrid';
import { Heatmap } from '../internals/Heatmap';
import { headFocus } from './attentionStats';

/** Every attention layer's heads for the sample: a grid to compare them, one enlarged with tokens. */
export function AttentionView({ probe }: { probe: ProbeResult | null }) {
  const [layerIndex, setLayerIndex] = useState(0);
  const [head, setHead] = useState(0);
  const layers = probe?.attention ?? [];
  if (layers.length === 0) {
    return <p className="hint">Train (or press Step) to see where each head looks.</p>;
  }
  const layer = layers[Math.min(layerIndex, layers.length - 1)];
  if (!layer) return null;
  const { heads, length, maps } = layer;
  const perHead = Array.from({ length: heads }, (_, h) =>
    maps.subarray(h * length * length, (h + 1) * length * length),
  );
  const tokens = probe?.sample?.tokens ?? undefined;
  const focus = headFocus(maps, heads, length);
  const selected = Math.min(head, heads - 1);
  const best = Math.max(...focus.map((f) => f.mirror));
  return (
    <div
      className="attention-view"
      data-testid="attention-view"
      data-mirror-mass={best.toFixed(4)}
      data-diagonal-mass={Math.max(...focus.map((f) => f.diagonal)).toFixed(4)}
    >
      {layers.length > 1 && (
        <label className="field">
          <span className="field-label">Attention layer</span>
          <select value={layerIndex} onChange={(e) => setLayerIndex(Number(e.target.value))}>
            {layers.map((l, i) => (
              <option key={l.layer} value={i}>
                {l.layer}
              </option>
            ))}
          </select>
        </label>
      )}
      <HeadGrid
        maps={perHead}
        rows={length}
        cols={length}
        selected={selected}
        onSelect={setHead}
        titles={focus.map((f, h) => `Head ${h + 1} · mirror ${(f.mirror * 100).toFixed(0)} %`)}
        label={`The ${heads} heads of ${layer.layer}`}
        testId="attention-heads"
      />
      <Heatmap
        values={perHead[selected] ?? new Float32Array(0)}
        rows={length}
        cols={length}
        rowLabels={tokens}
        colLabels={tokens}
        xTitle="attends to (key)"
        yTitle="position (query)"
        showScale
        scaleCaption="attention weight"
        label={`Head ${selected + 1} of ${layer.layer}: each row's weights over the positions`}
        testId="attention-map"
      />
      <p className="hint">
        Mean weight on the mirrored position (reversal):{' '}
        {focus.map((f) => `${(f.mirror * 100).toFixed(0)} %`).join(', ')}; on the same position
        (copying): {focus.map((f) => `${(f.diagonal * 100).toFixed(0)} %`).join(', ')}. Chance is{' '}
        {(100 / length).toFixed(1)} %.
      </p>
    </div>
  );
}

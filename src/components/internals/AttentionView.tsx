import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { ProbeResult } from '../../shared/protocol';
import { HeadGrid } from '../canvas/HeadGrid';
import { Heatmap } from '../canvas/Heatmap';
import { headFocus } from './attentionStats';

/** Every attention layer's heads for the sample: a grid to compare them, one enlarged with tokens. */
export function AttentionView({ probe }: { probe: ProbeResult | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [layerIndex, setLayerIndex] = useState(0);
  const [head, setHead] = useState(0);
  const layers = probe?.attention ?? [];
  if (layers.length === 0) {
    return <p className="hint">{t('attention.noRun')}</p>;
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
          <span className="field-label">{t('attention.layer')}</span>
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
        titles={focus.map((f, h) =>
          t('attention.headTitle', { head: h + 1, percent: format.percent(f.mirror, 0) }),
        )}
        label={t('attention.heads', { count: heads, layer: layer.layer })}
        testId="attention-heads"
      />
      <Heatmap
        values={perHead[selected] ?? new Float32Array(0)}
        rows={length}
        cols={length}
        rowLabels={tokens}
        colLabels={tokens}
        xTitle={t('attention.xTitle')}
        yTitle={t('attention.yTitle')}
        showScale
        scaleCaption={t('attention.scale')}
        label={t('attention.mapLabel', { head: selected + 1, layer: layer.layer })}
        testId="attention-map"
      />
      <p className="hint">
        {t('attention.summary', {
          mirror: focus.map((f) => format.percent(f.mirror, 0)).join(t('common.listSeparator')),
          diagonal: focus.map((f) => format.percent(f.diagonal, 0)).join(t('common.listSeparator')),
          chance: format.percent(1 / length, 1),
        })}
      </p>
    </div>
  );
}

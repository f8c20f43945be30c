import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/useMessage';
import { useFormat } from '../i18n/useFormat';
import { LAYER_KINDS, LAYER_TYPES } from '../models/layerRegistry';
import { formatShape, INPUT_ID, type LayerKind } from '../models/spec';
import { useStore } from '../state/store';
import { useAnalysis, useDatasetInfo } from '../state/useAnalysis';
import { LayerCard } from './LayerCard';
import type { LayerRefOption } from './LayerField';
import { layerGroup, layerLabel, layerSummary } from './layerText';
import { formatBytes } from '../data/import/limits';
import { useDisplayPrefs } from '../state/displayPrefs';
import { useLayerSelection } from '../state/layerSelection';
import { ModelGraph } from './lazyGraph';

const GROUPS = ['Core', 'Convolution', 'Normalization', 'Sequence', 'Merge', 'Blocks'] as const;

/** The layer designer: the input, the stack of layers, an "add layer" row, and the totals. */
export function Designer() {
  const { t } = useTranslation();
  const show = useMessage();
  const format = useFormat();
  const spec = useStore((s) => s.spec);
  const addLayer = useStore((s) => s.addLayer);
  const removeLayer = useStore((s) => s.removeLayer);
  const listRef = useRef<HTMLOListElement>(null);
  const addKindRef = useRef<HTMLSelectElement>(null);
  // A removed layer takes its focused button with it: focus goes to the remove button of the
  // layer now in its place (or the one above, or the layer-type list when none is left).
  const removedAt = useRef<number | null>(null);
  const onRemove = useCallback(
    (id: string, index: number) => {
      removedAt.current = index;
      removeLayer(id);
    },
    [removeLayer],
  );
  useLayoutEffect(() => {
    const at = removedAt.current;
    if (at === null) return;
    removedAt.current = null;
    const cards = listRef.current?.children;
    const card = cards?.[Math.min(at, cards.length - 1)];
    (card?.querySelector<HTMLElement>('.layer-remove') ?? addKindRef.current)?.focus();
  }, [spec.layers]);
  const analysis = useAnalysis();
  const view = useDisplayPrefs((s) => s.designerView);
  const setView = useDisplayPrefs((s) => s.setDesignerView);
  const selected = useLayerSelection((s) => s.selected);
  const openCard = useLayerSelection((s) => s.openCard);
  const [kind, setKind] = useState<LayerKind>('dense');
  const dataset = useDatasetInfo();
  const byId = new Map(analysis.layers.map((l) => [l.id, l]));
  // For each layer, what a merge in it may take input from: the input and the layers above it.
  const refOptions = useMemo(() => {
    const all: LayerRefOption[] = [
      { id: INPUT_ID, label: t('designer.input') },
      ...spec.layers.map((l, i) => ({
        id: l.id,
        label: t('designer.refOption', { index: i + 1, name: layerLabel(t, l.kind) }),
      })),
    ];
    return spec.layers.map((_, i) => all.slice(0, i + 1));
  }, [spec.layers, t]);
  const graphView = view === 'graph';
  const selectedIndex = spec.layers.findIndex((l) => l.id === selected);
  // The graph view shows one card, the selected layer's; the list view every card.
  const shownLayers = graphView
    ? selectedIndex >= 0
      ? [selectedIndex]
      : []
    : spec.layers.map((_, i) => i);
  // In the graph view a new layer goes after the selected one, and its card opens.
  const insertAt = graphView && selectedIndex >= 0 ? selectedIndex + 1 : undefined;
  const add = () => {
    addLayer(kind, insertAt);
    const added =
      useStore.getState().spec.layers[insertAt ?? useStore.getState().spec.layers.length - 1];
    if (graphView && added) openCard(added.id);
  };

  return (
    <section className="panel designer" aria-labelledby="designer-title">
      <div className="designer-head">
        <h2 id="designer-title">{t('designer.title')}</h2>
        <div className="view-switch" role="group" aria-label={t('graph.views')}>
          {(['list', 'graph'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              data-testid={`designer-view-${v}`}
              onClick={() => setView(v)}
            >
              {t(v === 'list' ? 'graph.viewList' : 'graph.viewGraph')}
            </button>
          ))}
        </div>
      </div>
      {graphView && <ModelGraph />}
      <div className="layer-columns" aria-hidden="true">
        <span>{t('designer.columnLayer')}</span>
        <span>{t('designer.columnShape')}</span>
        <span>{t('designer.columnParams')}</span>
      </div>
      {!graphView && (
        <div className="input-row" data-testid="input-row">
          <span className="layer-title">{t('designer.input')}</span>
          <span className="layer-shape">{formatShape(dataset.inputShape)}</span>
          <span className="layer-params">0</span>
        </div>
      )}
      <ol className="layer-list" ref={listRef}>
        {shownLayers.map((index) => {
          const layer = spec.layers[index]!;
          return (
            <LayerCard
              key={layer.id}
              layer={layer}
              index={index}
              count={spec.layers.length}
              analysis={byId.get(layer.id)}
              refOptions={refOptions[index] ?? []}
              onRemove={onRemove}
            />
          );
        })}
      </ol>
      {graphView && selectedIndex < 0 && (
        <p className="hint" data-testid="graph-pick-layer">
          {t('graph.pickLayer')}
        </p>
      )}
      <div className="add-layer">
        <label>
          <span className="sr-only">{t('designer.addKind')}</span>
          <select
            value={kind}
            ref={addKindRef}
            data-testid="add-layer-kind"
            onChange={(e) => setKind(e.target.value as LayerKind)}
          >
            {GROUPS.map((group) => (
              <optgroup key={group} label={layerGroup(t, group)}>
                {LAYER_KINDS.filter((k) => LAYER_TYPES[k].group === group).map((k) => (
                  <option key={k} value={k}>
                    {layerLabel(t, k)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <button type="button" data-testid="add-layer" onClick={add}>
          {insertAt === undefined
            ? t('designer.add', { name: layerLabel(t, kind) })
            : t('graph.addAfter', { name: layerLabel(t, kind), index: insertAt })}
        </button>
        <span className="hint">{layerSummary(t, kind)}</span>
      </div>
      <div className="totals">
        <span>{t('designer.totalParams')}</span>
        <strong
          data-testid="total-params"
          data-value={analysis.totalParams}
          data-complete={analysis.paramsKnown}
          title={analysis.paramsKnown ? undefined : t('designer.totalParamsPartialTitle')}
        >
          {analysis.paramsKnown
            ? format.integer(analysis.totalParams)
            : t('designer.totalParamsPartial', { total: format.integer(analysis.totalParams) })}
        </strong>
        {analysis.nonTrainableParams > 0 && analysis.paramsKnown && (
          <span className="params-split" data-testid="params-split">
            {t('designer.paramsSplit', {
              trainable: format.integer(analysis.totalParams - analysis.nonTrainableParams),
              frozen: format.integer(analysis.nonTrainableParams),
            })}
          </span>
        )}
        {analysis.memory && (
          <span
            className="memory"
            data-testid="training-memory"
            data-value={analysis.memory.total}
            title={t('designer.memoryTitle', {
              weights: formatBytes(analysis.memory.weights),
              gradients: formatBytes(analysis.memory.gradients),
              optimizer: formatBytes(analysis.memory.optimizer),
              activations: formatBytes(analysis.memory.activations),
            })}
          >
            {t('designer.memory', { total: formatBytes(analysis.memory.total) })}
          </span>
        )}
      </div>
      {analysis.modelProblems.map(show).map((problem) => (
        <p key={problem} className="model-problem" data-testid="model-problem" role="alert">
          {problem}
        </p>
      ))}
      {analysis.warnings.map(show).map((warning) => (
        <p key={warning} className="model-warning" data-testid="model-warning">
          {warning}
        </p>
      ))}
    </section>
  );
}

import { memo, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/useMessage';
import { useFormat } from '../i18n/useFormat';
import { LAYER_TYPES, type FieldSpec } from '../models/layerRegistry';
import { isBlock } from '../models/layerTypes/blocks';
import { formatPartialShape } from '../models/sketchShape';
import type { LayerSpec } from '../models/spec';
import type { LayerAnalysis } from '../models/analyze';
import { useStore } from '../state/store';
import { useLayerSelection } from '../state/layerSelection';
import { LayerField, type LayerRefOption } from './LayerField';
import { fieldLabel, layerLabel, layerSummary, optionLabels } from './layerText';

/** Kernel options are folded away: most students never need them. */
const ADVANCED_KEYS = new Set(['kernelInitializer', 'l1', 'l2']);

interface Props {
  layer: LayerSpec;
  index: number;
  count: number;
  analysis: LayerAnalysis | undefined;
  /** The input and the layers above this one, for merges' "skip from". */
  refOptions: readonly LayerRefOption[];
  /** Removes the layer; the designer then moves focus to the layer that takes its place. */
  onRemove: (id: string, index: number) => void;
}

function fieldValue(layer: LayerSpec, key: string): unknown {
  return (layer as unknown as Record<string, unknown>)[key];
}

/** One layer of the design: its settings, output shape, parameter count and any problem. */
export const LayerCard = memo(function LayerCard({
  layer,
  index,
  count,
  analysis,
  refOptions,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const show = useMessage();
  const format = useFormat();
  const updateLayer = useStore((s) => s.updateLayer);
  const moveLayer = useStore((s) => s.moveLayer);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // After a move, focus stays on this layer's arrow. At the top or the bottom that arrow is now
  // disabled, which would drop focus to the page: the other arrow takes it instead.
  const refocus = useRef<'up' | 'down' | null>(null);
  useLayoutEffect(() => {
    const wanted = refocus.current;
    if (wanted === null) return;
    refocus.current = null;
    const [first, other] = wanted === 'up' ? [upRef, downRef] : [downRef, upRef];
    (first.current?.disabled ? other : first).current?.focus();
  }, [index, count]);
  const move = (direction: 'up' | 'down') => {
    refocus.current = direction;
    moveLayer(layer.id, direction === 'up' ? -1 : 1);
  };
  const expandBlock = useStore((s) => s.expandBlock);
  const type = LAYER_TYPES[layer.kind];
  const problem = analysis?.problem ?? null;
  const change = (key: string) => (value: unknown) =>
    updateLayer(layer.id, { [key]: value } as Partial<LayerSpec>);
  const renderField = (field: FieldSpec) => (
    <LayerField
      key={field.key}
      field={field}
      label={fieldLabel(t, layer.kind, field)}
      optionLabels={optionLabels(t, field)}
      value={fieldValue(layer, field.key)}
      refOptions={refOptions}
      onChange={change(field.key)}
    />
  );
  const mainFields = type.fields.filter((f) => !ADVANCED_KEYS.has(f.key));
  const advancedFields = type.fields.filter((f) => ADVANCED_KEYS.has(f.key));
  const selected = useLayerSelection((s) => s.selected === layer.id);
  const select = useLayerSelection((s) => s.select);
  const focusRequest = useLayerSelection((s) => (s.selected === layer.id ? s.focusRequest : 0));
  const cardRef = useRef<HTMLLIElement>(null);
  // The graph asked for this card (a click on its node): bring it into view and focus it.
  useLayoutEffect(() => {
    if (focusRequest === 0) return;
    cardRef.current?.scrollIntoView({ block: 'nearest' });
    cardRef.current?.focus({ preventScroll: true });
  }, [focusRequest]);
  return (
    <li
      ref={cardRef}
      tabIndex={-1}
      onFocus={() => selected || select(layer.id)}
      className={`layer-card kind-${layer.kind}${problem ? ' has-problem' : ''}${selected ? ' is-selected' : ''}`}
      data-testid="layer-card"
      data-layer-id={layer.id}
      data-kind={layer.kind}
      aria-label={t('layerCard.label', { index: index + 1, name: layerLabel(t, layer.kind) })}
    >
      <div className="layer-head">
        <span className="layer-index">{index + 1}</span>
        <span className="layer-title" title={layerSummary(t, layer.kind)}>
          {layerLabel(t, layer.kind)}
        </span>
        <span
          className="layer-shape"
          data-testid="layer-shape"
          title={t(
            analysis?.outputShape || !analysis
              ? 'layerCard.shapeTitle'
              : 'layerCard.shapePartialTitle',
          )}
        >
          {formatPartialShape(analysis?.sketch.shape ?? null)}
        </span>
        <span
          className="layer-params"
          data-testid="layer-params"
          title={t('layerCard.paramsTitle')}
        >
          {analysis?.sketch.params === null ? '?' : format.integer(analysis?.sketch.params ?? 0)}
        </span>
        <span className="layer-actions">
          <button
            type="button"
            className="icon"
            data-testid="layer-up"
            ref={upRef}
            aria-label={t('layerCard.moveUp', { index: index + 1 })}
            disabled={index === 0}
            onClick={() => move('up')}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            data-testid="layer-down"
            ref={downRef}
            aria-label={t('layerCard.moveDown', { index: index + 1 })}
            disabled={index === count - 1}
            onClick={() => move('down')}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon danger layer-remove"
            data-testid="layer-remove"
            aria-label={t('layerCard.remove', { index: index + 1 })}
            onClick={() => onRemove(layer.id, index)}
          >
            ×
          </button>
        </span>
      </div>
      {mainFields.length > 0 && <div className="layer-fields">{mainFields.map(renderField)}</div>}
      {advancedFields.length > 0 && (
        <details className="layer-advanced">
          <summary>{t('layerCard.advanced')}</summary>
          <div className="layer-fields">{advancedFields.map(renderField)}</div>
        </details>
      )}
      {isBlock(layer) && (
        <button
          type="button"
          className="expand"
          data-testid="layer-expand"
          onClick={() => expandBlock(layer.id)}
        >
          {t('layerCard.expand')}
        </button>
      )}
      {problem && (
        <p className="layer-problem" data-testid="layer-problem" role="alert">
          {show(problem)}
          {analysis?.fix && (
            <button
              type="button"
              className="layer-fix"
              data-testid="layer-fix"
              onClick={() =>
                updateLayer(layer.id, analysis.fix?.patch as unknown as Partial<LayerSpec>)
              }
            >
              {show(analysis.fix.label)}
            </button>
          )}
        </p>
      )}
    </li>
  );
});

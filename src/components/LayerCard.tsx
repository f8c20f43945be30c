import { memo } from 'react';
import { LAYER_TYPES, type FieldSpec } from '../models/layerRegistry';
import { formatShape, type LayerSpec } from '../models/spec';
import type { LayerAnalysis } from '../models/analyze';
import { useStore } from '../state/store';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

interface Props {
  layer: LayerSpec;
  index: number;
  count: number;
  analysis: LayerAnalysis | undefined;
}

function fieldValue(layer: LayerSpec, key: string): unknown {
  return (layer as unknown as Record<string, unknown>)[key];
}

/** One layer of the design: its settings, output shape, parameter count and any problem. */
export const LayerCard = memo(function LayerCard({ layer, index, count, analysis }: Props) {
  const updateLayer = useStore((s) => s.updateLayer);
  const removeLayer = useStore((s) => s.removeLayer);
  const moveLayer = useStore((s) => s.moveLayer);
  const type = LAYER_TYPES[layer.kind];
  const problem = analysis?.problem ?? null;
  const renderField = (field: FieldSpec) => {
    const testId = `layer-field-${field.key}`;
    if (field.type === 'enum') {
      return (
        <SelectField
          key={field.key}
          label={field.label}
          value={String(fieldValue(layer, field.key))}
          options={field.options}
          testId={testId}
          onChange={(value) => updateLayer(layer.id, { [field.key]: value } as Partial<LayerSpec>)}
        />
      );
    }
    return (
      <NumberField
        key={field.key}
        label={field.label}
        value={Number(fieldValue(layer, field.key))}
        min={field.min}
        max={field.max}
        step={field.type === 'float' ? field.step : 1}
        testId={testId}
        onChange={(value) => updateLayer(layer.id, { [field.key]: value } as Partial<LayerSpec>)}
      />
    );
  };
  return (
    <li
      className={`layer-card kind-${layer.kind}${problem ? ' has-problem' : ''}`}
      data-testid="layer-card"
      data-layer-id={layer.id}
      data-kind={layer.kind}
      aria-label={`Layer ${index + 1}: ${type.label}`}
    >
      <div className="layer-head">
        <span className="layer-index">{index + 1}</span>
        <span className="layer-title" title={type.summary}>
          {type.label}
        </span>
        <span
          className="layer-shape"
          data-testid="layer-shape"
          title="Output shape (without the batch dimension)"
        >
          {analysis?.outputShape ? formatShape(analysis.outputShape) : '—'}
        </span>
        <span
          className="layer-params"
          data-testid="layer-params"
          title="Trainable parameters, as Keras counts them"
        >
          {(analysis?.params ?? 0).toLocaleString('en-US')}
        </span>
        <span className="layer-actions">
          <button
            type="button"
            className="icon"
            data-testid="layer-up"
            aria-label={`Move layer ${index + 1} up`}
            disabled={index === 0}
            onClick={() => moveLayer(layer.id, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon"
            data-testid="layer-down"
            aria-label={`Move layer ${index + 1} down`}
            disabled={index === count - 1}
            onClick={() => moveLayer(layer.id, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon danger"
            data-testid="layer-remove"
            aria-label={`Remove layer ${index + 1}`}
            onClick={() => removeLayer(layer.id)}
          >
            ×
          </button>
        </span>
      </div>
      {type.fields.length > 0 && <div className="layer-fields">{type.fields.map(renderField)}</div>}
      {problem && (
        <p className="layer-problem" data-testid="layer-problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
});

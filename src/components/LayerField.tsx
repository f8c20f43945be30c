import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../models/layerRegistry';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

export interface LayerRefOption {
  id: string;
  label: string;
}

interface Props {
  field: FieldSpec;
  /** The field's label in the page's language. */
  label: string;
  /** Enum fields: each option's label in the page's language. */
  optionLabels?: Record<string, string> | undefined;
  value: unknown;
  /** For `layerRef` fields: the input and the layers above this one. */
  refOptions: readonly LayerRefOption[];
  onChange(value: unknown): void;
}

/** Defaults shown for optional fields a layer does not set (they match the builder's defaults). */
const OPTIONAL_DEFAULTS: Record<string, unknown> = {
  kernelInitializer: 'glorotUniform',
  l1: 0,
  l2: 0,
};

/** One editable setting of a layer, drawn according to its field type. */
export function LayerField({ field, label, optionLabels, value, refOptions, onChange }: Props) {
  const { t } = useTranslation();
  const shown = value ?? OPTIONAL_DEFAULTS[field.key];
  const testId = `layer-field-${field.key}`;
  switch (field.type) {
    case 'int':
    case 'float':
      return (
        <NumberField
          label={label}
          value={Number(shown)}
          min={field.min}
          max={field.max}
          step={field.type === 'float' ? field.step : 1}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'enum':
      return (
        <SelectField
          label={label}
          value={String(shown)}
          options={field.options}
          {...(optionLabels ? { labels: optionLabels } : {})}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'bool':
      return (
        <label className="field field-bool">
          <span className="field-label">{label}</span>
          <input
            type="checkbox"
            checked={Boolean(shown)}
            data-testid={testId}
            onChange={(e) => onChange(e.target.checked)}
          />
        </label>
      );
    case 'shape':
      return <ShapeField label={label} value={shown} testId={testId} onChange={onChange} />;
    case 'layerRef': {
      const known = refOptions.some((o) => o.id === shown);
      // A reference to a layer that is gone stays visible (and is reported), never silently re-pointed.
      const options = known
        ? refOptions
        : [
            ...refOptions,
            { id: String(shown), label: t('layerField.missing', { id: String(shown) }) },
          ];
      return (
        <SelectField
          label={label}
          value={String(shown)}
          options={options.map((o) => o.id)}
          labels={Object.fromEntries(options.map((o) => [o.id, o.label]))}
          testId={testId}
          onChange={onChange}
        />
      );
    }
    default: {
      const unknown: never = field;
      throw new Error(`Unknown field type: ${JSON.stringify(unknown)}`);
    }
  }
}

/** A list of whole numbers typed as "7, 7, 64"; text that does not parse stays local and is flagged. */
function ShapeField({
  label,
  value,
  testId,
  onChange,
}: {
  label: string;
  value: unknown;
  testId: string;
  onChange(value: number[]): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const asText = Array.isArray(value) ? value.join(', ') : '';
  const [text, setText] = useState(asText);
  const [shownValue, setShownValue] = useState(asText);
  if (asText !== shownValue) {
    setShownValue(asText);
    setText(asText);
  }
  const parts = text.split(/[,\s×x]+/).filter(Boolean);
  const numbers = parts.map(Number);
  const valid = parts.length > 0 && numbers.every((n) => Number.isFinite(n));
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input
        id={id}
        value={text}
        data-testid={testId}
        aria-invalid={!valid}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value
            .split(/[,\s×x]+/)
            .filter(Boolean)
            .map(Number);
          if (next.length > 0 && next.every((n) => Number.isFinite(n))) {
            setShownValue(next.join(', '));
            onChange(next);
          }
        }}
      />
      {!valid && (
        <span className="field-problem" role="alert">
          {t('layerField.shapeProblem')}
        </span>
      )}
    </label>
  );
}

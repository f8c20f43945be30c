import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../shared/messages/message';
import { useMessage } from '../i18n/useMessage';
import { useStore } from '../state/store';

interface Props {
  label: string;
  value: number;
  onChange(value: number): void;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** A problem with the current value, shown under the field. */
  problem?: Message | null | undefined;
  testId?: string;
  disabled?: boolean;
  /** The id of a text elsewhere that says what the field does (its accessible description). */
  describedBy?: string;
}

/**
 * A number input that keeps what the user typed: any finite number is passed on (validation shows
 * out-of-range values as problems); text that is not a number stays local and is flagged.
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step,
  problem,
  testId,
  disabled,
  describedBy,
}: Props) {
  const { t } = useTranslation();
  const show = useMessage();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  if (value !== shownValue) {
    // Follow outside changes (a preset, a reload) unless the text already means this value.
    setShownValue(value);
    if (Number(text) !== value || text.trim() === '') setText(String(value));
  }
  const parsed = text.trim() === '' ? NaN : Number(text);
  // A number input reports partial text ("1e", "-") as empty, so there may be nothing to quote.
  const localProblem = Number.isFinite(parsed)
    ? null
    : text.trim() === ''
      ? t('numberField.empty')
      : t('numberField.notANumber', { text });
  const notNumber = localProblem !== null;
  const setFieldNotNumber = useStore((s) => s.setFieldNotNumber);
  useEffect(() => {
    if (!notNumber) return;
    setFieldNotNumber(id, label);
    return () => setFieldNotNumber(id, null);
  }, [notNumber, id, label, setFieldNotNumber]);
  const shown = localProblem ?? (problem ? show(problem) : null);
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        disabled={disabled}
        data-testid={testId}
        aria-invalid={shown !== null}
        // Named by its label alone (the problem below sits inside the <label> too): a problem
        // is read as the field's description, and the field keeps its name while it shows one.
        aria-labelledby={`${id}-label`}
        aria-describedby={
          [describedBy, shown ? `${id}-problem` : null].filter(Boolean).join(' ') || undefined
        }
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim() === '' ? NaN : Number(e.target.value);
          if (Number.isFinite(next)) onChange(next);
        }}
      />
      {shown && (
        <span className="field-problem" role="alert" id={`${id}-problem`}>
          {shown}
        </span>
      )}
    </label>
  );
}

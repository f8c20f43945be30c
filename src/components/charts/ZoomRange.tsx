import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { XRange } from './curveData';

/** Slider positions across the data's x extent. */
const STEPS = 1000;

interface Props {
  /** The data's x extent. */
  extent: { min: number; max: number };
  /** The zoom in force (null: everything is shown). */
  range: { from: number; to: number } | null;
  onChange(range: XRange | null): void;
  formatX(x: number): string;
  /** What x counts (steps, epochs, seconds), for the sliders' names. */
  xLabel: string;
}

/**
 * Zooms a chart to an x range with two native sliders, "from" and "to": arrows, Page Up/Down,
 * Home and End work, and screen readers hear each end as an x value. The range is kept in x, so
 * it holds while a live run adds points; "to" at the right end follows the newest point.
 */
export function ZoomRange({ extent, range, onChange, formatX, xLabel }: Props) {
  const { t } = useTranslation();
  const span = extent.max - extent.min;
  const toStep = (x: number) => Math.round(((x - extent.min) / span) * STEPS);
  const toX = (step: number) => extent.min + (step / STEPS) * span;
  const from = range ? toStep(range.from) : 0;
  const to = range ? toStep(range.to) : STEPS;
  const set = (nextFrom: number, nextTo: number) => {
    const low = Math.min(nextFrom, nextTo - 1);
    const high = Math.max(nextTo, low + 1);
    onChange(
      low <= 0 && high >= STEPS
        ? null
        : { from: toX(Math.max(0, low)), to: toX(Math.min(STEPS, high)), toEnd: high >= STEPS },
    );
  };
  if (!(span > 0)) return null;
  return (
    <div className="zoom-range" role="group" aria-label={t('charts.zoom.label')}>
      <ZoomEnd
        label={t('charts.zoom.from', { axis: xLabel })}
        position={from}
        valueText={formatX(toX(from))}
        testId="zoom-from"
        onChange={(position) => set(position, to)}
      />
      <ZoomEnd
        label={t('charts.zoom.to', { axis: xLabel })}
        position={to}
        valueText={formatX(toX(to))}
        testId="zoom-to"
        onChange={(position) => set(from, position)}
      />
      <button type="button" disabled={!range} onClick={() => onChange(null)}>
        {t('charts.zoom.reset')}
      </button>
    </div>
  );
}

/** One end of the zoom: a labelled slider over STEPS positions, its x value written beside it. */
function ZoomEnd(props: {
  label: string;
  position: number;
  valueText: string;
  testId: string;
  onChange(position: number): void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={STEPS}
        value={props.position}
        aria-valuetext={props.valueText}
        data-testid={props.testId}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <output htmlFor={id}>{props.valueText}</output>
    </>
  );
}

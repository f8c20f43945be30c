import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DIVERGING, type ColourMap } from './colourMaps';
import { describeStep } from './formatValue';
import { Heatmap } from './Heatmap';
import type { Range, RangeSpec } from './valueRange';

interface Props {
  /** Hidden states [steps, units] row-major, as a recurrent layer returning sequences gives them. */
  values: Float32Array;
  steps: number;
  units: number;
  /** One label per time step (e.g. the input tokens), drawn along the time axis. */
  stepLabels?: readonly string[] | undefined;
  /** Default [-1, 1]: the tanh range of RNN, LSTM and GRU states. */
  range?: RangeSpec | undefined;
  colourMap?: ColourMap | undefined;
  /** Height of one unit's row, CSS pixels. */
  rowHeight?: number | undefined;
  label: string;
  testId?: string | undefined;
}

const TANH_RANGE: Range = [-1, 1];

/**
 * A recurrent layer's hidden state over time: time runs left to right, one row per unit, so a
 * unit that switches on at a particular token shows as a change along its row. The [steps, units]
 * array is drawn transposed in place, never copied.
 */
export function SequenceStates({
  values,
  steps,
  units,
  stepLabels,
  range = TANH_RANGE,
  colourMap = DIVERGING,
  rowHeight,
  label,
  testId = 'sequence-states',
}: Props) {
  const { t } = useTranslation();
  const describe = useCallback(
    (unit: number, step: number, value: number) =>
      describeStep(step, unit, value, stepLabels, {
        withToken: (s, token, u, v) =>
          t('views.stepTooltip', { step: s, token, unit: u, value: v }),
        plain: (s, u, v) => t('views.stepTooltipPlain', { step: s, unit: u, value: v }),
      }),
    [stepLabels, t],
  );
  return (
    <Heatmap
      values={values}
      rows={units}
      cols={steps}
      transpose
      colLabels={stepLabels}
      range={range}
      colourMap={colourMap}
      cellHeight={rowHeight ?? Math.min(12, Math.max(2, Math.floor(240 / Math.max(1, units))))}
      maxCellSize={28}
      showValues="never"
      xTitle={t('views.timeAxis')}
      yTitle={t('views.unitAxis')}
      scaleCaption={t('views.state')}
      describe={describe}
      label={label}
      testId={testId}
    />
  );
}

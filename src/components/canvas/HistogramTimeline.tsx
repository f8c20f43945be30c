import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CellHighlight } from './CellHighlight';
import { ColourScale } from './ColourScale';
import { prepareCanvas, ScratchImage } from './canvasSetup';
import { SEQUENTIAL } from './colourMaps';
import { formatValue } from './formatValue';
import { cellAt, cellRect, type Cell } from './gridLayout';
import { binOfRow, describeBin, maxCount, timelineGrid, timelinePlot } from './histogramTimeline';
import { drawTimeline } from './histogramTimelineDraw';
import { localPoint } from './pointer';
import { Tooltip } from './Tooltip';
import { useElementWidth } from './useElementWidth';
import type { Range } from './valueRange';

interface Props {
  /** Counts [snapshots, bins] row-major: one histogram per snapshot, oldest first. */
  counts: Float32Array;
  snapshots: number;
  bins: number;
  /** The value range the equal-width bins cover. */
  range: Range;
  /** A name per snapshot for the time axis (e.g. the training step); default its index. */
  steps?: ArrayLike<number> | undefined;
  /** What was binned, e.g. "gradient" or "log10 |gradient|". */
  valueLabel?: string | undefined;
  timeLabel?: string | undefined;
  /** Said in the plot before the first snapshot; default "No snapshots yet". */
  emptyLabel?: string | undefined;
  height?: number | undefined;
  label: string;
  testId?: string | undefined;
}

/**
 * One layer's value histograms over training as an image: time across, value bins upwards, colour
 * = log(1 + count). Gradients collapsing onto zero (vanishing) or spreading to the range's ends
 * (exploding) show as the bright band narrowing or widening over time.
 */
export function HistogramTimeline({
  counts,
  snapshots,
  bins,
  range,
  steps,
  valueLabel: givenValueLabel,
  timeLabel: givenTimeLabel,
  emptyLabel: givenEmptyLabel,
  height = 160,
  label,
  testId = 'histogram-timeline',
}: Props) {
  const { t } = useTranslation();
  const valueLabel = givenValueLabel ?? t('views.value');
  const timeLabel = givenTimeLabel ?? t('histograms.step');
  const emptyLabel = givenEmptyLabel ?? t('views.timelineEmpty');
  const [wrapper, width] = useElementWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<ScratchImage | null>(null);
  const [hover, setHover] = useState<Cell | null>(null);

  const [lo, hi] = range;
  const top = useMemo(() => maxCount(counts), [counts]);
  const plot = useMemo(() => timelinePlot(width, height), [width, height]);
  const grid = useMemo(() => timelineGrid(plot, snapshots, bins), [plot, snapshots, bins]);
  const stepLabel = useCallback(
    (snapshot: number) => formatValue(steps?.[snapshot] ?? snapshot),
    [steps],
  );

  useEffect(() => {
    const element = canvas.current;
    if (!element || width <= 0) return;
    const context = prepareCanvas(element, width, height);
    if (!context) return;
    scratch.current ??= new ScratchImage();
    drawTimeline(context, scratch.current, {
      counts,
      snapshots,
      bins,
      range: [lo, hi],
      maxCount: top,
      plot,
      grid,
      stepLabel,
      valueLabel,
      timeLabel,
      emptyLabel,
    });
  }, [
    counts,
    snapshots,
    bins,
    lo,
    hi,
    top,
    plot,
    grid,
    stepLabel,
    valueLabel,
    timeLabel,
    emptyLabel,
    width,
    height,
  ]);

  const rect = hover ? cellRect(grid, hover) : null;
  let text = '';
  if (hover) {
    const bin = binOfRow(hover.row, bins);
    const count = counts[hover.col * bins + bin] ?? NaN;
    text = describeBin(
      t('views.timelineAt', { label: timeLabel, step: stepLabel(hover.col) }),
      [lo, hi],
      bins,
      bin,
      count,
      (at, from, to, n) => t('views.timelineBin', { at, from, to, value: n }),
    );
  }

  return (
    <div
      ref={wrapper}
      className="internals-view histogram-timeline"
      data-testid={testId}
      data-snapshots={snapshots}
      data-bins={bins}
      role="group"
      aria-label={label}
    >
      <div className="internals-stage" style={{ width, height }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('views.timelineCanvas', {
            label,
            snapshots,
            bins,
            low: formatValue(lo),
            high: formatValue(hi),
          })}
          className="internals-canvas"
          style={{ width, height }}
          onPointerMove={(event) => {
            const { x, y } = localPoint(event);
            const cell = cellAt(grid, x, y);
            if (cell?.row !== hover?.row || cell?.col !== hover?.col) setHover(cell);
          }}
          onPointerLeave={() => setHover(null)}
        />
        {rect && <CellHighlight rect={{ ...rect, width: Math.max(2, rect.width) }} />}
        {rect && <Tooltip text={text} x={rect.x + rect.width} y={rect.y} viewWidth={width} />}
      </div>
      {top > 0 && <ColourScale map={SEQUENTIAL} range={[0, top]} caption={t('views.countScale')} />}
    </div>
  );
}

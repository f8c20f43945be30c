import { drawYTitle } from './axisTitle';
import { drawScaled, FONT, FONT_PX, INK, type ScratchImage } from './canvasSetup';
import { SEQUENTIAL } from './colourMaps';
import { formatValue } from './formatValue';
import type { GridLayout, Rect } from './gridLayout';
import { snapshotTicks, valueTicks } from './histogramTimeline';
import { paintMatrix } from './paint';
import type { Range } from './valueRange';

export interface TimelineDrawing {
  readonly counts: Float32Array;
  readonly snapshots: number;
  readonly bins: number;
  readonly range: Range;
  readonly maxCount: number;
  readonly plot: Rect;
  readonly grid: GridLayout;
  readonly stepLabel: (snapshot: number) => string;
  readonly valueLabel: string;
  readonly timeLabel: string;
  /** Shown in the middle while there are no snapshots. */
  readonly emptyLabel: string;
}

/** The histogram image (time across, bins upwards, log-count colour) with both axes labelled. */
export function drawTimeline(
  context: CanvasRenderingContext2D,
  scratch: ScratchImage,
  d: TimelineDrawing,
): void {
  const { plot, grid, snapshots, bins } = d;
  if (snapshots > 0 && bins > 0) {
    // Bin 0 (lowest values) at the bottom: start at the top bin and step down one bin per row.
    const strides = { offset: bins - 1, row: -1, col: bins };
    const source = { values: d.counts, rows: bins, cols: snapshots, strides };
    paintMatrix(scratch.pixels(snapshots, bins), source, [0, d.maxCount], SEQUENTIAL, 'log1p');
    const image = scratch.commit();
    // Crisp cells normally; when snapshots outnumber pixels, smoothing blends columns instead of
    // silently dropping some.
    if (image) drawScaled(context, image, plot, snapshots > plot.width);
  }
  context.strokeStyle = INK;
  context.lineWidth = 1;
  context.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.width + 1, plot.height + 1);
  context.font = FONT;
  context.fillStyle = INK;
  // Value axis: its ticks only once there are values (an empty timeline's range means nothing).
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const tick of snapshots > 0 ? valueTicks(d.range) : []) {
    const y = plot.y + plot.height * (1 - tick.fraction);
    context.fillText(formatValue(tick.value), plot.x - 6, y);
    context.fillRect(plot.x - 4, Math.round(y) - 0.5, 4, 1);
  }
  drawYTitle(context, d.valueLabel, FONT_PX / 2 + 1, plot.y + plot.height / 2);
  // Time axis.
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const t of snapshotTicks(snapshots, plot.width)) {
    const x = plot.x + (t + 0.5) * grid.cellWidth;
    context.fillRect(Math.round(x) - 0.5, plot.y + plot.height, 1, 4);
    context.fillText(d.stepLabel(t), x, plot.y + plot.height + 5);
  }
  context.fillText(d.timeLabel, plot.x + plot.width / 2, plot.y + plot.height + 5 + FONT_PX + 2);
  if (snapshots === 0) {
    context.textBaseline = 'middle';
    context.fillText(d.emptyLabel, plot.x + plot.width / 2, plot.y + plot.height / 2);
  }
}

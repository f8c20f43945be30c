import { classShape, traceMarker } from '../markers';
import { formatTick, niceTicks } from '../chartScale';
import { FONT, GRID_LINE, INK } from './canvasSetup';
import { classColour } from './categorical';
import type { Rect } from './gridLayout';
import { classCount, toPixel, type LinearScale } from './scatterScale';

type Scales = { readonly x: LinearScale; readonly y: LinearScale };

/** Light grid lines with round ticks (as LineChart draws them) and a frame round the plot. */
export function drawAxes(
  context: CanvasRenderingContext2D,
  plot: Rect,
  scales: Scales,
  gridLines: boolean,
): void {
  context.font = FONT;
  context.lineWidth = 1;
  // About one tick per 45 px; niceTicks may round the step up, so ask generously.
  const xTicks = niceTicks(scales.x.d0, scales.x.d1, Math.max(3, Math.floor(plot.width / 45)));
  const yTicks = niceTicks(scales.y.d0, scales.y.d1, Math.max(3, Math.floor(plot.height / 45)));
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (const t of xTicks) {
    const x = Math.round(toPixel(scales.x, t)) + 0.5;
    if (gridLines) line(context, GRID_LINE, x, plot.y, x, plot.y + plot.height);
    context.fillStyle = INK;
    context.fillText(formatTick(t), x, plot.y + plot.height + 4);
  }
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (const t of yTicks) {
    const y = Math.round(toPixel(scales.y, t)) + 0.5;
    if (gridLines) line(context, GRID_LINE, plot.x, y, plot.x + plot.width, y);
    context.fillStyle = INK;
    context.fillText(formatTick(t), plot.x - 5, y);
  }
  context.strokeStyle = INK;
  context.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.width + 1, plot.height + 1);
}

function line(
  context: CanvasRenderingContext2D,
  colour: string,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  context.strokeStyle = colour;
  context.beginPath();
  context.moveTo(x0, y0);
  context.lineTo(x1, y1);
  context.stroke();
}

/**
 * Points as filled dots with a thin dark rim (so pale colours such as yellow read on white), one
 * path per class: a handful of fill calls however many points. Clipped to the plot.
 */
export function drawPoints(
  context: CanvasRenderingContext2D,
  plot: Rect,
  scales: Scales,
  points: ArrayLike<number>,
  count: number,
  classes: ArrayLike<number> | undefined,
  radius: number,
  /** Each class its own marker shape as well as its colour (the colour-blind aid). */
  shapes = false,
): void {
  context.save();
  context.beginPath();
  context.rect(plot.x, plot.y, plot.width, plot.height);
  context.clip();
  context.lineWidth = 0.75;
  context.strokeStyle = 'rgba(15, 23, 42, 0.55)';
  const groups = Math.max(1, classCount(classes, count));
  for (let c = 0; c < groups; c++) {
    context.beginPath();
    for (let i = 0; i < count; i++) {
      if (classes && (classes[i] ?? 0) !== c) continue;
      const x = toPixel(scales.x, points[2 * i] ?? NaN);
      const y = toPixel(scales.y, points[2 * i + 1] ?? NaN);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      traceMarker(context, classShape(c, shapes), x, y, radius);
    }
    context.fillStyle = classColour(c);
    context.fill();
    context.stroke();
  }
  context.restore();
}

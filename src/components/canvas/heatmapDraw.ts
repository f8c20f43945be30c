import { drawYTitle } from './axisTitle';
import { fitText, FONT, FONT_PX, INK, drawScaled, type ScratchImage } from './canvasSetup';
import { contrastInk, type ColourMap } from './colourMaps';
import { formatValue } from './formatValue';
import { valuesFit, type HeatmapLayout } from './heatmapLayout';
import { paintMatrix, scaledIndex, type MatrixSource, type Scale } from './paint';
import type { Range } from './valueRange';

/** Cell values are only considered below this many cells: beyond it cells are too small anyway. */
const MAX_TEXT_CELLS = 1024;
const CELL_FONT_PX = 10;

export interface HeatmapDrawing {
  readonly layout: HeatmapLayout;
  readonly source: MatrixSource;
  readonly range: Range;
  readonly map: ColourMap;
  readonly scale: Scale;
  readonly rowLabels?: readonly string[] | undefined;
  readonly colLabels?: readonly string[] | undefined;
  readonly xTitle?: string | undefined;
  readonly yTitle?: string | undefined;
  readonly showValues: boolean;
}

/** Draws a labelled heatmap: cells as one scaled image, then values, labels and axis titles. */
export function drawHeatmap(
  context: CanvasRenderingContext2D,
  scratch: ScratchImage,
  d: HeatmapDrawing,
): void {
  const { grid } = d.layout;
  const { rows, cols } = d.source;
  paintMatrix(scratch.pixels(cols, rows), d.source, d.range, d.map, d.scale);
  const image = scratch.commit();
  if (image) {
    const dest = {
      x: grid.x,
      y: grid.y,
      width: cols * grid.cellWidth,
      height: rows * grid.cellHeight,
    };
    drawScaled(context, image, dest, false);
  }
  if (d.showValues) drawCellValues(context, d);
  drawLabels(context, d);
}

function valueAt(source: MatrixSource, row: number, col: number): number {
  const { strides } = source;
  return source.values[strides.offset + row * strides.row + col * strides.col] ?? NaN;
}

/** Counts in a confusion matrix: only when every value fits its cell, in contrasting ink. */
function drawCellValues(context: CanvasRenderingContext2D, d: HeatmapDrawing): void {
  const { grid } = d.layout;
  const { rows, cols } = d.source;
  if (rows * cols > MAX_TEXT_CELLS || grid.cellHeight < CELL_FONT_PX + 2) return;
  let maxChars = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      maxChars = Math.max(maxChars, formatValue(valueAt(d.source, r, c)).length);
    }
  }
  if (!valuesFit(grid.cellWidth, grid.cellHeight, maxChars, CELL_FONT_PX)) return;
  context.font = `${CELL_FONT_PX}px system-ui, sans-serif`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const lut = d.map.lut;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const value = valueAt(d.source, r, c);
      const k = scaledIndex(value, d.range, d.scale) * 3;
      context.fillStyle = k < 0 ? INK : contrastInk(lut[k] ?? 0, lut[k + 1] ?? 0, lut[k + 2] ?? 0);
      context.fillText(
        formatValue(value),
        grid.x + (c + 0.5) * grid.cellWidth,
        grid.y + (r + 0.5) * grid.cellHeight + 0.5,
      );
    }
  }
}

function drawLabels(context: CanvasRenderingContext2D, d: HeatmapDrawing): void {
  const { layout } = d;
  const { grid } = layout;
  const gridWidth = grid.cols * grid.cellWidth;
  const gridHeight = grid.rows * grid.cellHeight;
  context.font = FONT;
  context.fillStyle = INK;
  if (d.rowLabels && d.rowLabels.length > 0) {
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (let r = 0; r < grid.rows; r += layout.rowLabelEvery) {
      const text = fitText(context, d.rowLabels[r] ?? '', layout.rowLabelWidth);
      context.fillText(text, grid.x - 4, grid.y + (r + 0.5) * grid.cellHeight);
    }
  }
  if (d.colLabels && d.colLabels.length > 0) {
    const room = layout.colLabelHeight - 4;
    for (let c = 0; c < grid.cols; c += layout.colLabelEvery) {
      const cx = grid.x + (c + 0.5) * grid.cellWidth;
      const label = d.colLabels[c] ?? '';
      if (layout.rotateColLabels) {
        // Upright text reading bottom-to-top, starting at the grid, so every label lines up there.
        context.save();
        context.translate(cx, grid.y - 4);
        context.rotate(-Math.PI / 2);
        context.textAlign = 'left';
        context.textBaseline = 'middle';
        context.fillText(fitText(context, label, room), 0, 0);
        context.restore();
      } else {
        context.textAlign = 'center';
        context.textBaseline = 'bottom';
        context.fillText(fitText(context, label, grid.cellWidth), cx, grid.y - 3);
      }
    }
  }
  if (d.xTitle) {
    context.textAlign = 'center';
    context.textBaseline = 'top';
    context.fillText(d.xTitle, grid.x + gridWidth / 2, grid.y + gridHeight + 3);
  }
  if (d.yTitle) drawYTitle(context, d.yTitle, FONT_PX / 2 + 2, grid.y + gridHeight / 2);
}

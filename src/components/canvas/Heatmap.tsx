import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CellHighlight } from './CellHighlight';
import { ColourScale } from './ColourScale';
import { FONT_PX, prepareCanvas, ScratchImage } from './canvasSetup';
import { SEQUENTIAL, type ColourMap } from './colourMaps';
import { describeCell } from './formatValue';
import { cellAt, cellRect, moveCell, type Cell } from './gridLayout';
import { drawHeatmap } from './heatmapDraw';
import { heatmapLayout } from './heatmapLayout';
import { rowMajor, transposed, type Scale } from './paint';
import { localPoint } from './pointer';
import { Tooltip } from './Tooltip';
import { useElementWidth } from './useElementWidth';
import { resolveRange, type Range, type RangeSpec } from './valueRange';

export interface HeatmapProps {
  /** [rows, cols] row-major; [cols, rows] when `transpose` is set. */
  values: Float32Array;
  rows: number;
  cols: number;
  /** Row names (e.g. query tokens). Many labels are thinned so they never overlap. */
  rowLabels?: readonly string[] | undefined;
  /** Column names (e.g. key tokens); long ones are drawn upright. */
  colLabels?: readonly string[] | undefined;
  /** Colour range: fixed [lo, hi] (default [0, 1]), 'auto' = data min–max, 'symmetric' = ±max|v|. */
  range?: RangeSpec | undefined;
  /** Default: the sequential map; pass DIVERGING for signed values. */
  colourMap?: ColourMap | undefined;
  /** 'log1p' colours by log(1 + value), so a confusion matrix's few errors show beside the diagonal. */
  scale?: Scale | undefined;
  /** `values` holds [cols, rows] (e.g. [time, units]); draw it transposed without copying. */
  transpose?: boolean | undefined;
  /** Fixed cell size in CSS pixels; otherwise cells fill the width up to `maxCellSize`. */
  cellSize?: number | undefined;
  /** Fixed cell height (thin rows for many units); default square cells. */
  cellHeight?: number | undefined;
  maxCellSize?: number | undefined;
  /** 'auto' writes each value in its cell when it fits (confusion-matrix counts). */
  showValues?: 'auto' | 'never' | undefined;
  /** Axis titles, e.g. "predicted" and "true". */
  xTitle?: string | undefined;
  yTitle?: string | undefined;
  /** A colour key under the map; caption says what colour measures. */
  showScale?: boolean | undefined;
  scaleCaption?: string | undefined;
  /** Hover text; default "row label → col label: value". */
  describe?: ((row: number, col: number, value: number) => string) | undefined;
  /** Makes cells clickable, and the map focusable: arrows move, Enter or Space clicks. */
  onCellClick?: ((row: number, col: number) => void) | undefined;
  /** What the map shows, for screen readers. */
  label: string;
  testId?: string | undefined;
}

const DEFAULT_RANGE: Range = [0, 1];

/**
 * A matrix as coloured cells on one canvas: attention maps (tokens on both axes), confusion
 * matrices (counts in the cells), hidden states. Hover reads a cell's value; repainting costs one
 * small image upload and one scaled draw, whatever the number of cells.
 */
export function Heatmap({
  values,
  rows,
  cols,
  rowLabels,
  colLabels,
  range = DEFAULT_RANGE,
  colourMap = SEQUENTIAL,
  scale = 'linear',
  transpose = false,
  cellSize,
  cellHeight,
  maxCellSize = 36,
  showValues = 'auto',
  xTitle,
  yTitle,
  showScale = true,
  scaleCaption,
  describe,
  onCellClick,
  label,
  testId = 'heatmap',
}: HeatmapProps) {
  const { t } = useTranslation();
  const [wrapper, width] = useElementWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<ScratchImage | null>(null);
  const [hover, setHover] = useState<Cell | null>(null);
  const [focus, setFocus] = useState<Cell | null>(null);

  const [lo, hi] = useMemo(() => resolveRange(values, range), [values, range]);
  const layout = useMemo(
    () =>
      heatmapLayout({
        rows,
        cols,
        width,
        cellSize,
        cellHeight,
        minCellSize: 2,
        maxCellSize,
        rowLabels,
        colLabels,
        xTitle: xTitle !== undefined,
        yTitle: yTitle !== undefined,
        fontPx: FONT_PX,
      }),
    [rows, cols, width, cellSize, cellHeight, maxCellSize, rowLabels, colLabels, xTitle, yTitle],
  );
  const strides = useMemo(
    () => (transpose ? transposed(rows) : rowMajor(cols)),
    [transpose, rows, cols],
  );
  const ready = cellSize !== undefined || width > 0;

  useEffect(() => {
    const element = canvas.current;
    if (!element || !ready) return;
    const context = prepareCanvas(element, layout.width, layout.height);
    if (!context) return;
    scratch.current ??= new ScratchImage();
    drawHeatmap(context, scratch.current, {
      layout,
      source: { values, rows, cols, strides },
      range: [lo, hi],
      map: colourMap,
      scale,
      rowLabels,
      colLabels,
      xTitle,
      yTitle,
      showValues: showValues === 'auto',
    });
  }, [
    ready,
    layout,
    values,
    rows,
    cols,
    strides,
    lo,
    hi,
    colourMap,
    scale,
    rowLabels,
    colLabels,
    xTitle,
    yTitle,
    showValues,
  ]);

  const valueAt = (cell: Cell) =>
    values[strides.offset + cell.row * strides.row + cell.col * strides.col] ?? NaN;
  const shown = hover ?? focus;
  const rect = shown ? cellRect(layout.grid, shown) : null;
  const text =
    shown &&
    (describe
      ? describe(shown.row, shown.col, valueAt(shown))
      : describeCell(shown.row, shown.col, valueAt(shown), rowLabels, colLabels, {
          row: (index) => t('views.row', { index }),
          col: (index) => t('views.col', { index }),
          cell: (row, col, value) => t('views.cell', { row, col, value }),
        }));

  const onKeyDown = (event: KeyboardEvent) => {
    if (!onCellClick) return;
    if ((event.key === 'Enter' || event.key === ' ') && focus) {
      event.preventDefault();
      onCellClick(focus.row, focus.col);
      return;
    }
    const next = moveCell(focus, event.key, rows, cols);
    if (next) {
      event.preventDefault();
      setFocus(next);
    }
  };

  return (
    <div
      ref={wrapper}
      className="internals-view internals-heatmap"
      data-testid={testId}
      data-rows={rows}
      data-cols={cols}
      aria-label={label}
      role="group"
    >
      <div className="internals-stage" style={{ width: layout.width, height: layout.height }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={
            onCellClick
              ? t('views.heatmapCanvasKeys', { label, rows, cols })
              : t('views.heatmapCanvas', { label, rows, cols })
          }
          tabIndex={onCellClick ? 0 : undefined}
          className={onCellClick ? 'internals-canvas clickable' : 'internals-canvas'}
          style={{ width: layout.width, height: layout.height }}
          onPointerMove={(event) => {
            const { x, y } = localPoint(event);
            const cell = cellAt(layout.grid, x, y);
            if (cell?.row !== hover?.row || cell?.col !== hover?.col) setHover(cell);
          }}
          onPointerLeave={() => setHover(null)}
          onClick={(event) => {
            const { x, y } = localPoint(event);
            const cell = cellAt(layout.grid, x, y);
            if (cell && onCellClick) onCellClick(cell.row, cell.col);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setFocus(null)}
        />
        {rect && <CellHighlight rect={rect} />}
        {rect && text && (
          <Tooltip text={text} x={rect.x + rect.width} y={rect.y} viewWidth={layout.width} />
        )}
      </div>
      {showScale && <ColourScale map={colourMap} range={[lo, hi]} caption={scaleCaption} />}
    </div>
  );
}

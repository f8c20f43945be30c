import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CellHighlight } from './CellHighlight';
import { ColourScale } from './ColourScale';
import { drawScaled, prepareCanvas, ScratchImage } from './canvasSetup';
import { DIVERGING, type ColourMap } from './colourMaps';
import { formatValue } from './formatValue';
import {
  cellAt,
  cellRect,
  stripColumns,
  wrapCells,
  type Cell,
  type GridLayout,
} from './gridLayout';
import { paintMatrix, rowMajor } from './paint';
import { localPoint } from './pointer';
import { Tooltip } from './Tooltip';
import { useElementWidth } from './useElementWidth';
import { resolveRange, type RangeSpec } from './valueRange';

interface Props {
  /** One activation per unit of a dense layer (up to ~1024). */
  values: Float32Array;
  /** Default 'symmetric' (±max|v|), so zero is white and the sign shows as blue or orange. */
  range?: RangeSpec | undefined;
  /** Default: the diverging map, for signed activations. */
  colourMap?: ColourMap | undefined;
  /** Cell size, CSS pixels; long vectors wrap into rows. */
  cellSize?: number | undefined;
  label: string;
  testId?: string | undefined;
}

/**
 * A dense layer's activation vector as a strip of cells, wrapping into rows of a multiple of 8
 * when long. Hover reads a unit's index and value.
 */
export function HeatStrip({
  values,
  range = 'symmetric',
  colourMap = DIVERGING,
  cellSize = 10,
  label,
  testId = 'heat-strip',
}: Props) {
  const { t } = useTranslation();
  const [wrapper, available] = useElementWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<ScratchImage | null>(null);
  const [hover, setHover] = useState<Cell | null>(null);

  const count = values.length;
  const [lo, hi] = useMemo(() => resolveRange(values, range), [values, range]);
  const grid = useMemo<GridLayout>(() => {
    const { rows, cols } = wrapCells(count, stripColumns(available, cellSize, count));
    return { x: 0, y: 0, cellWidth: cellSize, cellHeight: cellSize, rows, cols };
  }, [count, available, cellSize]);
  // Until the width is known, take no room: one cell per row would be a very tall flash.
  const viewWidth = available > 0 ? grid.cols * grid.cellWidth : 0;
  const viewHeight = available > 0 ? grid.rows * grid.cellHeight : 0;

  useEffect(() => {
    const element = canvas.current;
    if (!element || available <= 0) return;
    const context = prepareCanvas(element, viewWidth, viewHeight);
    if (!context) return;
    const pixels = (scratch.current ??= new ScratchImage()).pixels(grid.cols, grid.rows);
    const source = { values, rows: grid.rows, cols: grid.cols, strides: rowMajor(grid.cols) };
    paintMatrix(pixels, source, [lo, hi], colourMap);
    const image = scratch.current.commit();
    if (image)
      drawScaled(context, image, { x: 0, y: 0, width: viewWidth, height: viewHeight }, false);
  }, [values, grid, lo, hi, colourMap, available, viewWidth, viewHeight]);

  const unit = hover ? hover.row * grid.cols + hover.col : -1;
  const rect = hover && unit < count ? cellRect(grid, hover) : null;

  return (
    <div
      ref={wrapper}
      className="internals-view heat-strip"
      data-testid={testId}
      data-units={count}
      role="group"
      aria-label={label}
    >
      <div className="internals-stage" style={{ width: viewWidth, height: viewHeight }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('views.stripCanvas', { label, count, columns: grid.cols })}
          className="internals-canvas"
          style={{ width: viewWidth, height: viewHeight }}
          onPointerMove={(event) => {
            const { x, y } = localPoint(event);
            const cell = cellAt(grid, x, y);
            if (cell?.row !== hover?.row || cell?.col !== hover?.col) setHover(cell);
          }}
          onPointerLeave={() => setHover(null)}
        />
        {rect && <CellHighlight rect={rect} />}
        {rect && (
          <Tooltip
            text={t('views.unitTooltip', { unit, value: formatValue(values[unit] ?? NaN) })}
            x={rect.x + rect.width}
            y={rect.y}
            viewWidth={viewWidth}
          />
        )}
      </div>
      <ColourScale map={colourMap} range={[lo, hi]} caption={t('views.activation')} />
    </div>
  );
}

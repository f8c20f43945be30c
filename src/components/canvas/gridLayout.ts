/** Cell grids on a canvas: where each cell is drawn, and which cell a pointer is over. */

/** A grid of equal cells whose top-left corner is at (x, y), in CSS pixels. */
export interface GridLayout {
  readonly x: number;
  readonly y: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly rows: number;
  readonly cols: number;
}

export interface Cell {
  readonly row: number;
  readonly col: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The cell under point (px, py), or null outside the grid (edges belong to the cell after them). */
export function cellAt(grid: GridLayout, px: number, py: number): Cell | null {
  const col = Math.floor((px - grid.x) / grid.cellWidth);
  const row = Math.floor((py - grid.y) / grid.cellHeight);
  if (!(col >= 0 && col < grid.cols && row >= 0 && row < grid.rows)) return null;
  return { row, col };
}

export function cellRect(grid: GridLayout, cell: Cell): Rect {
  return {
    x: grid.x + cell.col * grid.cellWidth,
    y: grid.y + cell.row * grid.cellHeight,
    width: grid.cellWidth,
    height: grid.cellHeight,
  };
}

/** The grid's whole extent. */
export function gridRect(grid: GridLayout): Rect {
  return {
    x: grid.x,
    y: grid.y,
    width: grid.cols * grid.cellWidth,
    height: grid.rows * grid.cellHeight,
  };
}

/**
 * Keyboard movement over a grid of `count` cells laid out `cols` wide (count defaults to full
 * rows): arrows step, Home/End go to the row's ends. No cell yet starts at the first one. Returns
 * null for keys that do not move, so the caller leaves those to the browser.
 */
export function moveCell(
  cell: Cell | null,
  key: string,
  rows: number,
  cols: number,
  count = rows * cols,
): Cell | null {
  if (count <= 0) return null;
  const start: Cell = cell ?? { row: 0, col: 0 };
  let { row, col } = start;
  switch (key) {
    case 'ArrowRight':
      col += 1;
      break;
    case 'ArrowLeft':
      col -= 1;
      break;
    case 'ArrowDown':
      row += 1;
      break;
    case 'ArrowUp':
      row -= 1;
      break;
    case 'Home':
      col = 0;
      break;
    case 'End':
      col = cols - 1;
      break;
    default:
      return null;
  }
  if (!cell) return start;
  row = Math.min(Math.max(row, 0), rows - 1);
  col = Math.min(Math.max(col, 0), cols - 1);
  // In a wrapped strip the last row may be short: stay on a real cell.
  while (row * cols + col >= count && col > 0) col -= 1;
  while (row * cols + col >= count && row > 0) row -= 1;
  return { row, col };
}

/** A cell size in whole CSS pixels that fits `count` cells into `available`, within [min, max]. */
export function fitCellSize(available: number, count: number, min: number, max: number): number {
  if (count <= 0) return max;
  return Math.min(max, Math.max(min, Math.floor(available / count)));
}

/** Rows and columns for `count` cells wrapped at `perRow` (a long activation vector). */
export function wrapCells(count: number, perRow: number): { rows: number; cols: number } {
  const cols = Math.max(1, Math.min(count, Math.floor(perRow)));
  return { rows: Math.max(1, Math.ceil(count / cols)), cols };
}

/**
 * Tiles of tileWidth × tileHeight with `gap` pixels between them, as many across as fit
 * `available` (at least one). The grid's cells are tile + gap, so `cellAt` finds a tile and
 * `tileAt` tells a tile from the gap after it.
 */
export function tileLayout(
  count: number,
  tileWidth: number,
  tileHeight: number,
  gap: number,
  available: number,
): GridLayout & { readonly width: number; readonly height: number } {
  const perRow = Math.max(1, Math.floor((available + gap) / (tileWidth + gap)));
  const cols = Math.max(1, Math.min(count, perRow));
  const rows = Math.max(1, Math.ceil(count / cols));
  return {
    x: 0,
    y: 0,
    cellWidth: tileWidth + gap,
    cellHeight: tileHeight + gap,
    rows,
    cols,
    width: cols * (tileWidth + gap) - gap,
    height: rows * (tileHeight + gap) - gap,
  };
}

/** The tile under (px, py) and the point's position inside it, or null over a gap or past `count`. */
export function tileAt(
  grid: GridLayout,
  gap: number,
  count: number,
  px: number,
  py: number,
): { index: number; x: number; y: number } | null {
  const cell = cellAt(grid, px, py);
  if (!cell) return null;
  const index = cell.row * grid.cols + cell.col;
  const x = px - grid.x - cell.col * grid.cellWidth;
  const y = py - grid.y - cell.row * grid.cellHeight;
  if (index >= count || x >= grid.cellWidth - gap || y >= grid.cellHeight - gap) return null;
  return { index, x, y };
}

/**
 * Cells per row for a wrapped strip: as many as fit, rounded down to a multiple of 8 once there
 * are more than 8, so unit indices are easy to count along a row.
 */
export function stripColumns(available: number, cellSize: number, count: number): number {
  const fit = Math.max(1, Math.floor(available / cellSize));
  if (count <= fit) return Math.max(1, count);
  return fit > 8 ? fit - (fit % 8) : fit;
}

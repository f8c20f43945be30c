import { describe, expect, it } from 'vitest';
import {
  cellAt,
  cellRect,
  fitCellSize,
  moveCell,
  stripColumns,
  tileAt,
  tileLayout,
  wrapCells,
  type GridLayout,
} from './gridLayout';

const grid: GridLayout = { x: 10, y: 20, cellWidth: 8, cellHeight: 4, rows: 3, cols: 5 };

describe('cellAt', () => {
  it('finds the cell under the pointer', () => {
    expect(cellAt(grid, 10, 20)).toEqual({ row: 0, col: 0 });
    expect(cellAt(grid, 17.9, 23.9)).toEqual({ row: 0, col: 0 });
    expect(cellAt(grid, 18, 24)).toEqual({ row: 1, col: 1 });
    expect(cellAt(grid, 49.5, 31.5)).toEqual({ row: 2, col: 4 });
  });

  it('is null outside the grid (labels, margins)', () => {
    expect(cellAt(grid, 9.9, 25)).toBeNull();
    expect(cellAt(grid, 50, 25)).toBeNull();
    expect(cellAt(grid, 20, 32)).toBeNull();
    expect(cellAt(grid, NaN, 25)).toBeNull();
  });

  it('round-trips with cellRect', () => {
    const rect = cellRect(grid, { row: 2, col: 3 });
    expect(rect).toEqual({ x: 34, y: 28, width: 8, height: 4 });
    expect(cellAt(grid, rect.x + 1, rect.y + 1)).toEqual({ row: 2, col: 3 });
  });
});

describe('moveCell', () => {
  it('starts at the first cell, then steps and stops at the edges', () => {
    expect(moveCell(null, 'ArrowRight', 3, 5)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowRight', 3, 5)).toEqual({ row: 0, col: 1 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 3, 5)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 2, col: 1 }, 'ArrowDown', 3, 5)).toEqual({ row: 2, col: 1 });
    expect(moveCell({ row: 1, col: 2 }, 'End', 3, 5)).toEqual({ row: 1, col: 4 });
    expect(moveCell({ row: 1, col: 2 }, 'Home', 3, 5)).toEqual({ row: 1, col: 0 });
  });

  it('ignores other keys', () => {
    expect(moveCell({ row: 1, col: 1 }, 'a', 3, 5)).toBeNull();
  });

  it('stays on real cells in a wrapped strip with a short last row', () => {
    // 12 cells, 5 across: the last row has 2.
    expect(moveCell({ row: 1, col: 4 }, 'ArrowDown', 3, 5, 12)).toEqual({ row: 2, col: 1 });
    expect(moveCell({ row: 2, col: 1 }, 'End', 3, 5, 12)).toEqual({ row: 2, col: 1 });
  });
});

describe('fitCellSize', () => {
  it('fills the space in whole pixels within the bounds', () => {
    expect(fitCellSize(100, 8, 2, 40)).toBe(12);
    expect(fitCellSize(1000, 8, 2, 40)).toBe(40);
    expect(fitCellSize(10, 64, 2, 40)).toBe(2);
  });
});

describe('wrapCells', () => {
  it('wraps a long vector into rows', () => {
    expect(wrapCells(1024, 64)).toEqual({ rows: 16, cols: 64 });
    expect(wrapCells(100, 64)).toEqual({ rows: 2, cols: 64 });
    expect(wrapCells(10, 64)).toEqual({ rows: 1, cols: 10 });
    expect(wrapCells(0, 64)).toEqual({ rows: 1, cols: 1 });
  });
});

describe('tileLayout and tileAt', () => {
  const layout = tileLayout(10, 20, 10, 4, 100);

  it('fits as many tiles across as the width allows', () => {
    // (100 + 4) / 24 = 4.3 → 4 across, 3 rows.
    expect(layout).toMatchObject({ cols: 4, rows: 3, width: 4 * 24 - 4, height: 3 * 14 - 4 });
    expect(tileLayout(2, 20, 10, 4, 1000).cols).toBe(2);
    expect(tileLayout(5, 200, 10, 4, 50).cols).toBe(1);
  });

  it('finds the tile and the point inside it, not the gaps or missing tiles', () => {
    expect(tileAt(layout, 4, 10, 30, 5)).toEqual({ index: 1, x: 6, y: 5 });
    expect(tileAt(layout, 4, 10, 22, 5)).toBeNull(); // gap after tile 0
    expect(tileAt(layout, 4, 10, 26, 30)).toEqual({ index: 9, x: 2, y: 2 });
    expect(tileAt(layout, 4, 10, 50, 30)).toBeNull(); // row 2 holds tiles 8 and 9 only
  });
});

describe('stripColumns', () => {
  it('uses whole multiples of 8 for long strips', () => {
    expect(stripColumns(500, 10, 1024)).toBe(48);
    expect(stripColumns(500, 10, 30)).toBe(30);
    expect(stripColumns(70, 10, 100)).toBe(7);
  });
});

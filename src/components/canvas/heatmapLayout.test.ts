import { describe, expect, it } from 'vitest';
import { heatmapLayout, MAX_LABEL_PX, textWidth, valuesFit } from './heatmapLayout';

const base = { minCellSize: 2, maxCellSize: 36, fontPx: 10 };

describe('heatmapLayout', () => {
  it('fills the width with square cells when there are no labels', () => {
    const layout = heatmapLayout({ ...base, rows: 4, cols: 10, width: 202 });
    expect(layout.grid).toMatchObject({ x: 0, y: 0, cellWidth: 20, cellHeight: 20 });
    expect(layout.width).toBe(202);
    expect(layout.height).toBe(4 * 20 + 2);
  });

  it('caps cells at the maximum size', () => {
    const layout = heatmapLayout({ ...base, rows: 8, cols: 8, width: 2000 });
    expect(layout.grid.cellWidth).toBe(36);
  });

  it('makes room for row labels and horizontal column labels that fit a cell', () => {
    const labels = ['a', 'bb', 'cc'];
    const layout = heatmapLayout({
      ...base,
      rows: 3,
      cols: 3,
      width: 300,
      rowLabels: labels,
      colLabels: labels,
    });
    expect(layout.grid.x).toBeGreaterThan(0);
    expect(layout.rowLabelWidth).toBeGreaterThan(0);
    expect(layout.rotateColLabels).toBe(false);
    expect(layout.grid.y).toBe(10 + 2 + 4);
  });

  it('gives Chinese labels a full em a character, so "良性" is not cut to nothing', () => {
    // At 10 px a Han character is about 10 px wide; a Latin letter about 6.
    expect(textWidth('良性', 10)).toBe(20);
    expect(textWidth('品种 1', 10)).toBeCloseTo(2 * 10 + 2 * 6);
    expect(textWidth('（查询）', 10)).toBe(40);
    expect(textWidth('benign', 10)).toBeCloseTo(36);
    const layout = heatmapLayout({
      ...base,
      rows: 3,
      cols: 3,
      width: 300,
      rowLabels: ['品种 1', '品种 2', '品种 3'],
    });
    expect(layout.rowLabelWidth).toBeGreaterThanOrEqual(32);
  });

  it('turns long column labels upright and trims them at a maximum length', () => {
    const long = ['a-rather-long-token-name-indeed', 'x'];
    const layout = heatmapLayout({ ...base, rows: 2, cols: 2, width: 60, colLabels: long });
    expect(layout.rotateColLabels).toBe(true);
    expect(layout.colLabelHeight).toBe(MAX_LABEL_PX + 4);
  });

  it('labels every n-th row and column when cells are thinner than a line of text', () => {
    const labels = Array.from({ length: 64 }, (_, i) => `t${i}`);
    const layout = heatmapLayout({
      ...base,
      rows: 64,
      cols: 64,
      width: 64 * 4 + 40,
      rowLabels: labels,
      colLabels: labels,
    });
    expect(layout.grid.cellWidth).toBeLessThan(12);
    expect(layout.rowLabelEvery * layout.grid.cellHeight).toBeGreaterThanOrEqual(12);
    expect(layout.colLabelEvery * layout.grid.cellWidth).toBeGreaterThanOrEqual(12);
  });

  it('honours fixed cell sizes and leaves room for axis titles', () => {
    const layout = heatmapLayout({
      ...base,
      rows: 5,
      cols: 7,
      width: 10,
      cellSize: 6,
      cellHeight: 3,
      xTitle: true,
      yTitle: true,
    });
    expect(layout.grid).toMatchObject({ x: 16, cellWidth: 6, cellHeight: 3 });
    expect(layout.height).toBe(5 * 3 + 18);
  });
});

describe('valuesFit', () => {
  it('shows values only in cells big enough for them', () => {
    expect(valuesFit(24, 24, 2, 10)).toBe(true);
    expect(valuesFit(24, 24, 5, 10)).toBe(false);
    expect(valuesFit(40, 8, 1, 10)).toBe(false);
  });
});

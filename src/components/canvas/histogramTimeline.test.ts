import { describe, expect, it } from 'vitest';
import { cellAt } from './gridLayout';
import {
  binEdges,
  binOfRow,
  describeBin,
  maxCount,
  snapshotTicks,
  TIMELINE_MARGIN,
  timelineGrid,
  timelinePlot,
  valueTicks,
} from './histogramTimeline';

describe('histogram timeline maths', () => {
  it('splits the value range into equal bins', () => {
    expect(binEdges([-1, 1], 4, 0)).toEqual([-1, -0.5]);
    expect(binEdges([-1, 1], 4, 3)).toEqual([0.5, 1]);
  });

  it('puts the lowest bin on the bottom row', () => {
    expect(binOfRow(0, 10)).toBe(9);
    expect(binOfRow(9, 10)).toBe(0);
  });

  it('labels the value axis with round values inside the range', () => {
    const ticks = valueTicks([-1, 1]);
    expect(ticks.map((t) => t.value)).toContain(0);
    expect(ticks.find((t) => t.value === 0)?.fraction).toBe(0.5);
    for (const t of ticks) expect(t.fraction).toBeGreaterThanOrEqual(0);
    expect(valueTicks([1, 1])).toEqual([]);
  });

  it('describes a hovered bin and finds the largest count', () => {
    expect(describeBin('step 120', [-1, 1], 4, 1, 37)).toBe('step 120 · [-0.5, 0): 37');
    expect(maxCount(new Float32Array([0, 3, 12, 1]))).toBe(12);
    expect(maxCount([])).toBe(0);
  });
});

describe('timelineGrid', () => {
  it('gives each snapshot a column and each bin a row inside the margins', () => {
    const m = TIMELINE_MARGIN;
    const plot = timelinePlot(m.left + m.right + 500, m.top + m.bottom + 100);
    expect(plot).toEqual({ x: m.left, y: m.top, width: 500, height: 100 });
    const grid = timelineGrid(plot, 1000, 20);
    expect(grid).toMatchObject({ x: m.left, y: m.top, cellWidth: 0.5, cellHeight: 5 });
    // Half-pixel columns still hit-test: x = 250 px into the plot is snapshot 500.
    expect(cellAt(grid, m.left + 250.2, m.top + 1)).toEqual({ row: 0, col: 500 });
  });

  it('labels whole snapshot indices inside the run', () => {
    expect(snapshotTicks(0, 300)).toEqual([]);
    expect(snapshotTicks(1, 300)).toEqual([0]);
    const ticks = snapshotTicks(120, 300);
    expect(ticks[0]).toBe(0);
    for (const t of ticks) expect(Number.isInteger(t) && t < 120).toBe(true);
  });
});

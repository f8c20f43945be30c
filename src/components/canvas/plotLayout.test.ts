import { describe, expect, it } from 'vitest';
import { gridImageRect, gridPointAt, PLOT_MARGIN, plotRect, plotScales } from './plotLayout';
import type { Bounds } from './scatterScale';

const m = PLOT_MARGIN;
const plot = plotRect(m.left + m.right + 100, m.top + m.bottom + 100);
const domain: Bounds = { x: [-1, 1], y: [-1, 1] };
const scales = plotScales(domain, plot);

describe('plot layout', () => {
  it('fills the plot inside the margins, y up', () => {
    expect(plot).toEqual({ x: m.left, y: m.top, width: 100, height: 100 });
    expect(scales.x).toEqual({ d0: -1, d1: 1, r0: m.left, r1: m.left + 100 });
    expect(scales.y.r0).toBeGreaterThan(scales.y.r1);
  });

  it('extends a grid image half a step past the domain so pixel centres sit on grid points', () => {
    // 5 points over [-1, 1]: step 0.5, so the image spans [-1.25, 1.25] = 125 px.
    const rect = gridImageRect(domain, 5, scales);
    expect(rect.width).toBeCloseTo(125);
    expect(rect.x).toBeCloseTo(m.left - 12.5);
    // Pixel 0's centre is at x = -1, the first grid point.
    expect(rect.x + rect.width / 10).toBeCloseTo(m.left);
  });

  it('finds the nearest grid point, bottom row first', () => {
    // Bottom-left corner of the plot is grid point (0, 0).
    expect(gridPointAt(domain, 5, scales, m.left + 1, m.top + 99)?.index).toBe(0);
    // Top-right corner is (4, 4).
    expect(gridPointAt(domain, 5, scales, m.left + 99, m.top + 1)?.index).toBe(24);
    expect(gridPointAt(domain, 5, scales, m.left - 30, m.top + 50)).toBeNull();
  });
});

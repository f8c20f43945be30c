import { describe, expect, it } from 'vitest';
import { classShape, MARKER_GLYPHS, MARKER_SHAPES, traceMarker } from './markers';

/** Records the path calls a marker makes, and the points it visits. */
function recorder() {
  const calls: string[] = [];
  const points: [number, number][] = [];
  const context = {
    moveTo: (x: number, y: number) => (calls.push('moveTo'), points.push([x, y])),
    lineTo: (x: number, y: number) => (calls.push('lineTo'), points.push([x, y])),
    arc: () => calls.push('arc'),
    rect: (x: number, y: number, w: number, h: number) => (
      calls.push('rect'),
      points.push([x, y], [x + w, y + h])
    ),
    closePath: () => calls.push('closePath'),
  };
  return { context: context as unknown as CanvasRenderingContext2D, calls, points };
}

describe('class markers', () => {
  it('gives ten distinct shapes, each with a glyph, wrapping round; circles when off', () => {
    expect(new Set(MARKER_SHAPES).size).toBe(10);
    for (const shape of MARKER_SHAPES) expect(MARKER_GLYPHS[shape]).toBeTruthy();
    expect(classShape(0, true)).toBe('circle');
    expect(classShape(1, true)).toBe('square');
    expect(classShape(10, true)).toBe(classShape(0, true));
    expect(classShape(-1, true)).toBe(classShape(9, true));
    for (let c = 0; c < 10; c++) expect(classShape(c, false)).toBe('circle');
  });

  it('traces every shape as one closed sub-path around its centre, within about 1.5 radii', () => {
    for (const shape of MARKER_SHAPES) {
      const { context, calls, points } = recorder();
      traceMarker(context, shape, 50, 40, 4);
      expect(calls[0], shape).toMatch(/moveTo|rect/);
      if (calls.includes('lineTo')) expect(calls.at(-1), shape).toBe('closePath');
      for (const [x, y] of points)
        expect(Math.hypot(x - 50, y - 40), shape).toBeLessThanOrEqual(6.1);
      const mean = points.reduce((s, [x, y]) => [s[0] + x, s[1] + y], [0, 0]);
      if (
        shape !== 'circle' &&
        shape !== 'triangle' &&
        shape !== 'triangleDown' &&
        shape !== 'star' &&
        shape !== 'pentagon'
      ) {
        expect(mean[0] / points.length, shape).toBeCloseTo(50, 5);
        expect(mean[1] / points.length, shape).toBeCloseTo(40, 5);
      }
    }
  });
});

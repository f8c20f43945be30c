import { describe, expect, it } from 'vitest';
import { LEGEND, layoutLegend, type LegendEntry } from './legendLayout';

const entry = (label: string): LegendEntry => ({ label, colour: '#000', dashed: false });
// Every character 10 px wide: an entry is swatch + gap + 10 × its length.
const width = (label: string) => label.length * 10;
const entryWidth = (label: string) => LEGEND.swatchWidth + LEGEND.gap + width(label);

describe('placing a saved chart’s legend', () => {
  it('puts entries side by side while they fit, then starts a new row', () => {
    const labels = ['Run 1 · training', 'Run 1 · validation', 'Run 2 · training'];
    // Room for the first two only.
    const room =
      2 * LEGEND.padding + entryWidth(labels[0]!) + LEGEND.entryGap + entryWidth(labels[1]!);
    const { placed, height } = layoutLegend(labels.map(entry), room, width);
    expect(placed.map((p) => [p.x, p.y])).toEqual([
      [LEGEND.padding, 0],
      [LEGEND.padding + entryWidth(labels[0]!) + LEGEND.entryGap, 0],
      [LEGEND.padding, LEGEND.rowHeight],
    ]);
    expect(height).toBe(2 * LEGEND.rowHeight);
  });

  it('gives an entry wider than the chart a row of its own, and no legend no height', () => {
    const long = entry('x'.repeat(100));
    const { placed, height } = layoutLegend([entry('a'), long, entry('b')], 300, width);
    expect(placed.map((p) => p.y)).toEqual([0, LEGEND.rowHeight, 2 * LEGEND.rowHeight]);
    expect(height).toBe(3 * LEGEND.rowHeight);
    expect(layoutLegend([], 300, width).height).toBe(0);
  });
});

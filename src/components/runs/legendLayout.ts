/**
 * Where a chart's legend entries go when the chart is saved as a picture: left to right, wrapping
 * to a new row when the next entry would pass the right edge. Pure (text widths are passed in), so
 * it is tested in Node; downloadChartPng draws what it places.
 */
export interface LegendEntry {
  label: string;
  colour: string;
  dashed: boolean;
}

export interface PlacedEntry extends LegendEntry {
  /** Top-left corner of the entry's swatch, in CSS pixels from the legend's top-left. */
  x: number;
  y: number;
}

/** Sizes of a legend row, in CSS pixels. */
export const LEGEND = {
  rowHeight: 20,
  swatchWidth: 22,
  /** Between swatch and label, and between one entry and the next. */
  gap: 6,
  entryGap: 16,
  padding: 12,
} as const;

/**
 * Places `entries` in rows no wider than `width`; `textWidth` measures a label. An entry wider
 * than a row gets a row of its own (its label overflows rather than vanishing).
 */
export function layoutLegend(
  entries: readonly LegendEntry[],
  width: number,
  textWidth: (label: string) => number,
): { placed: PlacedEntry[]; height: number } {
  const placed: PlacedEntry[] = [];
  const right = width - LEGEND.padding;
  let x = LEGEND.padding;
  let row = 0;
  for (const entry of entries) {
    const entryWidth = LEGEND.swatchWidth + LEGEND.gap + textWidth(entry.label);
    if (x > LEGEND.padding && x + entryWidth > right) {
      row++;
      x = LEGEND.padding;
    }
    placed.push({ ...entry, x, y: row * LEGEND.rowHeight });
    x += entryWidth + LEGEND.entryGap;
  }
  const rows = entries.length === 0 ? 0 : row + 1;
  return { placed, height: rows * LEGEND.rowHeight };
}

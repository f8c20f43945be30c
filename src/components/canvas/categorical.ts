import { CLASS_COLOURS } from '../PointsPlot';
import { hexToRgb, type Rgb } from './colourMaps';

/**
 * Class colours: the app's Okabe–Ito colours (shared with the dataset browser, so a class keeps its
 * colour from the data panel to the internals views), extended for up to ten classes (MNIST) with
 * Okabe–Ito's yellow and three of Paul Tol's colour-blind-safe "muted" colours. Beyond ten the
 * palette repeats; the legend still names every class.
 */
export const CATEGORICAL: readonly string[] = [
  ...CLASS_COLOURS,
  '#f0e442',
  '#332288',
  '#882255',
  '#999933',
];

const CATEGORICAL_RGB: readonly Rgb[] = CATEGORICAL.map(hexToRgb);

/** The colour of class `id` (wrapping round the palette; negative or NaN ids get the first). */
export function classColour(id: number): string {
  return CATEGORICAL[paletteIndex(id)] ?? '#000000';
}

export function classRgb(id: number): Rgb {
  return CATEGORICAL_RGB[paletteIndex(id)] ?? [0, 0, 0];
}

function paletteIndex(id: number): number {
  const n = CATEGORICAL.length;
  return Number.isFinite(id) && id >= 0 ? Math.floor(id) % n : 0;
}

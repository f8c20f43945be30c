/**
 * Colour maps for the internals views, kept as 256-entry lookup tables so that colouring a cell
 * costs one index and three byte copies: no string parsing and no allocation per cell, which is
 * what lets a view repaint thousands of cells several times a second.
 */

export type Rgb = readonly [number, number, number];

export interface ColourMap {
  readonly name: string;
  /** LUT_SIZE colours as consecutive (r, g, b) bytes; entry 0 is the low end. */
  readonly lut: Uint8ClampedArray;
}

export const LUT_SIZE = 256;

/** Parses `#rrggbb` (the only form the palettes here use). */
export function hexToRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) throw new Error(`hexToRgb: colour "${hex}" is not of the form #rrggbb`);
  const n = parseInt(match[1] ?? '0', 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** A colour map that interpolates linearly between evenly spaced anchor colours. */
export function createColourMap(name: string, anchors: readonly string[]): ColourMap {
  if (anchors.length < 2) throw new Error(`createColourMap: "${name}" needs at least 2 anchors`);
  const rgb = anchors.map(hexToRgb);
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  const last = rgb.length - 1;
  for (let i = 0; i < LUT_SIZE; i++) {
    const position = (i / (LUT_SIZE - 1)) * last;
    const k = Math.min(Math.floor(position), last - 1);
    const f = position - k;
    const [r0, g0, b0] = rgb[k] ?? [0, 0, 0];
    const [r1, g1, b1] = rgb[k + 1] ?? [r0, g0, b0];
    lut[i * 3] = Math.round(r0 + (r1 - r0) * f);
    lut[i * 3 + 1] = Math.round(g0 + (g1 - g0) * f);
    lut[i * 3 + 2] = Math.round(b0 + (b1 - b0) * f);
  }
  return { name, lut };
}

/**
 * Sequential: viridis (van der Walt & Smith, matplotlib), sampled at 11 points. Lightness rises
 * monotonically and it stays readable with the common colour-vision deficiencies and in greyscale.
 */
export const SEQUENTIAL: ColourMap = createColourMap('viridis', [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
]);

/**
 * Diverging, for signed values: blue (negative) – near-white (zero) – orange (positive). Blue
 * against orange survives red–green colour blindness; both arms darken at about the same rate, so
 * equal magnitudes look equally strong.
 */
export const DIVERGING: ColourMap = createColourMap('blue-white-orange', [
  '#133f7a',
  '#2f6bad',
  '#6b9fd1',
  '#b3d0ea',
  '#f5f5f5',
  '#f2c392',
  '#dd8640',
  '#b05018',
  '#6a2a04',
]);

/**
 * The LUT entry for `value` on [lo, hi], clamped; -1 for NaN (callers paint "missing"). A flat
 * range (lo === hi) gives the middle entry, so a constant map is neither black nor white.
 */
export function colourIndex(value: number, lo: number, hi: number): number {
  if (Number.isNaN(value)) return -1;
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return LUT_SIZE >> 1;
  const t = (value - lo) / span;
  if (t <= 0) return 0;
  if (t >= 1) return LUT_SIZE - 1;
  return Math.round(t * (LUT_SIZE - 1));
}

/** The map's colour at t ∈ [0, 1] as a CSS colour, for legends and text (not per-cell painting). */
export function cssColour(map: ColourMap, t: number): string {
  const i = colourIndex(t, 0, 1) * 3;
  return `rgb(${map.lut[i]} ${map.lut[i + 1]} ${map.lut[i + 2]})`;
}

/** A CSS linear-gradient through the map, for a colour-scale legend drawn without a canvas. */
export function gradientCss(map: ColourMap, stops = 9, direction = 'to right'): string {
  const parts: string[] = [];
  for (let s = 0; s < stops; s++) {
    const t = s / (stops - 1);
    parts.push(`${cssColour(map, t)} ${Math.round(t * 100)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** WCAG relative luminance of an sRGB colour given as bytes. */
export function relativeLuminance(r: number, g: number, b: number): number {
  const lin = (byte: number) => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** CIE L* (0 black … 100 white): the lightness a viewer perceives. */
export function lightness(r: number, g: number, b: number): number {
  const y = relativeLuminance(r, g, b);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

export const DARK_INK = '#0f172a';
export const LIGHT_INK = '#ffffff';
const DARK_INK_LUMINANCE = relativeLuminance(...hexToRgb(DARK_INK));

/** The ink (dark or white) with the higher WCAG contrast ratio on this background. */
export function contrastInk(r: number, g: number, b: number): string {
  const bg = relativeLuminance(r, g, b);
  const onDark = (1 + 0.05) / (bg + 0.05);
  const onLight = (bg + 0.05) / (DARK_INK_LUMINANCE + 0.05);
  return onLight >= onDark ? DARK_INK : LIGHT_INK;
}

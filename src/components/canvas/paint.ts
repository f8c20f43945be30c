import { classRgb } from './categorical';
import { colourIndex, type ColourMap, type Rgb } from './colourMaps';
import { classProbability } from './probabilities';
import type { Range } from './valueRange';

/**
 * Pure pixel painting: values → RGBA bytes of an ImageData-sized buffer, one pixel per cell. The
 * view then draws that small image scaled up onto its canvas (one drawImage), which is far cheaper
 * than a fillRect per cell and never creates DOM nodes.
 */

/** ImageData satisfies this; tests pass a plain object. */
export interface PixelTarget {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Where cell (r, c) lives in a flat array: values[offset + r * row + c * col]. */
export interface Strides {
  readonly offset: number;
  readonly row: number;
  readonly col: number;
}

/** A [rows, cols] row-major matrix. */
export function rowMajor(cols: number): Strides {
  return { offset: 0, row: cols, col: 1 };
}

/** A [cols, rows] row-major array shown transposed (e.g. [time, units] with time across). */
export function transposed(rows: number): Strides {
  return { offset: 0, row: 1, col: rows };
}

/** A [rows, cols] row-major grid whose row 0 is the bottom (y grows upwards, as on a plot). */
export function bottomUp(rows: number, cols: number): Strides {
  return { offset: (rows - 1) * cols, row: -cols, col: 1 };
}

/** A channels-last [h, w, channels] tensor's channel `channel` as an [h, w] matrix. */
export function channelOf(width: number, channels: number, channel: number): Strides {
  return { offset: channel, row: width * channels, col: channels };
}

export interface MatrixSource {
  readonly values: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
  readonly strides: Strides;
}

/** 'log1p' colours by log(1 + value): counts spanning orders of magnitude stay visible. */
export type Scale = 'linear' | 'log1p';

/** NaN cells: a neutral grey that is in neither colour map, so missing values stand out. */
export const MISSING_RGB: Rgb = [203, 213, 225];

/** The colour-table entry of `value` on `range` under `scale` (-1 for NaN, as colourIndex). */
export function scaledIndex(value: number, range: Range, scale: Scale): number {
  if (scale === 'log1p') {
    return colourIndex(Math.log1p(value), Math.log1p(range[0]), Math.log1p(range[1]));
  }
  return colourIndex(value, range[0], range[1]);
}

/**
 * Paints `source` into `target` with its top-left cell at (x0, y0). Cells whose index falls
 * outside `values` (the unused tail of a wrapped strip) become transparent; NaN becomes
 * MISSING_RGB. Every pixel of the region is written, so a reused ImageData needs no clearing.
 */
export function paintMatrix(
  target: PixelTarget,
  source: MatrixSource,
  range: Range,
  map: ColourMap,
  scale: Scale = 'linear',
  x0 = 0,
  y0 = 0,
): void {
  const { values, rows, cols, strides } = source;
  const { data, width } = target;
  const lut = map.lut;
  const length = values.length;
  for (let r = 0; r < rows; r++) {
    const y = y0 + r;
    if (y < 0 || y >= target.height) continue;
    for (let c = 0; c < cols; c++) {
      const x = x0 + c;
      if (x < 0 || x >= width) continue;
      const p = (y * width + x) * 4;
      const i = strides.offset + r * strides.row + c * strides.col;
      if (i < 0 || i >= length) {
        data[p + 3] = 0;
        continue;
      }
      const k = scaledIndex(values[i] ?? NaN, range, scale) * 3;
      const rgb = k < 0 ? MISSING_RGB : null;
      data[p] = rgb ? rgb[0] : (lut[k] ?? 0);
      data[p + 1] = rgb ? rgb[1] : (lut[k + 1] ?? 0);
      data[p + 2] = rgb ? rgb[2] : (lut[k + 2] ?? 0);
      data[p + 3] = 255;
    }
  }
}

/** How much of the class colour shows over white, at the least and at full confidence. */
export const BOUNDARY_STRENGTH = { uncertain: 0.2, confident: 0.7 } as const;

/**
 * Paints a decision-boundary background: grid point (ix, iy) of a gridSize × gridSize grid, stored
 * at iy * gridSize + ix with iy = 0 at the domain's bottom, becomes pixel (ix, gridSize - 1 - iy).
 * Its colour is the probability-weighted blend of the class colours, lightened towards white the
 * less confident the model is, so the boundary itself shows as a pale band and the points drawn on
 * top keep their contrast.
 *
 * `probs` is p(class 1) per grid point when numClasses is 2 and it has gridSize² entries;
 * otherwise [gridSize², numClasses] row-major.
 */
export function paintProbabilities(
  target: PixelTarget,
  probs: ArrayLike<number>,
  gridSize: number,
  numClasses: number,
  strength: { readonly uncertain: number; readonly confident: number } = BOUNDARY_STRENGTH,
): void {
  const cells = gridSize * gridSize;
  const k = Math.max(1, numClasses);
  const { data, width } = target;
  for (let iy = 0; iy < gridSize; iy++) {
    const y = gridSize - 1 - iy;
    if (y >= target.height) continue;
    for (let ix = 0; ix < gridSize && ix < width; ix++) {
      const cell = iy * gridSize + ix;
      const p = (y * width + ix) * 4;
      let r = 0;
      let g = 0;
      let b = 0;
      let total = 0;
      let top = 0;
      for (let c = 0; c < k; c++) {
        const q = classProbability(probs, cells, k, cell, c);
        if (!(q > 0)) continue; // also skips NaN
        const colour = classRgb(c);
        r += q * colour[0];
        g += q * colour[1];
        b += q * colour[2];
        total += q;
        if (q > top) top = q;
      }
      if (!(total > 0)) {
        data[p] = MISSING_RGB[0];
        data[p + 1] = MISSING_RGB[1];
        data[p + 2] = MISSING_RGB[2];
        data[p + 3] = 255;
        continue;
      }
      // Confidence 0 when every class is equally likely, 1 when one class has it all.
      const confidence = k > 1 ? Math.max(0, (top / total - 1 / k) / (1 - 1 / k)) : 1;
      const a = strength.uncertain + (strength.confident - strength.uncertain) * confidence;
      data[p] = 255 + (r / total - 255) * a;
      data[p + 1] = 255 + (g / total - 255) * a;
      data[p + 2] = 255 + (b / total - 255) * a;
      data[p + 3] = 255;
    }
  }
}

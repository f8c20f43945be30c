import { drawScaled, GRID_LINE, type ScratchImage } from './canvasSetup';
import type { ColourMap } from './colourMaps';
import type { GridLayout } from './gridLayout';
import { channelOf, paintMatrix } from './paint';
import { ownRange } from './valueRange';

export interface FeatureMapsDrawing {
  readonly values: Float32Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** How many channels to draw, from channel 0. */
  readonly shown: number;
  readonly grid: GridLayout;
  readonly tileWidth: number;
  readonly tileHeight: number;
  readonly map: ColourMap;
}

/**
 * Paints every shown channel, each normalised to its own min–max, side by side into one small
 * atlas image (one upload), then draws each atlas slice scaled into its tile.
 */
export function drawFeatureMaps(
  context: CanvasRenderingContext2D,
  scratch: ScratchImage,
  d: FeatureMapsDrawing,
): void {
  const { height: h, width: w, channels, shown, grid } = d;
  const atlas = scratch.pixels(w * shown, h);
  for (let c = 0; c < shown; c++) {
    const range = ownRange(d.values, c, h * w, channels);
    const source = { values: d.values, rows: h, cols: w, strides: channelOf(w, channels, c) };
    paintMatrix(atlas, source, range, d.map, 'linear', c * w, 0);
  }
  const image = scratch.commit();
  if (!image) return;
  context.strokeStyle = GRID_LINE;
  context.lineWidth = 1;
  for (let c = 0; c < shown; c++) {
    const dest = {
      x: grid.x + (c % grid.cols) * grid.cellWidth,
      y: grid.y + Math.floor(c / grid.cols) * grid.cellHeight,
      width: d.tileWidth,
      height: d.tileHeight,
    };
    drawScaled(context, image, dest, false, { x: c * w, y: 0, width: w, height: h });
    context.strokeRect(dest.x - 0.5, dest.y - 0.5, dest.width + 1, dest.height + 1);
  }
}

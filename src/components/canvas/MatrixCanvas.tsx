import { useEffect, useRef } from 'react';
import { drawScaled, prepareCanvas, ScratchImage } from './canvasSetup';
import type { ColourMap } from './colourMaps';
import { paintMatrix, type Strides } from './paint';
import type { Range } from './valueRange';

interface Props {
  values: Float32Array;
  rows: number;
  cols: number;
  strides: Strides;
  range: Range;
  colourMap: ColourMap;
  /** Drawn size, CSS pixels. */
  width: number;
  height: number;
  /** Smooth a sampled field (a neuron's map); keep crisp cells for matrices. */
  smooth?: boolean;
  /** Screen-reader description; without one the canvas is decorative (its parent names it). */
  label?: string | undefined;
}

/** A bare matrix image (no labels, no hover) for small multiples: attention heads, neuron maps. */
export function MatrixCanvas({
  values,
  rows,
  cols,
  strides,
  range,
  colourMap,
  width,
  height,
  smooth = false,
  label,
}: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<ScratchImage | null>(null);
  const [lo, hi] = range;
  useEffect(() => {
    const element = canvas.current;
    const context = element && prepareCanvas(element, width, height);
    if (!context) return;
    const pixels = (scratch.current ??= new ScratchImage()).pixels(cols, rows);
    paintMatrix(pixels, { values, rows, cols, strides }, [lo, hi], colourMap);
    const image = scratch.current.commit();
    if (image) drawScaled(context, image, { x: 0, y: 0, width, height }, smooth);
  }, [values, rows, cols, strides, lo, hi, colourMap, width, height, smooth]);
  return (
    <canvas
      ref={canvas}
      className="internals-canvas"
      style={{ width, height }}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}

/**
 * Canvas plumbing shared by the internals views (DOM only, so not unit-tested): sharp drawing on
 * high-density screens, and one reusable small image per view for the "paint pixels, scale up"
 * approach of paint.ts.
 */

/**
 * Sizes `canvas`'s backing store to width × height CSS pixels times devicePixelRatio, sets a
 * transform so drawing uses CSS pixels, and clears it. The backing store is only resized when the
 * size changes: resizing reallocates it, which a redraw several times a second should not do.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.setTransform(dpr, 0, 0, dpr, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}

/**
 * A small offscreen image: `pixels(w, h)` hands out an ImageData (kept while the size stays the
 * same), `commit()` uploads it and returns a canvas to drawImage from, scaled. putImageData
 * ignores transforms and cannot scale, hence the detour through a second canvas.
 */
export class ScratchImage {
  private image: ImageData | null = null;
  private canvas: HTMLCanvasElement | null = null;

  pixels(width: number, height: number): ImageData {
    const w = Math.max(1, width);
    const h = Math.max(1, height);
    if (!this.image || this.image.width !== w || this.image.height !== h) {
      this.image = new ImageData(w, h);
    }
    return this.image;
  }

  commit(): HTMLCanvasElement | null {
    const image = this.image;
    if (!image) return null;
    const canvas = (this.canvas ??= document.createElement('canvas'));
    if (canvas.width !== image.width) canvas.width = image.width;
    if (canvas.height !== image.height) canvas.height = image.height;
    canvas.getContext('2d')?.putImageData(image, 0, 0);
    return canvas;
  }
}

/** Draws `source` (or its sub-rectangle) into a rectangle: crisp cells, or smoothed for fields. */
export function drawScaled(
  context: CanvasRenderingContext2D,
  source: HTMLCanvasElement,
  dest: { x: number; y: number; width: number; height: number },
  smooth: boolean,
  from: { x: number; y: number; width: number; height: number } = {
    x: 0,
    y: 0,
    width: source.width,
    height: source.height,
  },
): void {
  context.imageSmoothingEnabled = smooth;
  if (smooth) context.imageSmoothingQuality = 'high';
  context.drawImage(
    source,
    from.x,
    from.y,
    from.width,
    from.height,
    dest.x,
    dest.y,
    dest.width,
    dest.height,
  );
}

/** `text`, cut with an ellipsis to fit `maxWidth` (measured with the context's current font). */
export function fitText(context: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (context.measureText(text).width <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (context.measureText(`${text.slice(0, mid)}…`).width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}

/** The font and ink shared with LineChart, so internals views look like the app's charts. */
export const FONT_PX = 11;
export const FONT = `${FONT_PX}px system-ui, sans-serif`;
export const INK = '#475569';
export const GRID_LINE = '#e2e8f0';

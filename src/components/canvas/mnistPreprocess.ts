/**
 * Turns a drawing into an MNIST-style input, following how the MNIST digits were made (LeCun et
 * al.): the digit's bounding box is scaled, keeping its aspect ratio, to fit a 20 × 20 box (with
 * anti-aliasing, here an area average), then placed in a 28 × 28 field so that its centre of mass
 * sits at the field's centre. A model trained on MNIST expects exactly this framing: the same
 * stroke drawn small in a corner would otherwise look like nothing it has seen.
 */

export const MNIST_SIZE = 28;
export const MNIST_BOX = 20;
/** Pad pixels fainter than this do not count towards the digit's bounding box. */
const INK_THRESHOLD = 0.05;

/** Greyscale [0, 1] from canvas RGBA bytes (white strokes on black: the red channel suffices). */
export function rgbaToGrey(rgba: Uint8ClampedArray, out: Float32Array): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = (rgba[i * 4] ?? 0) / 255;
  return out;
}

/** The inked pixels' bounding box [x0, y0, x1, y1] (inclusive), or null for an empty image. */
export function inkBounds(
  grey: ArrayLike<number>,
  width: number,
  height: number,
): [number, number, number, number] | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((grey[y * width + x] ?? 0) > INK_THRESHOLD) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : [x0, y0, x1, y1];
}

/**
 * Area-average resampling of the source rectangle (sx, sy, sw, sh) to dw × dh: each output pixel
 * is the mean of the source area it covers, with partial pixels weighted by their overlap. This is
 * a proper anti-aliased downscale, and for upscaling it degrades gracefully to nearest-ish boxes.
 */
export function resampleArea(
  src: ArrayLike<number>,
  srcWidth: number,
  sx: number,
  sy: number,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
): Float32Array {
  const out = new Float32Array(dw * dh);
  const fx = sw / dw;
  const fy = sh / dh;
  for (let j = 0; j < dh; j++) {
    const top = sy + j * fy;
    const bottom = top + fy;
    for (let i = 0; i < dw; i++) {
      const left = sx + i * fx;
      const right = left + fx;
      let sum = 0;
      for (let y = Math.floor(top); y < bottom; y++) {
        const wy = Math.min(bottom, y + 1) - Math.max(top, y);
        if (wy <= 0) continue;
        for (let x = Math.floor(left); x < right; x++) {
          const wx = Math.min(right, x + 1) - Math.max(left, x);
          if (wx > 0) sum += (src[y * srcWidth + x] ?? 0) * wx * wy;
        }
      }
      out[j * dw + i] = sum / (fx * fy);
    }
  }
  return out;
}

/** Centre of mass (x, y) of a width × height image, measured to pixel centres. */
export function centreOfMass(
  image: ArrayLike<number>,
  width: number,
  height: number,
): [number, number] | null {
  let total = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = image[y * width + x] ?? 0;
      total += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return total > 0 ? [mx / total, my / total] : null;
}

/**
 * A width × height greyscale drawing (values in [0, 1], white ink on black) as a 28 × 28 MNIST-style
 * image in [0, 1], row-major. An empty drawing gives all zeros.
 */
export function toMnistInput(grey: ArrayLike<number>, width: number, height: number): Float32Array {
  const out = new Float32Array(MNIST_SIZE * MNIST_SIZE);
  const bounds = inkBounds(grey, width, height);
  if (!bounds) return out;
  const [x0, y0, x1, y1] = bounds;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  // Longest side to 20 px, aspect ratio kept: a "1" stays thin.
  const scale = MNIST_BOX / Math.max(bw, bh);
  const dw = Math.max(1, Math.min(MNIST_BOX, Math.round(bw * scale)));
  const dh = Math.max(1, Math.min(MNIST_BOX, Math.round(bh * scale)));
  const digit = resampleArea(grey, width, x0, y0, bw, bh, dw, dh);
  // Averaging thins a stroke's peak; MNIST strokes reach full white, so stretch the max to 1.
  let peak = 0;
  for (const v of digit) if (v > peak) peak = v;
  const centre = centreOfMass(digit, dw, dh);
  if (!centre || peak <= 0) return out;
  // Whole-pixel shift putting the centre of mass at the field's centre (14, 14), as MNIST did.
  const ox = Math.round(MNIST_SIZE / 2 - centre[0]);
  const oy = Math.round(MNIST_SIZE / 2 - centre[1]);
  for (let y = 0; y < dh; y++) {
    const ty = y + oy;
    if (ty < 0 || ty >= MNIST_SIZE) continue;
    for (let x = 0; x < dw; x++) {
      const tx = x + ox;
      if (tx < 0 || tx >= MNIST_SIZE) continue;
      out[ty * MNIST_SIZE + tx] = Math.min(1, (digit[y * dw + x] ?? 0) / peak);
    }
  }
  return out;
}

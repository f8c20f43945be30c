import { useEffect, useRef } from 'react';

interface Props {
  /** Values in [0, 1], [h, w, channels] flattened (1 = greyscale, 3 = RGB). */
  pixels: Float32Array;
  shape: [number, number, number];
  /** Drawn size in CSS pixels (the canvas keeps the image's own resolution). */
  size?: number;
}

/** One image sample drawn to a canvas at its own resolution, scaled up without smoothing. */
export function ImageTile({ pixels, shape, size = 56 }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w, c] = shape;
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(w, h);
    for (let p = 0; p < h * w; p++) {
      for (let k = 0; k < 3; k++) {
        const value = pixels[p * c + (c === 1 ? 0 : k)] ?? 0;
        image.data[p * 4 + k] = Math.round(Math.min(1, Math.max(0, value)) * 255);
      }
      image.data[p * 4 + 3] = 255;
    }
    context.putImageData(image, 0, 0);
  }, [pixels, h, w, c]);
  return (
    <canvas
      ref={ref}
      width={w}
      height={h}
      className="image-tile"
      style={{ width: size, height: (size * h) / w }}
    />
  );
}

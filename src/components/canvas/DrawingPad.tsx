import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageTile } from '../ImageTile';
import { MNIST_SIZE, rgbaToGrey, toMnistInput } from './mnistPreprocess';
import { localPoint } from './pointer';
import { createThrottle } from './throttle';

interface Props {
  /**
   * A 28 × 28 greyscale image in [0, 1] (white strokes on black, centred like an MNIST digit),
   * at every stroke's end and at most every 100 ms while drawing; all zeros after Clear.
   */
  onChange: (pixels: Float32Array) => void;
  /** Width and height of the pad, CSS pixels. */
  size?: number | undefined;
  /** Stroke width as a fraction of the pad (MNIST strokes are about 1/10 of the digit box). */
  strokeFraction?: number | undefined;
  /** Show the 28 × 28 image the model receives next to the pad. */
  showPreview?: boolean | undefined;
  label?: string | undefined;
  testId?: string | undefined;
}

const EMIT_INTERVAL_MS = 100;
const BACKGROUND = '#000000';
const INK = '#ffffff';
const PREVIEW_SHAPE: [number, number, number] = [MNIST_SIZE, MNIST_SIZE, 1];

/**
 * A square pad to draw a digit on with mouse, touch or pen (pointer events, captured so a stroke
 * may leave the pad), turned into the 28 × 28 input an MNIST model expects.
 */
export function DrawingPad({
  onChange,
  size = 224,
  strokeFraction = 0.085,
  showPreview = true,
  label: givenLabel,
  testId = 'drawing-pad',
}: Props) {
  const { t } = useTranslation();
  const label = givenLabel ?? t('views.padLabel');
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [throttle] = useState(() => createThrottle(EMIT_INTERVAL_MS));
  const grey = useRef<Float32Array | null>(null);
  const [preview, setPreview] = useState<Float32Array>(() => new Float32Array(MNIST_SIZE ** 2));

  // The backing store matches the screen's pixels; the image is black until drawn on.
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const dpr = window.devicePixelRatio || 1;
    element.width = Math.round(size * dpr);
    element.height = Math.round(size * dpr);
    const context = element.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.fillStyle = BACKGROUND;
    context.fillRect(0, 0, size, size);
  }, [size]);

  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const emit = () => {
    const element = canvas.current;
    const c = context();
    if (!element || !c) return;
    const { width, height } = element;
    const rgba = c.getImageData(0, 0, width, height).data;
    if (grey.current?.length !== width * height) grey.current = new Float32Array(width * height);
    const pixels = toMnistInput(rgbaToGrey(rgba, grey.current), width, height);
    setPreview(pixels);
    onChange(pixels);
  };

  const strokeTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const c = context();
    const from = last.current;
    if (!c || !from) return;
    const to = localPoint(event);
    c.strokeStyle = INK;
    c.lineWidth = size * strokeFraction;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(from.x, from.y);
    c.lineTo(to.x, to.y);
    c.stroke();
    last.current = to;
  };

  const endStroke = () => {
    if (!last.current) return;
    last.current = null;
    throttle.reset();
    emit();
  };

  const clear = () => {
    const c = context();
    if (c) {
      c.fillStyle = BACKGROUND;
      c.fillRect(0, 0, size, size);
    }
    const empty = new Float32Array(MNIST_SIZE ** 2);
    setPreview(empty);
    onChange(empty);
  };

  return (
    <div
      className="internals-view drawing-pad"
      data-testid={testId}
      aria-label={label}
      role="group"
    >
      <canvas
        ref={canvas}
        className="drawing-pad-canvas"
        role="img"
        aria-label={label}
        style={{ width: size, height: size }}
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          last.current = localPoint(event);
          throttle.ready(performance.now());
          strokeTo(event); // a zero-length round-capped line: a dot for a tap
        }}
        onPointerMove={(event) => {
          if (!last.current) return;
          strokeTo(event);
          if (throttle.ready(performance.now())) emit();
        }}
        onPointerUp={endStroke}
        onPointerCancel={endStroke}
      />
      <div className="drawing-pad-side">
        <button type="button" data-testid={`${testId}-clear`} onClick={clear}>
          {t('views.clear')}
        </button>
        {showPreview && (
          <figure className="drawing-pad-preview" data-testid={`${testId}-preview`}>
            <ImageTile pixels={preview} shape={PREVIEW_SHAPE} size={56} />
            <figcaption>{t('views.padPreview')}</figcaption>
          </figure>
        )}
      </div>
    </div>
  );
}

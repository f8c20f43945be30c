import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassLegend } from './ClassLegend';
import { drawScaled, prepareCanvas, ScratchImage } from './canvasSetup';
import { formatValue } from './formatValue';
import { paintProbabilities } from './paint';
import { gridImageRect, gridPointAt, plotRect, plotScales } from './plotLayout';
import { useDisplayPrefs } from '../../state/displayPrefs';
import { drawAxes, drawPoints } from './plotDraw';
import { localPoint } from './pointer';
import { topClass } from './probabilities';
import type { Bounds } from './scatterScale';
import { Tooltip } from './Tooltip';

interface Props {
  /**
   * Class probabilities on a gridSize × gridSize grid over `domain` (both ends included), grid
   * point (ix, iy) at iy * gridSize + ix with iy = 0 at the bottom: p(class 1) per point for two
   * classes, otherwise [gridSize², numClasses] row-major.
   */
  probs: Float32Array;
  gridSize: number;
  numClasses: number;
  /** The input region the grid samples: [xmin, xmax] × [ymin, ymax]. */
  domain: Bounds;
  /** Data points [n, 2] drawn on top, coloured by `pointClasses`. */
  points?: Float32Array | undefined;
  pointClasses?: ArrayLike<number> | undefined;
  classNames?: readonly string[] | undefined;
  /** Width and height, CSS pixels. */
  size?: number | undefined;
  label: string;
  testId?: string | undefined;
}

/**
 * What a 2-D classifier predicts everywhere: the probability grid as a smooth background whose
 * colour blends the class colours by probability (paler where the model is unsure, so the boundary
 * reads as a light band), with the data points on top. Hover reads the prediction there.
 */
export function DecisionBoundary({
  probs,
  gridSize,
  numClasses,
  domain,
  points,
  pointClasses,
  classNames,
  size = 280,
  label,
  testId = 'decision-boundary',
}: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<ScratchImage | null>(null);
  const [hover, setHover] = useState<{
    index: number;
    x: number;
    y: number;
    px: number;
    py: number;
  } | null>(null);
  const plot = useMemo(() => plotRect(size, size), [size]);
  const scales = useMemo(() => plotScales(domain, plot), [domain, plot]);
  const pointCount = points ? Math.floor(points.length / 2) : 0;
  const shapes = useDisplayPrefs((s) => s.classShapes);

  useEffect(() => {
    const element = canvas.current;
    const context = element && prepareCanvas(element, size, size);
    if (!context) return;
    const pixels = (scratch.current ??= new ScratchImage()).pixels(gridSize, gridSize);
    paintProbabilities(pixels, probs, gridSize, numClasses);
    const image = scratch.current.commit();
    if (image) {
      context.save();
      context.beginPath();
      context.rect(plot.x, plot.y, plot.width, plot.height);
      context.clip();
      drawScaled(context, image, gridImageRect(domain, gridSize, scales), true);
      context.restore();
    }
    drawAxes(context, plot, scales, false);
    if (points) drawPoints(context, plot, scales, points, pointCount, pointClasses, 3, shapes);
  }, [
    probs,
    gridSize,
    numClasses,
    domain,
    points,
    pointCount,
    pointClasses,
    plot,
    scales,
    size,
    shapes,
  ]);

  let text = '';
  if (hover) {
    const { cls, p } = topClass(probs, gridSize * gridSize, numClasses, hover.index);
    const at = { x: formatValue(hover.x), y: formatValue(hover.y) };
    text =
      cls < 0
        ? t('views.boundaryTooltipEmpty', { ...at, name: t('views.noPrediction') })
        : t('views.boundaryTooltip', {
            ...at,
            name: classNames?.[cls] ?? t('views.classN', { index: cls }),
            p: formatValue(p),
          });
  }

  return (
    <figure
      className="internals-view decision-boundary"
      data-testid={testId}
      data-grid-size={gridSize}
      data-classes={numClasses}
      aria-label={label}
    >
      <div className="internals-stage" style={{ width: size, height: size }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={
            pointCount
              ? t('views.boundaryCanvasPoints', { label, count: pointCount })
              : t('views.boundaryCanvas', { label })
          }
          className="internals-canvas"
          style={{ width: size, height: size }}
          onPointerMove={(event) => {
            const { x, y } = localPoint(event);
            const at = gridPointAt(domain, gridSize, scales, x, y);
            setHover(at && { ...at, px: x, py: y });
          }}
          onPointerLeave={() => setHover(null)}
        />
        {hover && <Tooltip text={text} x={hover.px} y={hover.py - 24} viewWidth={size} />}
      </div>
      <ClassLegend count={numClasses} names={classNames} />
    </figure>
  );
}

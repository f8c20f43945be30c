import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CellHighlight } from './CellHighlight';
import { ClassLegend } from './ClassLegend';
import { prepareCanvas } from './canvasSetup';
import { formatValue } from './formatValue';
import { plotRect, plotScales } from './plotLayout';
import { useDisplayPrefs } from '../../state/displayPrefs';
import { drawAxes, drawPoints } from './plotDraw';
import { localPoint } from './pointer';
import { classCount, nearestPoint, pointBounds, toPixel } from './scatterScale';
import { Tooltip } from './Tooltip';

interface Props {
  /** Points [n, 2] row-major: x0, y0, x1, y1, … */
  points: Float32Array;
  /** Class id per point (colour); without it every point has the first colour. */
  classes?: ArrayLike<number> | undefined;
  classNames?: readonly string[] | undefined;
  /** Width and height, CSS pixels. */
  size?: number | undefined;
  onPointClick?: ((index: number) => void) | undefined;
  label: string;
  testId?: string | undefined;
}

const RADIUS = 3;
/** How far from a point (CSS pixels) hover and click still pick it. */
const PICK_RADIUS = 6;

/**
 * 2-D points (an embedding, a dataset) coloured by class, on autoscaled axes with a margin so no
 * point sits on the frame. One canvas and one path per class, so thousands of points stay cheap.
 */
export function ScatterPlot({
  points,
  classes,
  classNames,
  size = 280,
  onPointClick,
  label,
  testId = 'scatter-plot',
}: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState(-1);
  const count = Math.floor(points.length / 2);
  const plot = useMemo(() => plotRect(size, size), [size]);
  const scales = useMemo(() => plotScales(pointBounds(points, count), plot), [points, count, plot]);
  const legendCount = Math.max(classCount(classes, count), classNames?.length ?? 0);
  const shapes = useDisplayPrefs((s) => s.classShapes);

  useEffect(() => {
    const element = canvas.current;
    const context = element && prepareCanvas(element, size, size);
    if (!context) return;
    drawAxes(context, plot, scales, true);
    drawPoints(context, plot, scales, points, count, classes, RADIUS, shapes);
  }, [points, count, classes, plot, scales, size, shapes]);

  const pick = (event: MouseEvent) => {
    const { x, y } = localPoint(event);
    return nearestPoint(points, count, scales.x, scales.y, x, y, PICK_RADIUS);
  };
  const hx = hover >= 0 ? toPixel(scales.x, points[2 * hover] ?? NaN) : 0;
  const hy = hover >= 0 ? toPixel(scales.y, points[2 * hover + 1] ?? NaN) : 0;
  const hoverClass = hover >= 0 && classes ? (classes[hover] ?? 0) : null;
  const ring = RADIUS + 3;

  return (
    <figure
      className="internals-view scatter-plot"
      data-testid={testId}
      data-points={count}
      aria-label={label}
    >
      <div className="internals-stage" style={{ width: size, height: size }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('views.scatterCanvas', { label, count })}
          className={onPointClick ? 'internals-canvas clickable' : 'internals-canvas'}
          style={{ width: size, height: size }}
          onPointerMove={(event) => {
            const index = pick(event);
            if (index !== hover) setHover(index);
          }}
          onPointerLeave={() => setHover(-1)}
          onClick={(event) => {
            const index = pick(event);
            if (index >= 0) onPointClick?.(index);
          }}
        />
        {hover >= 0 && (
          <>
            <CellHighlight
              rect={{ x: hx - ring, y: hy - ring, width: 2 * ring, height: 2 * ring }}
              round
            />
            <Tooltip
              text={
                hoverClass === null
                  ? t('views.scatterTooltipPlain', {
                      index: hover,
                      x: formatValue(points[2 * hover] ?? NaN),
                      y: formatValue(points[2 * hover + 1] ?? NaN),
                    })
                  : t('views.scatterTooltip', {
                      index: hover,
                      name: classNames?.[hoverClass] ?? t('views.classN', { index: hoverClass }),
                      x: formatValue(points[2 * hover] ?? NaN),
                      y: formatValue(points[2 * hover + 1] ?? NaN),
                    })
              }
              x={hx + ring}
              y={hy - ring}
              viewWidth={size}
            />
          </>
        )}
      </div>
      {classes && <ClassLegend count={legendCount} names={classNames} />}
    </figure>
  );
}

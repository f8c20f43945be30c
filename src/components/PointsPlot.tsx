import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { manifestEntry } from '../data/datasets';
import { useTextLanguage } from '../i18n/useTextLanguage';
import type { DatasetInfo } from '../data/datasets';
import { useDisplayPrefs } from '../state/displayPrefs';
import type { SamplePage } from '../shared/protocol';
import { classShape, traceMarker } from './markers';

/** Colour-blind-safe class colours (Okabe–Ito), in class order. */
export const CLASS_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];

const SIZE = 240;

/**
 * 2-D points coloured by class, or a 1-D regression set as y against x. One canvas, however many
 * points.
 */
export function PointsPlot({ info, page }: { info: DatasetInfo; page: SamplePage }) {
  const { t } = useTranslation();
  const language = useTextLanguage();
  const name = manifestEntry(info.id)?.name[language] ?? info.name;
  const ref = useRef<HTMLCanvasElement>(null);
  const shapes = useDisplayPrefs((s) => s.classShapes);
  useEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, SIZE, SIZE);
    const regression = info.task === 'regression';
    const xs = Array.from({ length: page.count }, (_, n) => page.x[regression ? n : 2 * n] ?? 0);
    const ys = Array.from({ length: page.count }, (_, n) =>
      regression ? (page.y[n] ?? 0) : (page.x[2 * n + 1] ?? 0),
    );
    const bounds = (values: number[]) => {
      const lo = Math.min(...values, -1);
      const hi = Math.max(...values, 1);
      return [lo, hi - lo || 1] as const;
    };
    const [x0, xSpan] = bounds(xs);
    const [y0, ySpan] = bounds(ys);
    for (let n = 0; n < page.count; n++) {
      const px = (((xs[n] ?? 0) - x0) / xSpan) * (SIZE - 8) + 4;
      const py = SIZE - ((((ys[n] ?? 0) - y0) / ySpan) * (SIZE - 8) + 4);
      const label = regression ? 0 : (page.y[n] ?? 0);
      context.fillStyle = CLASS_COLOURS[label % CLASS_COLOURS.length] ?? '#000';
      context.beginPath();
      traceMarker(context, classShape(label, shapes && !regression), px, py, 2.2);
      context.fill();
    }
  }, [info, page, shapes]);
  return (
    <canvas
      ref={ref}
      width={SIZE}
      height={SIZE}
      className="points-plot"
      data-testid="browser-points"
      role="img"
      aria-label={t('browser.points', { count: page.count, name })}
    />
  );
}

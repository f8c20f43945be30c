import { deferred } from '../deferred';
import type { CurveChartProps } from './CurveChart';

/**
 * CurveChart with recharts (~100 KB gzip with its d3 and redux parts) loaded after the first
 * paint: the curves have nothing to draw before training starts. Until then an empty box of the
 * chart's height, labelled as the chart is, holds its place.
 */
export const LazyCurveChart = deferred<CurveChartProps>(
  () => import('./CurveChart').then((m) => m.CurveChart),
  ({ height, label }) => (
    <div
      className="curve-chart"
      role="img"
      aria-label={label}
      style={{ height }}
      data-testid="curve-chart-loading"
    />
  ),
);

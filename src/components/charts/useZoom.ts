import { useCallback, useMemo, useState } from 'react';
import { resolveRange, xExtent, type CurveSeries, type XRange } from './curveData';

/**
 * A chart's zoom to an x range (see ZoomRange), kept in x for the axis it was made on, so it holds
 * while a live run adds points, and another axis (epochs instead of steps) starts unzoomed.
 * `range` is the zoom resolved against the data now ("to the end" follows the newest point); it
 * keeps its identity while its ends do not move, so the downsampling memoised on it does not rerun.
 */
export function useZoom(zoomable: boolean, series: readonly CurveSeries[], axis: string) {
  const [zoom, setZoom] = useState<{ axis: string; range: XRange } | null>(null);
  const extent = useMemo(() => (zoomable ? xExtent(series) : null), [zoomable, series]);
  const resolved = resolveRange(zoom?.axis === axis ? zoom.range : null, extent);
  const from = resolved?.from;
  const to = resolved?.to;
  const range = useMemo(
    () => (from !== undefined && to !== undefined ? { from, to } : null),
    [from, to],
  );
  const onZoom = useCallback(
    (next: XRange | null) => setZoom(next ? { axis, range: next } : null),
    [axis],
  );
  return { extent, range, onZoom };
}

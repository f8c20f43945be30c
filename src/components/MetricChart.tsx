import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useStore } from '../state/store';
import type { TrainRecord, ValidationRecord } from '../workers/protocol';

type Metric = 'loss' | 'accuracy';

/** At most this many points are drawn per series; longer histories are thinned evenly. */
const MAX_POINTS = 400;

function thin<T>(points: readonly T[]): readonly T[] {
  if (points.length <= MAX_POINTS) return points;
  const stride = points.length / MAX_POINTS;
  const out: T[] = [];
  for (let i = 0; i < MAX_POINTS - 1; i++) out.push(points[Math.floor(i * stride)] as T);
  out.push(points[points.length - 1] as T);
  return out;
}

function pick(records: readonly (TrainRecord | ValidationRecord)[], metric: Metric) {
  return records
    .map((r) => ({ step: r.step, value: r[metric] }))
    .filter(
      (p): p is { step: number; value: number } => p.value !== null && Number.isFinite(p.value),
    );
}

function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  return abs >= 100 || abs < 0.01 ? value.toPrecision(2) : String(Number(value.toFixed(3)));
}

/** A live training + validation curve for one metric. */
export function MetricChart({ metric }: { metric: Metric }) {
  const train = useStore((s) => s.train);
  const validation = useStore((s) => s.validation);
  const trainPoints = useMemo(() => thin(pick(train, metric)), [train, metric]);
  const valPoints = useMemo(() => pick(validation, metric), [validation, metric]);
  const title = metric === 'loss' ? 'Loss' : 'Accuracy';
  const first = trainPoints[0]?.value;
  const last = trainPoints.at(-1)?.value;
  return (
    <figure
      className="chart"
      data-testid={`${metric}-chart`}
      data-points={trainPoints.length}
      data-val-points={valPoints.length}
      data-first={first ?? ''}
      data-last={last ?? ''}
    >
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis
            dataKey="step"
            type="number"
            domain={[0, 'dataMax']}
            allowDuplicatedCategory={false}
            tickFormatter={(v: number) => String(Math.round(v))}
            label={{ value: 'step', position: 'insideBottom', offset: -10, fontSize: 12 }}
            fontSize={12}
          />
          <YAxis
            domain={metric === 'accuracy' ? [0, 1] : ['auto', 'auto']}
            tickFormatter={formatTick}
            fontSize={12}
            width={48}
          />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? value.toFixed(4) : String(value))}
            labelFormatter={(label) => `step ${String(label)}`}
          />
          <Legend verticalAlign="top" height={24} iconType="plainline" />
          <Line
            name="training"
            data={trainPoints as { step: number; value: number }[]}
            dataKey="value"
            stroke="#2563eb"
            dot={false}
            strokeWidth={2}
            isAnimationActive={false}
          />
          <Line
            name="validation"
            data={valPoints}
            dataKey="value"
            stroke="#ea580c"
            dot={valPoints.length <= 30 ? { r: 3 } : false}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

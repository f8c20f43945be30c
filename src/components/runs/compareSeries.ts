/**
 * Curves of several runs as chart series and as CSV. Pure: the comparison chart memoises it.
 */
import type { Point } from '../../shared/runs/downsample';
import type { RunCurves, RunSummary } from '../../shared/runs/runTypes';
import type { CurveSeries } from '../charts/curveData';

export type CompareMetric = 'loss' | 'accuracy';
export type CompareAxis = 'step' | 'epoch' | 'time';

interface Labels {
  name(run: RunSummary): string;
  training: string;
  validation: string;
  colour(run: RunSummary): string;
}

type Record = { step: number; timeMs: number; loss: number; accuracy: number | null };

/** The x of a record on the chosen axis: steps, fractional epochs, or seconds of training. */
function xOf(record: Record, axis: CompareAxis, stepsPerEpoch: number): number {
  if (axis === 'epoch') return stepsPerEpoch > 0 ? record.step / stepsPerEpoch : record.step;
  if (axis === 'time') return record.timeMs / 1000;
  return record.step;
}

function points(records: readonly Record[], metric: CompareMetric, axis: CompareAxis, spe: number) {
  const out: Point[] = [];
  for (const record of records) {
    const y = record[metric];
    if (y !== null && Number.isFinite(y)) out.push({ x: xOf(record, axis, spe), y });
  }
  return out;
}

export function compareSeries(
  runs: readonly RunSummary[],
  curves: ReadonlyMap<string, RunCurves>,
  metric: CompareMetric,
  axis: CompareAxis,
  labels: Labels,
): CurveSeries[] {
  return runs.flatMap((run) => {
    const runCurves = curves.get(run.id);
    if (!runCurves) return [];
    const name = labels.name(run);
    const colour = labels.colour(run);
    return [
      {
        key: `${run.id}/train`,
        label: `${name} · ${labels.training}`,
        colour,
        dashed: false,
        group: run.id,
        points: points(runCurves.train, metric, axis, run.stepsPerEpoch),
      },
      {
        key: `${run.id}/validation`,
        label: `${name} · ${labels.validation}`,
        colour,
        dashed: true,
        group: run.id,
        points: points(runCurves.validation, metric, axis, run.stepsPerEpoch),
      },
    ].filter((series) => series.points.length > 0);
  });
}

/**
 * A CSV field: numbers as they are; text quoted when it holds a comma, quote or line break, and
 * text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return,
 * e.g. a run named "+dropout") starts with an apostrophe, which spreadsheets read as "text".
 */
export const csvField = (value: string | number | null) => {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Marks the file as UTF-8, so that spreadsheets show Chinese run names as they are. */
const UTF8_BOM = '\uFEFF';

/**
 * Every record of the runs, one line each: the run's id, number and name (names may repeat), split,
 * step, epoch, seconds, loss, accuracy.
 */
export function curvesCsv(
  runs: readonly RunSummary[],
  curves: ReadonlyMap<string, RunCurves>,
  name: (run: RunSummary) => string,
): string {
  const lines = ['run_id,run_number,run,split,step,epoch,time_s,loss,accuracy'];
  for (const run of runs) {
    const runCurves = curves.get(run.id);
    if (!runCurves) continue;
    for (const [split, records] of [
      ['train', runCurves.train],
      ['validation', runCurves.validation],
    ] as const) {
      for (const r of records) {
        lines.push(
          [
            run.id,
            run.number,
            name(run),
            split,
            r.step,
            r.epoch,
            r.timeMs / 1000,
            r.loss,
            r.accuracy,
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
  }
  return UTF8_BOM + lines.join('\n') + '\n';
}

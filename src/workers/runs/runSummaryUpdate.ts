/**
 * How one worker event changes a run's summary and curves. Pure: the recorder owns the state and
 * the storage; this owns the arithmetic (final and best numbers, training time).
 */
import type { WorkerEvent } from '../../shared/protocol';
import {
  EMPTY_METRICS,
  type RunCurves,
  type RunMetrics,
  type RunSummary,
} from '../../shared/runs/runTypes';

/** The recorded part of a run that events change. */
export interface RunLog {
  summary: RunSummary;
  /** The curve chunk being filled (earlier chunks are already stored). */
  chunk: RunCurves;
}

/** Applies `event` to `log` (mutating it); `timeMs` is the run's training time so far. */
export function applyEvent(log: RunLog, event: WorkerEvent, timeMs: number): boolean {
  const { summary } = log;
  switch (event.type) {
    case 'backend':
      summary.backend = event.report.backend;
      return true;
    case 'dataInfo':
      summary.stepsPerEpoch = event.stepsPerEpoch;
      return true;
    case 'train': {
      const { record } = event;
      log.chunk.train.push({ ...record, timeMs });
      summary.step = record.step;
      summary.epoch = Math.max(summary.epoch, record.epoch);
      summary.metrics.trainLoss = record.loss;
      summary.metrics.trainAccuracy = record.accuracy;
      summary.durationMs = timeMs;
      return true;
    }
    case 'validation': {
      const { record } = event;
      log.chunk.validation.push({ ...record, timeMs });
      const { metrics } = summary;
      metrics.valLoss = record.loss;
      metrics.valAccuracy = record.accuracy;
      summary.epoch = Math.max(summary.epoch, record.epoch);
      if (
        Number.isFinite(record.loss) &&
        (metrics.bestValLoss === null || record.loss < metrics.bestValLoss.value)
      ) {
        metrics.bestValLoss = { value: record.loss, step: record.step };
      }
      if (
        record.accuracy !== null &&
        (metrics.bestValAccuracy === null || record.accuracy > metrics.bestValAccuracy.value)
      ) {
        metrics.bestValAccuracy = { value: record.accuracy, step: record.step };
      }
      return true;
    }
    case 'test':
      summary.test = event.record;
      summary.metrics.testAccuracy = event.record.accuracy;
      return true;
    case 'phase':
      if (event.phase === 'done') summary.status = 'done';
      else if (event.phase === 'error') summary.status = 'error';
      return event.phase === 'done' || event.phase === 'error';
    default:
      return false;
  }
}

/** The curves up to and including `step`. */
export function truncateCurves(curves: RunCurves, step: number): RunCurves {
  return {
    train: curves.train.filter((r) => r.step <= step),
    validation: curves.validation.filter((r) => r.step <= step),
  };
}

/** A run's final and best numbers, recomputed from its curves (a run reopened at a checkpoint). */
export function metricsOf(curves: RunCurves): RunMetrics {
  const log: RunLog = {
    // Only the metrics of this stand-in summary are read.
    summary: { metrics: { ...EMPTY_METRICS }, epoch: 0 } as RunSummary,
    chunk: { train: [], validation: [] },
  };
  const last = curves.train.at(-1);
  if (last) applyEvent(log, { type: 'train', runId: 0, record: last }, 0);
  for (const record of curves.validation) {
    applyEvent(log, { type: 'validation', runId: 0, record }, 0);
  }
  return log.summary.metrics;
}

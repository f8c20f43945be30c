/**
 * Trains a preset the way a student's click does, through the real session, data loader and
 * bundled files on the tfjs CPU backend, and collects what the UI would show at the end. Shared by
 * the preset-result tests, which are split over files so that vitest runs them in parallel.
 */
import { expect } from 'vitest';
import { builtinDataset } from '../../data/datasets';
import { PRESETS } from '../../models/presets';
import { installCpuKernels } from '../kernels/cpuUnsortedSegmentSum';
import type { TestRecord, TrainRecord, ValidationRecord } from '../../shared/protocol';
import { harness, request } from './sessionHarness';

export interface Outcome {
  trains: TrainRecord[];
  validation: ValidationRecord;
  test: TestRecord | null;
}

export interface PresetExpectation {
  preset: string;
  /** Another built-in dataset than the preset's own (its defaults), to show a contrast. */
  dataset?: string;
  /**
   * Stop after this many steps instead of the preset's epochs; the run then validates and scores
   * its test set as a finished one does. For the models that are slow on the CPU backend.
   */
  steps?: number;
  check(outcome: Outcome): void;
}

/** Mean training loss of the first and the last three records. */
export function lossDrop(trains: readonly TrainRecord[]): { first: number; last: number } {
  const mean = (records: readonly TrainRecord[]) =>
    records.reduce((sum, r) => sum + r.loss, 0) / Math.max(1, records.length);
  return { first: mean(trains.slice(0, 3)), last: mean(trains.slice(-3)) };
}

/** Minutes are the unit here: the longest run (MNIST MLP, 3 epochs) takes about 3. */
export const RUN_TIMEOUT_MS = 20 * 60_000;

export async function trainPreset(expectation: PresetExpectation): Promise<Outcome> {
  // As the worker does: the Embedding gradient kernel tfjs's CPU backend would run row by row.
  installCpuKernels();
  const preset = PRESETS.find((p) => p.id === expectation.preset);
  if (!preset) throw new Error(`no preset ${expectation.preset}`);
  const datasetId = expectation.dataset ?? preset.dataset.id;
  const h = harness();
  await h.session.handle({
    type: 'start',
    request: request({
      spec: preset.spec,
      dataset: { ...preset.dataset, id: datasetId },
      datasetInfo: builtinDataset(datasetId),
      training: { ...preset.training, backend: 'cpu' },
    }),
  });
  const limit = expectation.steps;
  if (limit !== undefined) {
    await h.until(() => (h.session.trainer?.step ?? 0) >= limit, `${limit} steps`, RUN_TIMEOUT_MS);
    await h.session.handle({ type: 'stop' });
  }
  await h.until(() => h.phases().at(-1) === 'done', 'the run to end', RUN_TIMEOUT_MS);
  const validation = h.validations().at(-1);
  if (!validation) throw new Error('no validation record');
  const test = h.events.find((e) => e.type === 'test');
  const outcome: Outcome = {
    trains: h.trains(),
    validation,
    test: test?.type === 'test' ? test.record : null,
  };
  await h.session.handle({ type: 'reset' });
  return outcome;
}

/** Runs a preset and checks what every sensible run shows, then the expectation's own check. */
export async function expectSensible(expectation: PresetExpectation): Promise<void> {
  const outcome = await trainPreset(expectation);
  const { validation, test } = outcome;
  // The numbers behind the thresholds, in the test output for whoever tunes them next.
  console.info(
    `${expectation.preset}${expectation.dataset ? ` on ${expectation.dataset}` : ''}: step ${validation.step}, validation loss ${validation.loss.toFixed(4)}, accuracy ${validation.accuracy?.toFixed(4) ?? '—'}; test ${test ? `${test.accuracy?.toFixed(4) ?? test.loss.toFixed(4)} on ${test.count}` : '—'}`,
  );
  expect(Number.isFinite(outcome.validation.loss)).toBe(true);
  const { first, last } = lossDrop(outcome.trains);
  expect(last).toBeLessThan(first);
  expectation.check(outcome);
}

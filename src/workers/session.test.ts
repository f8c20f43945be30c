import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishText } from '../shared/messages/englishText';
import type { PreparedData } from '../data/split';
import { analyzeInEnglish } from '../models/testing/englishAnalysis';
import { builtinDataset } from '../data/datasets';
import { PRESETS } from '../models/presets';
import type { ModelSpec } from '../models/spec';
import { DEFAULT_TRAINING } from '../models/trainingConfig';
import { loadForTraining } from './datasetLoader';
import type { Phase } from '../shared/protocol';
import { fetched, fromDisk, harness, request, type Harness } from './testing/sessionHarness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const lastPhase = (h: Harness): Phase | undefined => h.phases().at(-1);

function expectIncreasingSteps(records: { step: number }[]): void {
  records.slice(1).forEach((r, i) => expect(r.step).toBeGreaterThan(records[i]?.step ?? Infinity));
}

describe('TrainingSession', () => {
  it('runs start → preparing → training → done, with train and per-epoch validation records', async () => {
    const h = harness();
    const req = request();
    await h.session.handle({ type: 'start', request: req });
    expect(h.session.phase).toBe('training');
    await h.until(() => h.session.phase === 'done', 'done');

    expect(h.phases()).toEqual(['preparing', 'training', 'done']);
    expect(h.events.every((e) => !('runId' in e) || e.runId === req.runId)).toBe(true);
    expect(h.events.find((e) => e.type === 'backend')).toMatchObject({
      report: { backend: 'cpu' },
    });
    expect(h.events.find((e) => e.type === 'dataInfo')).toEqual({
      type: 'dataInfo',
      runId: req.runId,
      trainCount: 320,
      validationCount: 80,
      testCount: 0,
      stepsPerEpoch: 10,
    });

    const trains = h.trains();
    expect(trains.length).toBeGreaterThanOrEqual(3);
    expectIncreasingSteps(trains);
    expect(trains.at(-1)?.step).toBe(30);
    // Every step is accounted for exactly once.
    expect(trains.reduce((s, r) => s + r.batches, 0)).toBe(30);
    for (const r of trains) {
      expect(Number.isFinite(r.loss)).toBe(true);
      expect(r.accuracy).toBeGreaterThanOrEqual(0);
      expect(r.accuracy).toBeLessThanOrEqual(1);
      expect(r.learningRate).toBe(0.05);
      expect(r.samplesPerSec).toBeGreaterThan(0);
    }
    expect(trains[0]?.loss).toBeGreaterThan(trains.at(-1)?.loss ?? Infinity);

    const validations = h.validations();
    expect(validations.map((v) => [v.step, v.epoch])).toEqual([
      [10, 1],
      [20, 2],
      [30, 3],
    ]);
    validations.forEach((v) => expect(Number.isFinite(v.loss)).toBe(true));

    // Records arrive between 'training' and 'done'.
    const types = h.events.map((e) => (e.type === 'phase' ? e.phase : e.type));
    const firstTrain = types.indexOf('train');
    expect(firstTrain).toBeGreaterThan(types.indexOf('training'));
    expect(types.lastIndexOf('validation')).toBeLessThan(types.indexOf('done'));
    expect(h.session.trainer?.step).toBe(30);
    await h.session.handle({ type: 'reset' });
  });

  it('pause stops the records, step advances exactly one step, resume continues, stop ends', async () => {
    const h = harness();
    const req = request({ training: { epochs: 1000 } });
    await h.session.handle({ type: 'start', request: req });
    await h.until(() => (h.session.trainer?.step ?? 0) >= 15, '15 steps');

    await h.session.handle({ type: 'pause' });
    expect(h.session.phase).toBe('paused');
    expect(lastPhase(h)).toBe('paused');
    const pausedAt = h.events.length;
    const stepAtPause = h.session.trainer?.step ?? -1;
    // The records drained at the pause cover every step done so far.
    expect(h.trains().at(-1)?.step).toBe(stepAtPause);
    expect(h.trains().reduce((s, r) => s + r.batches, 0)).toBe(stepAtPause);

    for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setTimeout(resolve, 2));
    expect(h.events.slice(pausedAt).filter((e) => e.type === 'train')).toEqual([]);
    expect(h.session.trainer?.step).toBe(stepAtPause);

    await h.session.handle({ type: 'step' });
    expect(h.session.phase).toBe('paused');
    expect(h.session.trainer?.step).toBe(stepAtPause + 1);
    const stepped = h.events.slice(pausedAt).filter((e) => e.type === 'train');
    expect(stepped).toHaveLength(1);
    expect(stepped[0]).toMatchObject({ record: { step: stepAtPause + 1, batches: 1 } });

    await h.session.handle({ type: 'resume' });
    expect(h.session.phase).toBe('training');
    await h.until(() => (h.session.trainer?.step ?? 0) >= stepAtPause + 12, 'steps after resume');

    await h.session.handle({ type: 'stop' });
    expect(h.session.phase).toBe('done');
    expect(h.phases()).toEqual(['preparing', 'training', 'paused', 'training', 'done']);
    const finalStep = h.session.trainer?.step ?? -1;
    expectIncreasingSteps(h.trains());
    expect(h.trains().at(-1)?.step).toBe(finalStep);
    expect(h.trains().reduce((s, r) => s + r.batches, 0)).toBe(finalStep);
    // Stopping off an epoch boundary validates the final weights once more.
    if (finalStep % 10 !== 0) expect(h.validations().at(-1)?.step).toBe(finalStep);
    await h.session.handle({ type: 'step' });
    expect(h.session.trainer?.step).toBe(finalStep);
    await h.session.handle({ type: 'reset' });
  });

  it('setLearningRate takes effect in the running session', async () => {
    const h = harness();
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => (h.session.trainer?.step ?? 0) >= 5, '5 steps');
    await h.session.handle({ type: 'pause' });
    await h.session.handle({ type: 'setLearningRate', learningRate: 0.001 });
    expect(h.session.trainer?.learningRate).toBe(0.001);
    await h.session.handle({ type: 'step' });
    expect(h.trains().at(-1)?.learningRate).toBe(0.001);
    expect(h.trains()[0]?.learningRate).toBe(0.05);
    await h.session.handle({ type: 'reset' });
  });

  it('reset returns to idle and releases every tensor of the run', async () => {
    const h = harness();
    // Momentum: its optimizer keeps an extra cached tensor that must be released too.
    const before = tf.memory().numTensors;
    await h.session.handle({
      type: 'start',
      request: request({ training: { epochs: 1000, optimizer: 'momentum', learningRate: 0.1 } }),
    });
    await h.until(() => h.trains().length >= 1 && (h.session.trainer?.step ?? 0) >= 12, 'steps');
    expect(tf.memory().numTensors).toBeGreaterThan(before);
    await h.session.handle({ type: 'reset' });
    expect(h.session.phase).toBe('idle');
    expect(lastPhase(h)).toBe('idle');
    expect(h.session.model).toBeNull();
    expect(h.session.trainer).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
    const count = h.events.length;
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setTimeout(resolve, 1));
    expect(h.events.length).toBe(count);

    // From done too.
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await h.session.handle({ type: 'reset' });
    expect(h.session.phase).toBe('idle');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('an invalid design ends in error with the analysis message, loading nothing', async () => {
    const h = harness();
    const spec: ModelSpec = {
      version: 1,
      layers: [
        {
          id: 'c',
          kind: 'conv2d',
          filters: 4,
          kernelSize: 3,
          strides: 1,
          padding: 'same',
          activation: 'relu',
        },
        { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    };
    const before = tf.memory().numTensors;
    const req = request({ spec });
    await h.session.handle({ type: 'start', request: req });
    const expected = analyzeInEnglish(
      spec,
      builtinDataset('xor'),
      req.training,
      req.dataset,
    ).blockingReason;
    expect(expected).toContain('needs an image input');
    expect(h.session.phase).toBe('error');
    const phases = h.events.flatMap((e) => (e.type === 'phase' ? [e] : []));
    expect(phases.map((e) => [e.runId, e.phase, e.message && englishText(e.message)])).toEqual([
      [req.runId, 'preparing', null],
      [req.runId, 'error', expected],
    ]);
    expect(h.loads).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);

    // Invalid settings too (a batch size of 0).
    await h.session.handle({ type: 'start', request: request({ training: { batchSize: 0 } }) });
    expect(h.session.phase).toBe('error');
    expect(h.phases().at(-1)).toBe('error');
    const last = h.events.at(-1);
    expect(last?.type === 'phase' && last.message ? englishText(last.message) : '').toContain(
      'Batch size',
    );
    // And a recovery: a valid start from error works.
    await h.session.handle({ type: 'start', request: request({ pauseAfterFirstStep: true }) });
    expect(h.session.phase).toBe('paused');
    await h.session.handle({ type: 'reset' });
  });

  it('a data-loading failure ends in error with its message', async () => {
    const h = harness({
      loadData: async () => {
        throw new Error('Could not download mnist.bin: HTTP 404.');
      },
    });
    await h.session.handle({ type: 'start', request: request() });
    expect(h.session.phase).toBe('error');
    const last = h.events.at(-1);
    expect(last).toMatchObject({ phase: 'error' });
    expect(last?.type === 'phase' && last.message ? englishText(last.message) : '').toBe(
      'Could not download mnist.bin: HTTP 404.',
    );
  });

  it('a diverging run pauses with a NaN/infinite message that names the learning rate', async () => {
    const h = harness();
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'h', kind: 'dense', units: 16, activation: 'linear' },
        { id: 'o', kind: 'dense', units: 2, activation: 'linear' },
      ],
    };
    const req = request({
      spec,
      training: {
        optimizer: 'sgd',
        loss: 'meanSquaredError',
        learningRate: 10,
        epochs: 1000,
        // A decaying rate: the message names the rate as set, which is what the learner changes.
        schedule: { ...DEFAULT_TRAINING.schedule, kind: 'exponential', gamma: 0.1 },
      },
    });
    expect(
      analyzeInEnglish(spec, builtinDataset('xor'), req.training, req.dataset).blockingReason,
    ).toBeNull();
    await h.session.handle({ type: 'start', request: req });
    await h.until(() => h.session.phase !== 'training', 'the run to stop');
    expect(h.session.phase).toBe('paused');
    const bad = h.trains().find((r) => !Number.isFinite(r.loss));
    expect(bad).toBeDefined();
    const paused = h.events.at(-1);
    expect(paused).toMatchObject({ type: 'phase', phase: 'paused' });
    const message = paused?.type === 'phase' && paused.message ? englishText(paused.message) : '';
    expect(message).toMatch(/NaN|infinite/);
    expect(message).toContain('learning rate');
    expect(message).toContain(`step ${bad?.step}`);
    expect(bad?.learningRate, 'the rate in use had decayed').toBeLessThan(10);
    expect(message).toContain('The learning rate 10 is probably too high');
    expect(message).toContain('(e.g. to 1)');
    // It stopped at the first bad record rather than training on.
    expect(h.trains().at(-1)).toBe(bad);
    expect(h.session.trainer?.step).toBeLessThan(40);
    await h.session.handle({ type: 'reset' });
  });

  it('pauseAfterFirstStep starts paused after exactly one step', async () => {
    const h = harness();
    const req = request({ pauseAfterFirstStep: true, training: { epochs: 1000 } });
    await h.session.handle({ type: 'start', request: req });
    expect(h.session.phase).toBe('paused');
    expect(h.phases()).toEqual(['preparing', 'paused']);
    expect(h.session.trainer?.step).toBe(1);
    expect(h.trains()).toHaveLength(1);
    expect(h.trains()[0]).toMatchObject({ step: 1, batches: 1, epoch: 0 });
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setTimeout(resolve, 1));
    expect(h.session.trainer?.step).toBe(1);
    await h.session.handle({ type: 'step' });
    expect(h.session.trainer?.step).toBe(2);
    await h.session.handle({ type: 'reset' });
  });

  it('a new start while training replaces the run', async () => {
    const h = harness();
    const first = request({ training: { epochs: 1000 } });
    await h.session.handle({ type: 'start', request: first });
    await h.until(() => (h.session.trainer?.step ?? 0) >= 5, '5 steps');
    const second = request({ training: { epochs: 1 } });
    await h.session.handle({ type: 'start', request: second });
    await h.until(() => h.session.phase === 'done', 'done');
    const secondPhases = h.events
      .filter((e) => e.type === 'phase' && e.runId === second.runId)
      .map((e) => (e.type === 'phase' ? e.phase : null));
    expect(secondPhases).toEqual(['preparing', 'training', 'done']);
    expect(h.trains(second.runId).at(-1)?.step).toBe(10);
    // Nothing from the first run arrives after the second one started.
    const secondStart = h.events.findIndex((e) => 'runId' in e && e.runId === second.runId);
    expect(
      h.events.slice(secondStart).every((e) => !('runId' in e) || e.runId === second.runId),
    ).toBe(true);
    await h.session.handle({ type: 'reset' });
  });

  it('stop while preparing cancels the run before it trains', async () => {
    let release: (data: PreparedData) => void = () => undefined;
    const h = harness({
      loadData: (req) =>
        new Promise<PreparedData>((resolve) => {
          release = resolve;
          void req;
        }),
    });
    const req = request();
    const started = h.session.handle({ type: 'start', request: req });
    await h.until(() => h.session.phase === 'preparing', 'preparing');
    await h.session.handle({ type: 'stop' });
    expect(h.session.phase).toBe('idle');
    const real = await loadForTraining(req, fromDisk, () => undefined);
    release(real);
    await started;
    for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setTimeout(resolve, 1));
    expect(h.session.phase).toBe('idle');
    expect(h.phases()).toEqual(['preparing', 'idle']);
    expect(h.events.some((e) => e.type === 'backend' || e.type === 'train')).toBe(false);
    expect(h.session.model).toBeNull();
  });

  it('holds out a test split and evaluates it once, when the run ends', async () => {
    const h = harness();
    // 400 points: the last 40 are the test set; of the other 360, 72 validate and 288 train.
    const req = request({ training: { testSplit: 0.1, epochs: 2 } });
    await h.session.handle({ type: 'start', request: req });
    await h.until(() => h.session.phase === 'done', 'done');
    expect(h.events.find((e) => e.type === 'dataInfo')).toMatchObject({
      trainCount: 288,
      validationCount: 72,
      testCount: 40,
      stepsPerEpoch: 9,
    });
    const tests = h.events.filter((e) => e.type === 'test');
    expect(tests).toHaveLength(1);
    const [test] = tests;
    if (test?.type !== 'test') throw new Error('no test record');
    // All 40: a full batch of 32, then the last 8 in one more batch of 32 with the rest masked.
    expect(test.record.count).toBe(40);
    expect(test.record.step).toBe(18);
    expect(test.record.accuracy).toBeGreaterThanOrEqual(0);
    expect(test.record.accuracy).toBeLessThanOrEqual(1);
    // The test record comes after the last validation record and before 'done'.
    const order = h.events.map((e) => (e.type === 'phase' ? e.phase : e.type));
    expect(order.lastIndexOf('validation')).toBeLessThan(order.indexOf('test'));
    expect(order.indexOf('test')).toBeLessThan(order.lastIndexOf('done'));
  });

  it('loads MNIST through the dataset loader (fetch stubbed from public/datasets)', async () => {
    const h = harness();
    const preset = PRESETS.find((p) => p.id === 'mnist-mlp');
    if (!preset) throw new Error('mnist-mlp preset missing');
    const req = request({
      spec: preset.spec,
      dataset: preset.dataset,
      training: { ...preset.training, backend: 'cpu' },
      pauseAfterFirstStep: true,
    });
    await h.session.handle({ type: 'start', request: req });
    expect(h.session.phase).toBe('paused');
    expect(fetched.some((url) => url.endsWith('/mnist.json'))).toBe(true);
    expect(fetched.some((url) => url.endsWith('/mnist.bin.gz'))).toBe(true);
    expect(h.events.find((e) => e.type === 'dataInfo')).toMatchObject({
      trainCount: 54_000,
      validationCount: 6000,
      testCount: 10_000, // MNIST's own test digits, not a split of the training file
      stepsPerEpoch: 1687, // 54,000 / 32, the last partial batch dropped
    });
    const progress = h.events.flatMap((e) =>
      e.type === 'progress' ? [englishText(e.message)] : [],
    );
    expect(progress).toContain('Decoding MNIST digits…');
    expect(h.trains()).toHaveLength(1);
    expect(Number.isFinite(h.trains()[0]?.loss)).toBe(true);
    await h.session.handle({ type: 'reset' });
  });
});

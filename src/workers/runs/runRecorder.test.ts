import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { harness, request } from '../testing/sessionHarness';
import { recordedSession as recorded } from '../testing/recordedSession';
import { RunRecorder } from './runRecorder';
import { createMemoryRunStore } from './runStore';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('RunRecorder with a real session', () => {
  it('records a finished run: its summary, every curve record and checkpoints on the schedule', async () => {
    const { h, runs, store } = recorded();
    // 10 steps an epoch, 3 epochs: checkpoints at 0, 1, 2, 5, 10 (log), 20 (log), 30 (epoch end).
    await h.session.handle({ type: 'start', request: request() });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [summary] = await runs.list();
    expect(summary).toMatchObject({
      status: 'done',
      step: 30,
      epoch: 3,
      stepsPerEpoch: 10,
      backend: 'cpu',
      number: 1,
    });
    await h.session.handle({ type: 'reset' });
    const [ended] = await store.listSummaries();
    expect(ended?.status).toBe('done');
    expect(ended?.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5, 10, 20, 30]);
    expect(ended?.metrics.valAccuracy).not.toBeNull();
    expect(ended?.metrics.bestValLoss?.step).toBeGreaterThan(0);
    const curves = await runs.curves(ended!.id);
    expect(curves.train.reduce((sum, r) => sum + r.batches, 0)).toBe(30);
    expect(curves.validation.map((v) => v.step)).toEqual([10, 20, 30]);
    // Each checkpoint holds weights and Adam's two moments: 3 × the model's 42 parameters, and the iteration count.
    const checkpoint = await store.getCheckpoint(ended!.id, 10);
    expect(checkpoint?.weightData.byteLength).toBe((3 * 42 + 1) * 4);
  });

  it('keeps the tensor count flat: checkpoints free their copies', async () => {
    const { h, runs } = recorded();
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 2 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const after1 = tf.memory().numTensors;
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 2 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    expect(tf.memory().numTensors).toBe(after1);
    await h.session.handle({ type: 'reset' });
    expect((await runs.list()).map((r) => r.number)).toEqual([2, 1]);
  });

  it('evicts the oldest unpinned runs to stay within the total budget, and says so', async () => {
    // Each XOR run's checkpoints take about 3.6 KB: three runs do not fit in 8 KB.
    const { h, runs, notices } = recorded({ perRunBytes: 20e6, totalBytes: 8_000 });
    for (let i = 0; i < 3; i++) {
      await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
      await h.until(() => h.session.phase === 'done', 'done');
      await runs.settle();
      if (i === 0) await runs.update((await runs.list())[0]!.id, { pinned: true });
    }
    await h.session.handle({ type: 'reset' });
    const kept = await runs.list();
    expect(kept.map((r) => r.number)).toContain(1); // pinned
    expect(kept.map((r) => r.number)).not.toContain(2);
    expect(notices.some((n) => n.type === 'runsEvicted' && n.names.length > 0)).toBe(true);
  });

  it('stops checkpoints, not training, when one would be over the per-run budget', async () => {
    const { h, runs, notices } = recorded({ perRunBytes: 100, totalBytes: 200e6 });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [summary] = await runs.list();
    expect(summary?.checkpointsStopped).toBe('tooBig');
    expect(summary?.checkpoints).toEqual([]);
    expect(summary?.step).toBe(10);
    expect(notices).toContainEqual({
      type: 'checkpointsStopped',
      runId: summary!.id,
      reason: 'tooBig',
    });
    await h.session.handle({ type: 'reset' });
  });

  it('marks a run left live by a reload as interrupted', async () => {
    const { h, runs, store, events } = recorded();
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => events.filter((e) => e.type === 'train').length > 2, 'a few records');
    await h.session.handle({ type: 'pause' });
    await runs.settle();
    const reloaded = new RunRecorder({
      store,
      budget: { perRunBytes: 20e6, totalBytes: 200e6 },
      now: () => Date.now(),
      notify: () => undefined,
    });
    expect((await reloaded.list())[0]?.status).toBe('interrupted');
    await h.session.handle({ type: 'reset' });
  });
});

describe('without storage', () => {
  it('trains all the same when IndexedDB refuses every call', async () => {
    const refuse = () => Promise.reject(new Error('IndexedDB is unavailable'));
    const store = createMemoryRunStore();
    const broken = Object.fromEntries(Object.keys(store).map((key) => [key, refuse]));
    const runs = new RunRecorder({
      store: broken as unknown as typeof store,
      budget: { perRunBytes: 20e6, totalBytes: 200e6 },
      now: () => Date.now(),
      notify: () => undefined,
    });
    const errors = console.error;
    console.error = () => undefined; // the recorder logs each refused write
    try {
      const h = harness({ runs });
      await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
      await h.until(() => h.session.phase === 'done', 'done');
      expect(h.session.trainer?.step).toBe(10);
      await h.session.handle({ type: 'reset' });
    } finally {
      console.error = errors;
    }
  });
});

describe('continuing from a checkpoint', () => {
  it('forks a new run that trains on exactly as the original did from that step', async () => {
    const { h, runs, events } = recorded();
    await h.session.handle({ type: 'start', request: request() });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [original] = await runs.list();
    const originalCurves = await runs.curves(original!.id);

    const started = performance.now();
    const fork = request({ restoreFrom: { kind: 'checkpoint', runId: original!.id, step: 10 } });
    await h.session.handle({ type: 'start', request: fork });
    const restoreMs = performance.now() - started;
    expect(h.session.phase).toBe('paused');
    expect(h.session.trainer?.step).toBe(10);
    const restored = events.find((e) => e.type === 'restored' && e.runId === fork.runId);
    expect(restored).toMatchObject({ step: 10, notes: [] });
    await h.session.handle({ type: 'resume' });
    await h.until(() => h.session.phase === 'done', 'fork done');
    await runs.settle();
    const [forked] = await runs.list();
    expect(forked?.parent).toEqual({ runId: original!.id, step: 10 });
    // Same weights, optimizer state and data order: the same losses from step 10 on.
    const validations = (await runs.curves(forked!.id)).validation;
    expect(validations.map((v) => v.step)).toEqual([20, 30]);
    for (const v of validations) {
      const same = originalCurves.validation.find((o) => o.step === v.step);
      expect(v.loss).toBeCloseTo(same!.loss, 6);
    }
    console.log(`restoring a checkpoint of the XOR MLP took ${restoreMs.toFixed(0)} ms`);
    await h.session.handle({ type: 'reset' });
  });

  it('says so when the checkpoint is gone', async () => {
    const { h } = recorded();
    await h.session.handle({
      type: 'start',
      request: request({ restoreFrom: { kind: 'checkpoint', runId: 'run-gone', step: 0 } }),
    });
    expect(h.session.phase).toBe('error');
  });
});

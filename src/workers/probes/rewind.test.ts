import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProbeSettings, WorkerEvent } from '../../shared/protocol';
import { RunRecorder } from '../runs/runRecorder';
import { createMemoryRunStore } from '../runs/runStore';
import { harness, request } from '../testing/sessionHarness';
import { computeProbes } from './computeProbes';
import { Rewinder } from './rewind';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const VIEWS: ProbeSettings = {
  views: {
    activations: true,
    attention: false,
    boundary: true,
    confusion: true,
    histograms: true,
    projection: false,
    generation: false,
    graph: false,
  },
  intervalMs: 250,
  frozen: false,
  sample: { kind: 'validation', index: 0 },
  projectionLayer: null,
  rewind: null,
};

/** A finished XOR run (30 steps) recorded over an in-memory store, and a rewinder on it. */
async function finishedRun() {
  const runs = new RunRecorder({
    store: createMemoryRunStore(),
    budget: { perRunBytes: 20e6, totalBytes: 200e6 },
    now: () => Date.now(),
    notify: () => undefined,
  });
  const h = harness({
    emit: (event: WorkerEvent) => runs.observe(event),
    runs,
  });
  await h.session.handle({ type: 'start', request: request() });
  await h.until(() => h.session.phase === 'done', 'done');
  await runs.settle();
  const rewinder = new Rewinder({
    currentRecordId: () => runs.current?.id ?? null,
    checkpointWeights: (id, step) => runs.checkpointWeights(id, step),
  });
  return { h, runs, rewinder, run: h.session.currentRun! };
}

describe('time travel (Rewinder)', () => {
  it('shows the model at a checkpoint: different from the live one, equal to a fresh load of it', async () => {
    const { h, runs, rewinder, run } = await finishedRun();
    const live = await computeProbes(run, VIEWS);
    const early = await computeProbes(await rewinder.at(run, 1), { ...VIEWS, rewind: { step: 1 } });
    expect(early.step).toBe(1);
    expect(early.rewound).toBe(true);
    expect(live.rewound).toBe(false);
    expect(early.boundary!.outputs).not.toEqual(live.boundary!.outputs);
    expect(early.histograms![0]!.grads).not.toBeNull();

    // A fork from the same checkpoint loads it into a fresh live model: the views must agree.
    const recordId = runs.current!.id;
    await h.session.handle({
      type: 'start',
      request: request({ restoreFrom: { kind: 'checkpoint', runId: recordId, step: 1 } }),
    });
    await h.until(() => h.session.phase === 'paused', 'paused');
    const fork = await computeProbes(h.session.currentRun!, VIEWS);
    expect(fork.step).toBe(1);
    expect(fork.boundary!.outputs).toEqual(early.boundary!.outputs);
    expect(fork.activations).toEqual(early.activations);
    rewinder.release();
    await h.session.handle({ type: 'reset' });
  });

  it('keeps the tensor count flat across 100 scrubs', async () => {
    const { h, run, rewinder, runs } = await finishedRun();
    const steps = runs.current!.checkpoints.map((c) => c.step);
    expect(steps).toEqual([0, 1, 2, 5, 10, 20, 30]);
    const scrub = async (i: number) => {
      const step = steps[i % steps.length]!;
      await computeProbes(await rewinder.at(run, step), { ...VIEWS, rewind: { step } });
    };
    // The first scrub builds the copy of the model; every later one must add nothing.
    await scrub(0);
    const before = tf.memory().numTensors;
    for (let i = 1; i <= 100; i++) await scrub(i);
    expect(tf.memory().numTensors).toBe(before);
    rewinder.release();
    await h.session.handle({ type: 'reset' });
  });

  it('says which checkpoint is gone', async () => {
    const { h, run, rewinder } = await finishedRun();
    await expect(rewinder.at(run, 7)).rejects.toMatchObject({
      message: expect.stringContaining('7') as unknown,
    });
    rewinder.release();
    await h.session.handle({ type: 'reset' });
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PartnerRequest, StartRequest, WorkerEvent } from '../../shared/protocol';
import { request, TRAINING, XOR_MLP } from '../testing/sessionHarness';
import { recordedSession } from '../testing/recordedSession';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let nextPartnerId = 10_000;

/** A: the harness's XOR MLP with `training` changed; B: the request's own design. */
function partner(training: Partial<typeof TRAINING> = {}): PartnerRequest {
  return { runId: nextPartnerId++, spec: XOR_MLP, training: { ...TRAINING, ...training } };
}

/** The runIds of the train events, in the order they were sent. */
const trainOrder = (events: WorkerEvent[]) =>
  events.flatMap((e) => (e.type === 'train' ? [e.runId] : []));

const lossesOf = (events: WorkerEvent[], runId: number) =>
  events.flatMap((e) => (e.type === 'train' && e.runId === runId ? [e.record] : []));

describe('Train A and B', () => {
  it('interleaves a step of each, records A then B, and ends both', async () => {
    const { h, runs, events } = recordedSession();
    const a = partner({ learningRate: 0.5 });
    const b: StartRequest = request({ partner: a, training: { epochs: 2 } });
    const before = tf.memory().numTensors;
    await h.session.handle({ type: 'start', request: b });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();

    const pair = events.find((e) => e.type === 'pair');
    expect(pair).toMatchObject({ runId: b.runId, partnerRunId: a.runId, mode: 'interleaved' });
    // Both trained their own epochs: A 3 (the harness's), B 2; 10 steps an epoch.
    const stepsOf = (runId: number) => h.trains(runId).reduce((n, r) => n + r.batches, 0);
    expect(stepsOf(a.runId)).toBe(30);
    expect(stepsOf(b.runId)).toBe(20);
    expect(h.validations(a.runId).map((v) => v.step)).toEqual([10, 20, 30]);
    expect(h.validations(b.runId).map((v) => v.step)).toEqual([10, 20]);
    // The curves grew side by side: B's records arrive before A has finished.
    const order = trainOrder(events);
    expect(order.indexOf(b.runId)).toBeLessThan(order.lastIndexOf(a.runId));

    const [runB, runA] = await runs.list();
    expect(runA).toMatchObject({ name: 'A', status: 'done', step: 30 });
    expect(runB).toMatchObject({ name: 'B', status: 'done', step: 20 });
    expect(runA!.experiment.training.learningRate).toBe(0.5);
    expect(runB!.experiment.training.learningRate).toBe(TRAINING.learningRate);
    expect(runA!.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5, 10, 20, 30]);
    expect(runB!.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5, 10, 20]);
    // A's phases were its own: done when it ended, after B's.
    const doneA = events.findIndex(
      (e) => e.type === 'phase' && e.runId === a.runId && e.phase === 'done',
    );
    expect(doneA).toBeGreaterThan(-1);

    // Only B (the design on screen) stays for the views; A's model is freed.
    await h.session.handle({ type: 'reset' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it("trains on the same data and seed: an identical A gives B's very losses", async () => {
    const { h, events } = recordedSession();
    const a = partner({ epochs: 1 });
    const b = request({ partner: a, training: { epochs: 1 } });
    await h.session.handle({ type: 'start', request: b });
    await h.until(() => h.session.phase === 'done', 'done');
    const sum = (runId: number) =>
      lossesOf(events, runId).reduce((s, r) => s + r.loss * r.batches, 0);
    expect(sum(a.runId)).toBeGreaterThan(0);
    expect(sum(a.runId)).toBeCloseTo(sum(b.runId), 5);
    expect(h.validations(a.runId)).toEqual(h.validations(b.runId));
  });

  it('trains A and then B when the two do not fit in memory together', async () => {
    const { h, runs, events } = recordedSession(undefined, { pairBudgetBytes: 1 });
    const a = partner({ learningRate: 0.5, epochs: 1 });
    const b = request({ partner: a, training: { epochs: 1 } });
    await h.session.handle({ type: 'start', request: b });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    expect(events.find((e) => e.type === 'pair')).toMatchObject({ mode: 'sequential', budget: 1 });
    const order = trainOrder(events);
    expect(order.lastIndexOf(a.runId)).toBeLessThan(order.indexOf(b.runId));
    // B is recorded only once A is done, and is the run left for the views.
    const began = events.filter((e) => e.type === 'runBegan').map((e) => e.runId);
    expect(began).toEqual([a.runId, b.runId]);
    expect(h.session.currentRun?.id).toBe(b.runId);
    const [recordedB, recordedA] = await runs.list();
    expect([recordedB, recordedA].map((r) => [r?.name, r?.step])).toEqual([
      ['B', 10],
      ['A', 10],
    ]);
    // B began while the session was already training: its clock ran from then (no phase came).
    expect(recordedB?.durationMs).toBeGreaterThan(0);
  });

  it('pauses, steps and stops both runs', async () => {
    const { h, runs } = recordedSession();
    const a = partner({ learningRate: 0.5, epochs: 100 });
    const b = request({ partner: a, training: { epochs: 100 } });
    await h.session.handle({ type: 'start', request: b });
    await h.until(() => h.trains(b.runId).length > 0, 'a record of B');
    await h.session.handle({ type: 'pause' });
    expect(h.session.phase).toBe('paused');
    const steps = () => runs.list().then((list) => list.map((r) => r.step));
    const stepped = (runId: number) => h.trains(runId).reduce((n, r) => n + r.batches, 0);
    const [aBefore, bBefore] = [stepped(a.runId), stepped(b.runId)];
    // Two single steps: one of each.
    await h.session.handle({ type: 'step' });
    await h.session.handle({ type: 'step' });
    expect(stepped(a.runId) + stepped(b.runId)).toBe(aBefore + bBefore + 2);
    expect(Math.abs(stepped(a.runId) - stepped(b.runId))).toBeLessThanOrEqual(1);
    await h.session.handle({ type: 'stop' });
    expect(h.session.phase).toBe('done');
    await runs.settle();
    expect((await runs.list()).every((r) => r.status === 'done')).toBe(true);
    expect((await steps()).every((s) => s > 0)).toBe(true);
  });

  it('refuses an A that cannot train on the data, naming A', async () => {
    const { h } = recordedSession();
    const a: PartnerRequest = {
      ...partner(),
      spec: { version: 1, layers: [{ id: 'o', kind: 'dense', units: 5, activation: 'softmax' }] },
    };
    await h.session.handle({ type: 'start', request: request({ partner: a }) });
    await h.until(() => h.session.phase === 'error', 'error');
    const error = h.events.filter((e) => e.type === 'phase').at(-1);
    expect(error?.type === 'phase' && error.message?.key).toBe('worker.partnerInvalid');
  });
});

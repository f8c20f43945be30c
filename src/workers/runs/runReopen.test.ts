import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkpointReason } from '../../shared/runs/checkpointSchedule';
import { takeRead } from '../../shared/runs/curveCursor';
import { DEFAULT_TRAINING } from '../../models/trainingConfig';
import { request } from '../testing/sessionHarness';
import { recordedSession as recorded } from '../testing/recordedSession';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a run kept where it stands', () => {
  it('checkpoints where it pauses, keeping only the latest such off-schedule point', async () => {
    const { h, runs, events } = recorded();
    const records = () => events.filter((e) => e.type === 'train').length;
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    for (let pause = 0; pause < 2; pause++) {
      const seen = records();
      await h.until(() => records() > seen + 2, 'a few records');
      await h.session.handle({ type: 'pause' });
      await runs.settle();
      const step = h.session.trainer!.step;
      const kept = runs.current!.checkpoints.map((c) => c.step);
      expect(kept).toContain(step);
      const offSchedule = kept.filter((s) => checkpointReason(s, 10) === null);
      expect(offSchedule.length).toBeLessThanOrEqual(1);
      if (pause === 0) await h.session.handle({ type: 'resume' });
    }
    await h.session.handle({ type: 'reset' });
  });
});

describe('reopening a stored run', () => {
  it('goes on as the same run from its checkpoint, dropping what came after, and ends where it did', async () => {
    const { h, runs, events } = recorded();
    await h.session.handle({ type: 'start', request: request() });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [original] = await runs.list();
    const before = await runs.curves(original!.id);
    const firstRead = await runs.curvesSince(original!.id);

    const reopen = request({ restoreFrom: { kind: 'reopen', runId: original!.id, step: 20 } });
    await h.session.handle({ type: 'start', request: reopen });
    expect(h.session.phase).toBe('paused');
    expect(h.session.trainer?.step).toBe(20);
    const began = events.find((e) => e.type === 'runBegan' && e.runId === reopen.runId);
    expect(began?.type === 'runBegan' && began.summary.id).toBe(original!.id);
    await runs.settle();
    const [reopened] = await runs.list();
    expect(reopened).toMatchObject({ id: original!.id, status: 'live', step: 20, test: null });
    expect(reopened!.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5, 10, 20]);
    const cut = await runs.curves(original!.id);
    expect(Math.max(...cut.train.map((r) => r.step))).toBeLessThanOrEqual(20);
    expect(cut.validation.map((v) => v.step)).toEqual([10, 20]);
    expect(reopened!.metrics.valLoss).toBe(before.validation[1]!.loss);
    // A page holding the curves from before the reopening gets them all again, not a tail.
    const reread = await runs.curvesSince(original!.id, firstRead.cursor);
    expect(reread.appended).toBe(false);
    expect(reread.curves).toEqual(cut);
    expect(reread.cursor.reopened).toBe(firstRead.cursor.reopened + 1);

    await h.session.handle({ type: 'resume' });
    await h.until(() => h.session.phase === 'done', 'done again');
    await runs.settle();
    const all = await runs.list();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ status: 'done', step: 30 });
    const after = await runs.curves(original!.id);
    // From the cursor of the cut curves, only what training added since.
    const tail = await runs.curvesSince(original!.id, reread.cursor);
    expect(tail.appended).toBe(true);
    expect(tail.curves.validation.map((v) => v.step)).toEqual([30]);
    expect(takeRead(reread.curves, tail)).toEqual(after);
    expect(after.train.reduce((sum, r) => sum + r.batches, 0)).toBe(30);
    expect(after.validation.map((v) => v.step)).toEqual([10, 20, 30]);
    // Same weights, optimizer state and data order: the same numbers as the first time.
    expect(after.validation[2]!.loss).toBeCloseTo(before.validation[2]!.loss, 6);
    await h.session.handle({ type: 'reset' });
  });

  it('keeps early stopping’s patience and best epoch: it stops when the first run would have', async () => {
    const { h, runs } = recorded();
    // No improvement can be as large as 1: epoch 1 is the best, and patience 2 stops at epoch 3.
    const earlyStopping = {
      ...DEFAULT_TRAINING.earlyStopping,
      enabled: true,
      patience: 2,
      minDelta: 1,
      restoreBest: true,
    };
    const training = { epochs: 50, earlyStopping };
    await h.session.handle({ type: 'start', request: request({ training }) });
    await h.until(() => h.session.phase === 'done', 'done');
    expect(h.session.trainer?.step).toBe(30);
    await runs.settle();
    const [original] = await runs.list();
    const first = await runs.curves(original!.id);

    // Reopened at epoch 2 (one epoch of patience used): a fresh stopper would take epoch 3 as its
    // best and go on to epoch 5; the replayed one stops at 3 with epoch 1's weights back.
    const reopen = request({
      training,
      restoreFrom: { kind: 'reopen', runId: original!.id, step: 20 },
    });
    await h.session.handle({ type: 'start', request: reopen });
    await h.session.handle({ type: 'resume' });
    await h.until(() => h.session.phase === 'done', 'done again');
    expect(h.session.trainer?.step).toBe(30);
    const done = h.events.at(-1);
    expect(done?.type === 'phase' && done.message?.key).toBe('worker.earlyStoppedRestored');
    const now = await h.session.trainer?.evaluate();
    expect(now?.loss).toBeCloseTo(first.validation[0]!.loss, 6);
    await h.session.handle({ type: 'reset' });
  });

  it('says so when the run is gone', async () => {
    const { h } = recorded();
    await h.session.handle({
      type: 'start',
      request: request({ restoreFrom: { kind: 'reopen', runId: 'run-gone', step: 0 } }),
    });
    expect(h.session.phase).toBe('error');
  });
});

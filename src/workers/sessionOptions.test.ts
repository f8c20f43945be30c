// Training options through the whole session: early stopping ends a run with its reason and the
// best weights restored; clipping puts the gradient norm and the scheduled rate in the records.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishText } from '../shared/messages/englishText';
import { DEFAULT_TRAINING } from '../models/trainingConfig';
import { harness, request } from './testing/sessionHarness';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('TrainingSession with training options', () => {
  it('early stopping ends the run after `patience` epochs without improvement, best weights back', async () => {
    const h = harness();
    // No improvement can be as large as 1: every epoch after the first counts against patience.
    const earlyStopping = {
      ...DEFAULT_TRAINING.earlyStopping,
      enabled: true,
      patience: 2,
      minDelta: 1,
      restoreBest: true,
    };
    const req = request({ training: { epochs: 50, earlyStopping } });
    await h.session.handle({ type: 'start', request: req });
    await h.until(() => h.session.phase === 'done', 'done');
    expect(h.validations().map((v) => v.epoch)).toEqual([1, 2, 3]);
    expect(h.session.trainer?.step).toBe(30);
    const done = h.events.at(-1);
    expect(done).toMatchObject({ type: 'phase', phase: 'done' });
    const text = done?.type === 'phase' && done.message ? englishText(done.message) : '';
    expect(text).toBe(
      'Stopped early at epoch 3: the validation loss had not improved for 2 epochs. The model now has the weights of its best epoch, 1.',
    );
    // The weights are epoch 1's again: the same validation loss as then.
    const now = await h.session.trainer?.evaluate();
    expect(now?.loss).toBeCloseTo(h.validations()[0]?.loss ?? NaN, 6);

    await h.session.handle({ type: 'reset' });
  });

  it('a Step that reaches an early stop ends the run with its reason, best weights back', async () => {
    const h = harness();
    const earlyStopping = {
      ...DEFAULT_TRAINING.earlyStopping,
      enabled: true,
      patience: 1,
      minDelta: 1,
      restoreBest: true,
    };
    const req = request({ pauseAfterFirstStep: true, training: { epochs: 50, earlyStopping } });
    await h.session.handle({ type: 'start', request: req });
    expect(h.session.phase).toBe('paused');
    // Epoch 1 sets the bar, epoch 2 misses it: the stop comes at step 20, by Step alone.
    for (let i = 1; i < 20; i++) await h.session.handle({ type: 'step' });
    expect(h.session.phase).toBe('done');
    expect(h.session.trainer?.step).toBe(20);
    const done = h.events.at(-1);
    expect(done?.type === 'phase' && done.message ? englishText(done.message) : '').toBe(
      'Stopped early at epoch 2: the validation loss had not improved for 1 epoch. The model now has the weights of its best epoch, 1.',
    );
    const now = await h.session.trainer?.evaluate();
    expect(now?.loss).toBeCloseTo(h.validations()[0]?.loss ?? NaN, 6);
    await h.session.handle({ type: 'reset' });
  });

  it('records the gradient norm while clipping, and the rate each step used', async () => {
    const h = harness();
    const req = request({
      training: {
        epochs: 2,
        learningRate: 0.1,
        clipping: { kind: 'norm', threshold: 0.5 },
        schedule: { ...DEFAULT_TRAINING.schedule, kind: 'cosine', warmupSteps: 5 },
      },
    });
    await h.session.handle({ type: 'start', request: req });
    await h.until(() => h.session.phase === 'done', 'done');
    const trains = h.trains();
    for (const r of trains) expect(r.gradientNorm).toBeGreaterThan(0);
    // Cosine over 20 steps after a 5-step warm-up: the last step's rate is near the floor.
    expect(trains.at(-1)?.learningRate).toBeLessThan(0.01);
    await h.session.handle({ type: 'reset' });
  });
});

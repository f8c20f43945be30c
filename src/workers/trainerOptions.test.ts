// The trainer's training options: the learning-rate schedule, gradient clipping (and the recorded
// gradient norm), and AdamW's decoupled weight decay, each against what it must do by hand.
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateToy2d } from '../data/toy2d';
import { buildModel } from '../models/builder';
import { scheduledRate, type LrSchedule } from '../models/schedules';
import type { ModelSpec } from '../models/spec';
import { DEFAULT_TRAINING, type TrainingConfig } from '../models/trainingConfig';
import { makeSplit } from './batches';
import { disposePending, Trainer } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
    { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
  ],
};

const made: { trainer: Trainer; model: tf.LayersModel }[] = [];
afterEach(() => {
  for (const { trainer, model } of made.splice(0)) {
    trainer.dispose();
    model.dispose();
  }
});

/** 320 XOR points (10 steps of 32 an epoch) and a trainer over SPEC, same weights for a seed. */
function trainer(config: Partial<TrainingConfig>): { trainer: Trainer; model: tf.LayersModel } {
  const full: TrainingConfig = { ...DEFAULT_TRAINING, validationSplit: 0, ...config };
  const model = buildModel(SPEC, [2], 3);
  const train = makeSplit(generateToy2d('xor', 320, 0, 3), [2], 2, 2);
  const made1 = { trainer: new Trainer(model, full, train, null), model };
  made.push(made1);
  return made1;
}

async function weights(model: tf.LayersModel): Promise<Float32Array[]> {
  return Promise.all(
    model.trainableWeights.map(async (w) => (await w.read().data()) as Float32Array),
  );
}

const flat = (arrays: Float32Array[]) => arrays.flatMap((a) => Array.from(a));

describe('learning-rate schedule', () => {
  it('gives each step the scheduled rate, from the base rate set live', () => {
    const schedule: LrSchedule = {
      kind: 'step',
      gamma: 0.5,
      stepEpochs: 1,
      floor: 0,
      warmupSteps: 5,
    };
    const { trainer: t } = trainer({ optimizer: 'sgd', learningRate: 0.2, schedule, epochs: 4 });
    const run = { stepsPerEpoch: 10, totalSteps: 40 };
    const used: number[] = [];
    for (let step = 0; step < 30; step++) {
      t.runStep();
      used.push(t.learningRate);
    }
    used.forEach((rate, step) =>
      expect(rate).toBeCloseTo(scheduledRate(schedule, 0.2, step, run), 12),
    );
    expect(used[0]).toBeCloseTo(0.04, 12); // warm-up: 0.2 · 1/5
    expect(used[14]).toBeCloseTo(0.2, 12);
    expect(used[15]).toBeCloseTo(0.1, 12); // the first cut: 10 steps after the warm-up's 5
    expect(used[29]).toBeCloseTo(0.05, 12);
    t.setLearningRate(1);
    expect(t.learningRate, 'a new base rate, on the same schedule').toBeCloseTo(0.25, 12);
  });
});

describe('gradient clipping', () => {
  it('by norm: one SGD step moves the weights by at most lr × threshold; the norm is recorded', async () => {
    const clipping = { kind: 'norm', threshold: 0.01 } as const;
    const { trainer: t, model } = trainer({ optimizer: 'sgd', learningRate: 0.5, clipping });
    expect(t.tracksGradientNorm).toBe(true);
    const before = flat(await weights(model));
    t.runStep();
    const after = flat(await weights(model));
    const moved = Math.hypot(...after.map((w, i) => w - (before[i] ?? 0)));
    expect(moved).toBeLessThanOrEqual(0.5 * 0.01 + 1e-6);
    expect(moved, 'scaled to the threshold, not to zero').toBeGreaterThan(0.5 * 0.01 * 0.99);
    const pending = t.drainMetrics()!;
    const [norm = NaN] = await pending.gradientNormSum!.data();
    expect(norm, 'the norm before clipping').toBeGreaterThan(0.01);
    disposePending(pending);
  });

  it('by value: no weight moves by more than lr × threshold', async () => {
    const clipping = { kind: 'value', threshold: 0.001 } as const;
    const { trainer: t, model } = trainer({ optimizer: 'sgd', learningRate: 0.5, clipping });
    const before = flat(await weights(model));
    t.runStep();
    const after = flat(await weights(model));
    const largest = Math.max(...after.map((w, i) => Math.abs(w - (before[i] ?? 0))));
    expect(largest).toBeLessThanOrEqual(0.5 * 0.001 + 1e-7); // float32 weights: ~3e-8 apart
    expect(largest).toBeGreaterThan(0.5 * 0.001 * 0.99);
  });

  it('records the gradient norm without leaking tensors, and not at all unless asked', async () => {
    const { trainer: plain } = trainer({});
    plain.runStep();
    const none = plain.drainMetrics()!;
    expect(none.gradientNormSum).toBeNull();
    disposePending(none);
    const { trainer: t } = trainer({ recordGradientNorm: true });
    t.runStep();
    disposePending(t.drainMetrics()!);
    const count = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      t.runStep();
      const pending = t.drainMetrics()!;
      const [norm = NaN] = await pending.gradientNormSum!.data();
      expect(norm).toBeGreaterThan(0);
      disposePending(pending);
      expect(tf.memory().numTensors).toBe(count);
    }
  });
});

describe('AdamW', () => {
  it('is Adam plus the decay of the weights before the step: w₁ = w₁(Adam) − lr·wd·w₀', async () => {
    const base = { learningRate: 0.01, weightDecay: 0.1 };
    const adam = trainer({ ...base, optimizer: 'adam' });
    const adamw = trainer({ ...base, optimizer: 'adamw' });
    const w0 = flat(await weights(adam.model));
    expect(flat(await weights(adamw.model))).toEqual(w0);
    adam.trainer.runStep();
    adamw.trainer.runStep();
    const withAdam = flat(await weights(adam.model));
    const withAdamW = flat(await weights(adamw.model));
    withAdamW.forEach((w, i) =>
      expect(w).toBeCloseTo((withAdam[i] ?? 0) - 0.01 * 0.1 * (w0[i] ?? 0), 6),
    );
    // And Adam's first step itself: every weight moves by lr · g / (|g| + ε) ≈ ±lr.
    withAdam.forEach((w, i) => expect(Math.abs(w - (w0[i] ?? 0))).toBeLessThanOrEqual(0.01 + 1e-6));
  });
});

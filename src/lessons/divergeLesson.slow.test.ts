/**
 * The divergence lesson tells the truth: on its preset (the noisy sine, 1-32-32-1, MSE) trained
 * through the whole session as the app trains it, SGD with momentum at a learning rate of 0.5
 * pauses on a NaN loss, and the same rate with either cure the lesson names (clipping by norm at
 * 1, or 100 warm-up steps) trains 20 epochs to what the lesson's goal asks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRESETS } from '../models/presets';
import type { TrainingConfig } from '../models/trainingConfig';
import { builtinDataset } from '../data/datasets';
import { harness, request } from '../workers/testing/sessionHarness';
import { checkGoal } from './checkGoal';
import { parseLesson, type Goal } from './lessonFormat';
import { lessonState } from './testing/lessonFixtures';

const preset = PRESETS.find((p) => p.id === 'sine-regression');
const file = join(import.meta.dirname, '..', '..', 'public', 'lessons', 'diverge-and-rescue.json');
const parsed = parseLesson(JSON.parse(readFileSync(file, 'utf8')), 'diverge-and-rescue.json');
const goal = (step: number) => (parsed.ok ? (parsed.lesson.steps[step]?.goal as Goal) : null);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The preset trained in a session with the lesson's optimizer and rate, and `patch`. */
async function train(patch: Partial<TrainingConfig>) {
  if (!preset) throw new Error('no sine-regression preset');
  const training: TrainingConfig = {
    ...preset.training,
    optimizer: 'momentum',
    learningRate: 0.5,
    epochs: 20,
    ...patch,
  };
  const h = harness();
  const req = request({
    spec: preset.spec,
    dataset: preset.dataset,
    datasetInfo: builtinDataset(preset.dataset.id),
    training,
  });
  await h.session.handle({ type: 'start', request: req });
  await h.until(() => h.session.phase !== 'training', 'the run to stop');
  const trains = h.trains();
  const last = trains.at(-1);
  const state = lessonState(preset.spec.layers, {
    training,
    runTraining: training,
    dataset: preset.dataset.id,
    trainLoss: last?.loss ?? null,
    valLoss: h.validations().at(-1)?.loss ?? null,
    steps: last?.step ?? 0,
    diverged: last !== undefined && !Number.isFinite(last.loss),
  });
  const phase = h.session.phase;
  await h.session.handle({ type: 'reset' });
  return { phase, state };
}

describe('the divergence lesson on its preset', () => {
  it('parses', () => expect(parsed.ok).toBe(true));

  it('SGD with momentum at 0.5 diverges: the run pauses on a NaN, and step 1’s goal is met', async () => {
    const { phase, state } = await train({});
    expect(phase).toBe('paused');
    expect(state.diverged).toBe(true);
    expect(checkGoal(goal(0) as Goal, state)).toBe(true);
  });

  it('the same rate clipped by norm at 1 meets step 3’s goal', async () => {
    const { phase, state } = await train({ clipping: { kind: 'norm', threshold: 1 } });
    expect(phase).toBe('done');
    expect(checkGoal(goal(2) as Goal, state), JSON.stringify(state.valLoss)).toBe(true);
  });

  it('the same rate after 100 warm-up steps meets step 3’s goal', async () => {
    if (!preset) throw new Error('no preset');
    const schedule = { ...preset.training.schedule, warmupSteps: 100 };
    const { phase, state } = await train({ schedule });
    expect(phase).toBe('done');
    expect(checkGoal(goal(2) as Goal, state), JSON.stringify(state.valLoss)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../models/presets';
import { DEFAULT_TRAINING } from '../models/trainingConfig';
import type { Activation, ModelSpec } from '../models/spec';
import { englishText } from '../shared/messages/englishText';
import { checkGoal } from './checkGoal';
import { BUILTIN_LESSONS } from './lessonFiles';
import { parseLesson, type Goal, type Lesson } from './lessonFormat';
import { dense, lessonState as state, storedRun, trainRecord } from './testing/lessonFixtures';

const LESSON_DIR = join(import.meta.dirname, '..', '..', 'public', 'lessons');
/** The screen areas a step may point at (data-area in the UI). */
const AREAS = ['designer', 'settings', 'controls', 'charts', 'internals', 'data', 'runs'];

function load(id: string): Lesson {
  const result = parseLesson(JSON.parse(readFileSync(join(LESSON_DIR, `${id}.json`), 'utf8')), id);
  if (!result.ok) throw new Error(englishText(result.problem));
  return result.lesson;
}

const goalOf = (lesson: Lesson, step: number) => lesson.steps[step]?.goal as Goal;

describe('lessons', () => {
  it('every shipped lesson parses, starts from a preset, and points at known areas', () => {
    for (const id of BUILTIN_LESSONS) {
      const lesson = load(id);
      expect(lesson.id).toBe(id);
      expect(
        PRESETS.some((p) => p.id === lesson.preset),
        id,
      ).toBe(true);
      for (const step of lesson.steps) {
        if (step.highlight) expect(AREAS, id).toContain(step.highlight);
        if (step.goal) expect(step.goalText, `${id}: a goal says what it asks`).toBeDefined();
      }
    }
  });

  it('a broken lesson file is refused with the field named', () => {
    const broken = parseLesson(
      { format: 'layerlab-lesson', version: 1, id: 'x', steps: [] },
      'mine.json',
    );
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(englishText(broken.problem)).toMatch(/^mine\.json is not a LayerLab lesson: title/);
    expect(parseLesson(null, 'null.json').ok).toBe(false);
  });

  it('a lesson starting from a preset LayerLab does not have is refused, naming the field', () => {
    const lesson = { ...load('spiral-few-neurons'), preset: 'resnet-50' };
    const refused = parseLesson(lesson, 'mine.json');
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(englishText(refused.problem)).toMatch(/^mine\.json is not a LayerLab lesson: preset/);
      expect(englishText(refused.problem)).toContain('"spiral-mlp"');
    }
  });

  it('the spiral goal wants at most 20 hidden neurons and 90 % validation accuracy', () => {
    const goal = goalOf(load('spiral-few-neurons'), 1);
    const small = [dense(10, 'tanh'), dense(10, 'tanh'), dense(2, 'softmax')];
    expect(checkGoal(goal, state(small, { valAccuracy: 0.93 }))).toBe(true);
    expect(checkGoal(goal, state(small, { valAccuracy: 0.85 }))).toBe(false);
    const big = [dense(16), dense(16), dense(2, 'softmax')];
    expect(checkGoal(goal, state(big, { valAccuracy: 0.99 }))).toBe(false);
  });

  it('the overfitting lesson wants a gap first, then a run with dropout or L2 that narrows it', () => {
    const lesson = load('overfit-then-fix');
    const big = [dense(128), dense(128), dense(128), dense(2, 'softmax')];
    expect(checkGoal(goalOf(lesson, 1), state(big, { trainAccuracy: 1, valAccuracy: 0.75 }))).toBe(
      true,
    );
    expect(
      checkGoal(goalOf(lesson, 1), state(big, { trainAccuracy: 0.8, valAccuracy: 0.78 })),
    ).toBe(false);

    const withDropout = [dense(128), { id: 'x', kind: 'dropout', rate: 0.4 } as const, ...big];
    const withL2 = big.map((l) => ({ ...l, l2: 0.01 })) as ModelSpec['layers'];
    const data = { dataset: 'gaussians' };
    // As measured on the CPU backend (Two gaussians, 100 samples, noise 0.5, 300 epochs).
    const overfit = storedRun(big, { trainAccuracy: 1, valAccuracy: 0.72, valLoss: 4 }, data);
    const history = (...runs: ReturnType<typeof storedRun>[]) =>
      state(withDropout, { dataset: 'gaussians', runs });
    const cure = goalOf(lesson, 2);
    const narrower = storedRun(withDropout, { trainAccuracy: 0.98, valAccuracy: 0.78 }, data);
    expect(checkGoal(cure, history(narrower, overfit))).toBe(true);
    const lowerLoss = storedRun(
      withL2,
      { trainAccuracy: 1, valAccuracy: 0.75, valLoss: 0.6 },
      data,
    );
    expect(checkGoal(cure, history(lowerLoss, overfit))).toBe(true);
    const noBetter = storedRun(withL2, { trainAccuracy: 1, valAccuracy: 0.74, valLoss: 3.9 }, data);
    expect(checkGoal(cure, history(noBetter, overfit))).toBe(false);
    const noCure = storedRun(big, { trainAccuracy: 0.9, valAccuracy: 0.88, valLoss: 0.4 }, data);
    expect(checkGoal(cure, history(noCure, overfit))).toBe(false);
    expect(checkGoal(cure, history(narrower))).toBe(false);
  });

  it('the vanishing-gradient lesson wants ten sigmoid layers, then a ReLU run with a lower loss', () => {
    const lesson = load('vanishing-gradients');
    const deep = (activation: Activation) => [
      ...Array.from({ length: 10 }, () => dense(16, activation)),
      dense(2, 'softmax'),
    ];
    expect(checkGoal(goalOf(lesson, 0), state(deep('sigmoid'), { steps: 150 }))).toBe(true);
    expect(checkGoal(goalOf(lesson, 0), state(deep('relu'), { steps: 150 }))).toBe(false);

    const fix = goalOf(lesson, 2);
    // Measured on the CPU backend (spiral, 50 epochs): sigmoid 0.696, ReLU 0.140.
    const sigmoid = storedRun(deep('sigmoid'), { valLoss: 0.696 });
    const relu = storedRun(deep('relu'), { valLoss: 0.14 });
    const history = (...runs: ReturnType<typeof storedRun>[]) => state(deep('relu'), { runs });
    expect(checkGoal(fix, history(relu, sigmoid))).toBe(true);
    expect(checkGoal(fix, history(storedRun(deep('relu'), { valLoss: 0.6 }), sigmoid))).toBe(false);
    const shallow = storedRun(deep('relu').slice(5), { valLoss: 0.14 });
    expect(checkGoal(fix, history(shallow, sigmoid))).toBe(false);
    expect(checkGoal(fix, history(relu))).toBe(false);
    const otherData = storedRun(deep('sigmoid'), { valLoss: 0.696 }, { dataset: 'circles' });
    expect(checkGoal(fix, history(relu, otherData))).toBe(false);
  });

  it('the timeline lesson wants the first checkpoint with 80 % training accuracy, give or take one', () => {
    const goal = goalOf(load('spiral-timeline'), 2);
    // A plateau near 70 %, then the climb (the shape measured on the CPU backend: 0.8 at step 442).
    const train = Array.from({ length: 50 }, (_, i) => (i + 1) * 13).map((step) =>
      trainRecord(step, step < 440 ? 0.7 : 0.85),
    );
    const checkpoints = [0, 1, 2, 5, 10, 13, 20, 26, 50, 100, 200, 416, 429, 442, 455, 468, 500];
    const at = (rewind: number | null) =>
      checkGoal(goal, state([], { train, checkpoints, rewind }));
    expect([429, 442, 455].map(at)).toEqual([true, true, true]);
    expect([416, 468, 500].map(at)).toEqual([false, false, false]);
    expect(at(null)).toBe(false);
  });

  it('the reversal lesson’s last goal wants one head', () => {
    const goal = goalOf(load('reversal-head'), 2);
    const block = (numHeads: number) =>
      [
        {
          id: 'b',
          kind: 'transformerblock',
          numHeads,
          keyDim: 8,
          ffUnits: 64,
          dropout: 0,
          causal: false,
        },
      ] as ModelSpec['layers'];
    expect(checkGoal(goal, state(block(1), { valAccuracy: 0.97 }))).toBe(true);
    expect(checkGoal(goal, state(block(2), { valAccuracy: 0.97 }))).toBe(false);
  });

  it('the divergence lesson wants a NaN at a high rate, then the same rate rescued', () => {
    const lesson = load('diverge-and-rescue');
    const high = { ...DEFAULT_TRAINING, optimizer: 'momentum' as const, learningRate: 0.5 };
    const diverge = goalOf(lesson, 0);
    expect(checkGoal(diverge, state([], { runTraining: high, diverged: true }))).toBe(true);
    expect(checkGoal(diverge, state([], { runTraining: high, diverged: false }))).toBe(false);
    // The settings of the run that diverged count, not the ones on screen since.
    expect(
      checkGoal(
        diverge,
        state([], { training: high, runTraining: DEFAULT_TRAINING, diverged: true }),
      ),
      'diverged with Adam, then switched on screen',
    ).toBe(false);
    const low = { ...high, learningRate: 0.05 };
    expect(checkGoal(diverge, state([], { runTraining: low, diverged: true }))).toBe(false);

    const rescue = goalOf(lesson, 2);
    const trained = { steps: 260, valLoss: 0.05 };
    const clipped = { ...high, clipping: { kind: 'norm' as const, threshold: 1 } };
    const warmed = { ...high, schedule: { ...high.schedule, warmupSteps: 100 } };
    expect(checkGoal(rescue, state([], { runTraining: clipped, ...trained }))).toBe(true);
    expect(checkGoal(rescue, state([], { runTraining: warmed, ...trained }))).toBe(true);
    expect(checkGoal(rescue, state([], { training: high, ...trained })), 'no cure').toBe(false);
    const lowered = { ...clipped, learningRate: 0.05 };
    expect(checkGoal(rescue, state([], { training: lowered, ...trained })), 'rate lowered').toBe(
      false,
    );
    expect(checkGoal(rescue, state([], { runTraining: clipped, steps: 260, valLoss: 0.4 }))).toBe(
      false,
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../models/presets';
import type { ModelSpec } from '../models/spec';
import { englishText } from '../shared/messages/englishText';
import { DEFAULT_TRAINING } from '../models/trainingConfig';
import { checkGoal, type LessonState } from './checkGoal';
import { BUILTIN_LESSONS } from './lessonFiles';
import { parseLesson, type Goal, type Lesson } from './lessonFormat';

const LESSON_DIR = join(import.meta.dirname, '..', '..', 'public', 'lessons');
/** The screen areas a step may point at (data-area in the UI). */
const AREAS = ['designer', 'settings', 'controls', 'charts', 'internals', 'data'];

function load(id: string): Lesson {
  const result = parseLesson(JSON.parse(readFileSync(join(LESSON_DIR, `${id}.json`), 'utf8')), id);
  if (!result.ok) throw new Error(englishText(result.problem));
  return result.lesson;
}

const dense = (units: number, activation = 'relu') =>
  ({
    id: `d${units}${activation}${Math.random()}`,
    kind: 'dense',
    units,
    activation,
  }) as ModelSpec['layers'][number];

function state(layers: ModelSpec['layers'], numbers: Partial<LessonState> = {}): LessonState {
  return {
    spec: { version: 1, layers },
    training: DEFAULT_TRAINING,
    params: 0,
    trainAccuracy: null,
    valAccuracy: null,
    testAccuracy: null,
    trainLoss: null,
    valLoss: null,
    steps: 0,
    ...numbers,
  };
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

  it('the spiral goal wants at most 20 hidden neurons and 90 % validation accuracy', () => {
    const goal = goalOf(load('spiral-few-neurons'), 1);
    const small = [dense(10, 'tanh'), dense(10, 'tanh'), dense(2, 'softmax')];
    expect(checkGoal(goal, state(small, { valAccuracy: 0.93 }))).toBe(true);
    expect(checkGoal(goal, state(small, { valAccuracy: 0.85 }))).toBe(false);
    const big = [dense(16), dense(16), dense(2, 'softmax')];
    expect(checkGoal(goal, state(big, { valAccuracy: 0.99 }))).toBe(false);
  });

  it('the overfitting lesson wants a gap first, then dropout or L2 closing it', () => {
    const lesson = load('overfit-then-fix');
    const layers = [dense(128), dense(128), dense(128), dense(2, 'softmax')];
    expect(
      checkGoal(goalOf(lesson, 1), state(layers, { trainAccuracy: 1, valAccuracy: 0.75 })),
    ).toBe(true);
    expect(
      checkGoal(goalOf(lesson, 1), state(layers, { trainAccuracy: 0.8, valAccuracy: 0.78 })),
    ).toBe(false);
    const fixed = { trainAccuracy: 0.82, valAccuracy: 0.8 };
    expect(checkGoal(goalOf(lesson, 2), state(layers, fixed))).toBe(false); // no cure in the design
    const withDropout = [
      dense(128),
      { id: 'x', kind: 'dropout', rate: 0.4 } as const,
      dense(2, 'softmax'),
    ];
    expect(checkGoal(goalOf(lesson, 2), state(withDropout, fixed))).toBe(true);
    const withL2 = [{ ...dense(128), l2: 0.001 }, dense(2, 'softmax')] as ModelSpec['layers'];
    expect(checkGoal(goalOf(lesson, 2), state(withL2, fixed))).toBe(true);
  });

  it('the vanishing-gradient lesson wants ten sigmoid layers, then ten ReLU layers that learn', () => {
    const lesson = load('vanishing-gradients');
    const deep = (activation: string) => [
      ...Array.from({ length: 10 }, () => dense(16, activation)),
      dense(2, 'softmax'),
    ];
    expect(checkGoal(goalOf(lesson, 0), state(deep('sigmoid'), { steps: 150 }))).toBe(true);
    expect(checkGoal(goalOf(lesson, 0), state(deep('relu'), { steps: 150 }))).toBe(false);
    expect(checkGoal(goalOf(lesson, 2), state(deep('relu'), { trainAccuracy: 0.9 }))).toBe(true);
    expect(checkGoal(goalOf(lesson, 2), state(deep('relu').slice(5), { trainAccuracy: 0.9 }))).toBe(
      false,
    );
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
});

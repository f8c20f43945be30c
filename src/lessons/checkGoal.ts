/**
 * Whether a lesson goal is met by the learner's work: the design, the settings, the latest numbers
 * of the run, the timeline and the run history. Pure, so every lesson's goals are tested in Node.
 */
import type { KernelOptions, LayerSpec, ModelSpec } from '../models/spec';
import { finishedRuns, firstCheckpoint } from './historyGoals';
import type { TrainingConfig } from '../models/trainingConfig';
import type { Goal, LessonMetric, LessonSetting } from './lessonFormat';
import type { LessonState } from './lessonState';

export type { LessonState } from './lessonState';

/** Rounding slack: accuracies are fractions, and 0.3 - 0.1 is not quite 0.2 in floating point. */
const SLACK = 1e-9;

const passes = (value: number, op: '<=' | '>=', bound: number) =>
  op === '<=' ? value <= bound : value >= bound;

function hiddenUnits(spec: ModelSpec): number {
  const dense = spec.layers.filter(
    (l): l is Extract<LayerSpec, { kind: 'dense' }> => l.kind === 'dense',
  );
  return dense.slice(0, -1).reduce((sum, l) => sum + l.units, 0);
}

export function metricValue(metric: LessonMetric, state: LessonState): number | null {
  switch (metric) {
    case 'accuracyGap':
      return state.trainAccuracy !== null && state.valAccuracy !== null
        ? state.trainAccuracy - state.valAccuracy
        : null;
    case 'params':
      return state.params;
    case 'hiddenUnits':
      return hiddenUnits(state.spec);
    default:
      return state[metric];
  }
}

function settingValue(setting: LessonSetting, training: TrainingConfig): string | number {
  switch (setting) {
    case 'clipping':
      return training.clipping.kind;
    case 'schedule':
      return training.schedule.kind;
    case 'warmupSteps':
      return training.schedule.warmupSteps;
    default:
      return training[setting];
  }
}

function activationOf(layer: LayerSpec): string | null {
  return 'activation' in layer ? layer.activation : null;
}

export function checkGoal(goal: Goal, state: LessonState): boolean {
  switch (goal.kind) {
    case 'metric': {
      const value = metricValue(goal.metric, state);
      return value !== null && passes(value, goal.op, goal.value);
    }
    case 'layer': {
      const count = state.spec.layers.filter((l) => l.kind === goal.layer).length;
      return count >= (goal.min ?? 0) && count <= (goal.max ?? Infinity);
    }
    case 'activation': {
      // The output layer's activation (softmax, sigmoid) is the task's, not the learner's choice.
      const hidden = state.spec.layers
        .slice(0, -1)
        .map(activationOf)
        .filter((a) => a !== null);
      return goal.only
        ? hidden.length > 0 && hidden.every((a) => a === goal.activation)
        : hidden.includes(goal.activation);
    }
    case 'setting': {
      // The run's own settings: a goal pairs them with the run's results, which changing the
      // settings on screen afterwards must not claim (the screen's before any run).
      const value = settingValue(goal.setting, state.runTraining ?? state.training);
      return goal.op === undefined
        ? value === goal.value
        : typeof value === 'number' &&
            typeof goal.value === 'number' &&
            passes(value, goal.op, goal.value);
    }
    case 'diverged':
      return state.diverged;
    case 'field':
      return state.spec.layers.some(
        (l) =>
          l.kind === goal.layer &&
          (l as unknown as Record<string, unknown>)[goal.field] === goal.value,
      );
    case 'penalty':
      return state.spec.layers.some(
        // Layers without a kernel have neither field, which reads as no penalty.
        (l) => ((l as KernelOptions)[goal.penalty] ?? 0) > 0,
      );
    case 'compareRuns':
      return compareRuns(goal, state);
    case 'timeline': {
      if (state.rewind === null) return false;
      const first = firstCheckpoint(state, (record) => {
        const value = goal.metric === 'trainAccuracy' ? record.accuracy : record.loss;
        return value !== null && passes(value, goal.op, goal.value);
      });
      const shown = state.checkpoints.indexOf(state.rewind);
      return first >= 0 && shown >= 0 && Math.abs(shown - first) <= (goal.tolerance ?? 0);
    }
    case 'all':
      return goal.goals.every((g) => checkGoal(g, state));
    case 'any':
      return goal.goals.some((g) => checkGoal(g, state));
    case 'not':
      return !checkGoal(goal.goal, state);
    default: {
      const unknown: never = goal;
      throw new Error(`Unknown goal ${JSON.stringify(unknown)}`);
    }
  }
}

function compareRuns(goal: Extract<Goal, { kind: 'compareRuns' }>, state: LessonState): boolean {
  const [latest, ...earlier] = finishedRuns(state);
  if (!latest || (goal.after && !checkGoal(goal.after, latest))) return false;
  const before = earlier.find((run) => !goal.before || checkGoal(goal.before, run));
  if (!before) return false;
  const now = metricValue(goal.metric, latest);
  const then = metricValue(goal.metric, before);
  if (now === null || then === null) return false;
  const gain = goal.change === 'lower' ? then - now : now - then;
  return gain >= goal.by - SLACK;
}

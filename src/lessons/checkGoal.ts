/**
 * Whether a lesson goal is met by the learner's current work: the design, the settings and the
 * latest numbers of the run. Pure, so every lesson's goals are tested in Node.
 */
import type { KernelOptions, LayerSpec, ModelSpec } from '../models/spec';
import type { TrainingConfig } from '../models/trainingConfig';
import type { Goal, LessonMetric } from './lessonFormat';

export interface LessonState {
  spec: ModelSpec;
  training: TrainingConfig;
  /** The design's parameter count (from the analysis). */
  params: number;
  trainAccuracy: number | null;
  valAccuracy: number | null;
  testAccuracy: number | null;
  trainLoss: number | null;
  valLoss: number | null;
  steps: number;
}

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

function activationOf(layer: LayerSpec): string | null {
  return 'activation' in layer ? layer.activation : null;
}

export function checkGoal(goal: Goal, state: LessonState): boolean {
  switch (goal.kind) {
    case 'metric': {
      const value = metricValue(goal.metric, state);
      if (value === null) return false;
      return goal.op === '<=' ? value <= goal.value : value >= goal.value;
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
    case 'setting':
      return state.training[goal.setting] === goal.value;
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
    case 'all':
      return goal.goals.every((g) => checkGoal(g, state));
    case 'any':
      return goal.goals.some((g) => checkGoal(g, state));
    default: {
      const unknown: never = goal;
      throw new Error(`Unknown goal ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Shape inference and validation of a whole design against its dataset and training settings.
 * Produces what the designer shows (per-layer output shape, parameter count, problem) and whether
 * Train is allowed, with the reason when it is not. Never changes the design.
 */
import type { DatasetInfo } from '../data/datasets';
import { inferLayer, LAYER_TYPES } from './layerRegistry';
import { formatShape, type ModelSpec, type Shape } from './spec';
import { LIMITS, type DatasetChoice, type TrainingConfig } from './trainingConfig';

export interface LayerAnalysis {
  id: string;
  /** Known when this layer and every layer before it are valid. */
  outputShape: Shape | null;
  params: number;
  /** A problem on this very layer, in words a student understands. */
  problem: string | null;
}

export interface ModelAnalysis {
  inputShape: Shape;
  layers: LayerAnalysis[];
  totalParams: number;
  /** Problems that belong to the model as a whole (its output vs the labels, the loss). */
  modelProblems: string[];
  /** Problems in the training settings, keyed by setting. */
  settingProblems: Partial<Record<keyof TrainingConfig | keyof DatasetChoice, string>>;
  /** Advice that does not block training. */
  warnings: string[];
  /** Null when Train may run; otherwise the first reason it may not, as shown beside the button. */
  blockingReason: string | null;
}

export function analyzeModel(
  spec: ModelSpec,
  dataset: DatasetInfo,
  config: TrainingConfig,
  data?: DatasetChoice,
): ModelAnalysis {
  const layers: LayerAnalysis[] = [];
  let shape: Shape | null = dataset.inputShape;
  let totalParams = 0;

  spec.layers.forEach((layer, index) => {
    if (shape === null) {
      layers.push({ id: layer.id, outputShape: null, params: 0, problem: null });
      return;
    }
    const result = inferLayer(layer, shape);
    if (result.ok) {
      layers.push({
        id: layer.id,
        outputShape: result.outputShape,
        params: result.params,
        problem: null,
      });
      totalParams += result.params;
      shape = result.outputShape;
    } else {
      const label = LAYER_TYPES[layer.kind].label;
      layers.push({
        id: layer.id,
        outputShape: null,
        params: 0,
        problem: `Layer ${index + 1} (${label}): ${result.problem}`,
      });
      shape = null;
    }
  });

  const modelProblems: string[] = [];
  const warnings: string[] = [];
  const classes = dataset.classes.length;
  const lastDense = [...spec.layers].reverse().find((l) => l.kind === 'dense');
  const last = spec.layers.at(-1);

  if (spec.layers.length === 0) {
    modelProblems.push(
      'The model has no layers. Add at least one Dense layer to produce the output.',
    );
  } else if (shape !== null) {
    const out: Shape = shape;
    const units = out.length === 1 ? (out[0] ?? 0) : -1;
    const binaryOk = classes === 2 && units === 1;
    if (units !== classes && !binaryOk) {
      const want =
        classes === 2
          ? `[2] (softmax over 2 classes) or [1] (one sigmoid unit)`
          : `[${classes}] (one output per class)`;
      const fix =
        out.length !== 1
          ? ' Add Flatten and a Dense layer at the end.'
          : ` Set the last Dense layer to ${classes} units.`;
      modelProblems.push(
        `The model's output has shape ${formatShape(out)}, but ${dataset.name} has ${classes} classes, so it must be ${want}.${fix}`,
      );
    } else if (config.loss === 'categoricalCrossentropy' && units === 1) {
      modelProblems.push(
        'Categorical cross-entropy needs one output per class, but the model has 1 output. Use binary cross-entropy with a sigmoid output, or 2 softmax units.',
      );
    }
    if (modelProblems.length === 0 && last?.kind === 'dense') {
      if (config.loss === 'categoricalCrossentropy' && last.activation !== 'softmax') {
        warnings.push(
          `Categorical cross-entropy expects probabilities: the last layer uses "${last.activation}"; "softmax" is the usual choice.`,
        );
      }
      if (
        config.loss === 'binaryCrossentropy' &&
        !['sigmoid', 'softmax'].includes(last.activation)
      ) {
        warnings.push(
          `Binary cross-entropy expects values between 0 and 1: the last layer uses "${last.activation}"; "sigmoid" is the usual choice.`,
        );
      }
    }
  }
  if (lastDense === undefined && spec.layers.length > 0 && shape !== null) {
    warnings.push('The model has no Dense layer, so it has no weights to learn a classifier with.');
  }

  const settingProblems = checkSettings(config, data);
  const layerProblem = layers.find((l) => l.problem !== null)?.problem ?? null;
  const settingProblem = Object.values(settingProblems)[0] ?? null;
  return {
    inputShape: dataset.inputShape,
    layers,
    totalParams,
    modelProblems,
    settingProblems,
    warnings,
    blockingReason: layerProblem ?? modelProblems[0] ?? settingProblem,
  };
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

function checkSettings(
  config: TrainingConfig,
  data?: DatasetChoice,
): ModelAnalysis['settingProblems'] {
  const problems: ModelAnalysis['settingProblems'] = {};
  const { learningRate: lr, batchSize: bs, epochs: ep, validationSplit: vs } = LIMITS;
  if (!inRange(config.learningRate, lr.min, lr.max) || config.learningRate <= 0) {
    problems.learningRate = `Learning rate must be a number between ${lr.min} and ${lr.max}.`;
  }
  if (!Number.isInteger(config.batchSize) || !inRange(config.batchSize, bs.min, bs.max)) {
    problems.batchSize = `Batch size must be a whole number from ${bs.min} to ${bs.max}.`;
  }
  if (!Number.isInteger(config.epochs) || !inRange(config.epochs, ep.min, ep.max)) {
    problems.epochs = `Epochs must be a whole number from ${ep.min} to ${ep.max}.`;
  }
  if (!inRange(config.validationSplit, vs.min, vs.max)) {
    problems.validationSplit = `Validation split must be between ${vs.min} and ${vs.max}.`;
  }
  if (!Number.isInteger(config.seed) || config.seed < 0) {
    problems.seed = 'Seed must be a whole number of 0 or more.';
  }
  if (data) {
    if (!inRange(data.noise, LIMITS.noise.min, LIMITS.noise.max)) {
      problems.noise = `Noise must be between ${LIMITS.noise.min} and ${LIMITS.noise.max}.`;
    }
    if (
      !Number.isInteger(data.samples) ||
      !inRange(data.samples, LIMITS.samples.min, LIMITS.samples.max)
    ) {
      problems.samples = `Points must be a whole number from ${LIMITS.samples.min} to ${LIMITS.samples.max}.`;
    }
  }
  return problems;
}

/**
 * Shape inference and validation of a whole design against its dataset and training settings.
 * Produces what the designer shows (per-layer output shape, parameter count, problem) and whether
 * Train is allowed, with the reason when it is not. Never changes the design.
 */
import type { DatasetInfo } from '../data/datasets';
import { inferStack, type LayerAnalysis } from './inferStack';
import { formatShape, type ModelSpec, type Shape } from './spec';
import { LIMITS, type DatasetChoice, type TrainingConfig } from './trainingConfig';

export type { LayerAnalysis } from './inferStack';

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

/**
 * The output shapes a dataset's labels accept: one score per class (per time step for sequences),
 * or one value per regression target.
 */
function acceptedOutputs(dataset: DatasetInfo): Shape[] {
  const classes = dataset.classes.length;
  if (dataset.task === 'regression') return [[classes]];
  if (dataset.task === 'sequence') return [[dataset.inputShape[0] ?? 0, classes]];
  return classes === 2 ? [[classes], [1]] : [[classes]];
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function analyzeModel(
  spec: ModelSpec,
  dataset: DatasetInfo,
  config: TrainingConfig,
  data?: DatasetChoice,
): ModelAnalysis {
  const stack = inferStack(spec.layers, dataset.inputShape, {
    inputIsTokens: dataset.inputIsTokens,
    tokenVocab: dataset.vocabSize,
  });
  const { layers, totalParams } = stack;
  const shape = stack.output;

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
    const accepted = acceptedOutputs(dataset);
    const units = out.at(-1) ?? 0;
    if (!accepted.some((a) => sameShape(a, out))) {
      const want =
        dataset.task === 'regression'
          ? `[${classes}] (one value per target)`
          : dataset.task === 'sequence'
            ? `${formatShape(accepted[0] ?? [])} (one score per symbol at every position)`
            : classes === 2
              ? `[2] (softmax over 2 classes) or [1] (one sigmoid unit)`
              : `[${classes}] (one output per class)`;
      const fix =
        dataset.task === 'regression'
          ? ` End with a Dense layer of ${classes} unit${classes === 1 ? '' : 's'} and a linear activation.`
          : dataset.task === 'sequence'
            ? ` End with a Dense layer of ${classes} units on the sequence (no Flatten or pooling).`
            : out.length !== 1
              ? ' Add Flatten and a Dense layer at the end (or global pooling before the Dense).'
              : ` Set the last Dense layer to ${classes} units.`;
      const has =
        dataset.task === 'regression'
          ? `${classes} target${classes === 1 ? '' : 's'}`
          : `${classes} classes`;
      modelProblems.push(
        `The model's output has shape ${formatShape(out)}, but ${dataset.name} has ${has}, so it must be ${want}.${fix}`,
      );
    } else if (dataset.task === 'regression' && config.loss !== 'meanSquaredError') {
      modelProblems.push(
        `${dataset.name} asks for real numbers, not classes: use the mean squared error loss (cross-entropy only fits class labels).`,
      );
    } else if (config.loss === 'categoricalCrossentropy' && units === 1) {
      modelProblems.push(
        'Categorical cross-entropy needs one output per class, but the model has 1 output. Use binary cross-entropy with a sigmoid output, or 2 softmax units.',
      );
    }
    if (modelProblems.length === 0 && last?.kind === 'dense' && dataset.task === 'regression') {
      if (last.activation !== 'linear') {
        warnings.push(
          `The last layer uses "${last.activation}", which limits the range of its output; regression usually ends with a "linear" Dense layer.`,
        );
      }
    } else if (modelProblems.length === 0 && last?.kind === 'dense') {
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
  for (const layer of layers) if (layer.warning) warnings.push(layer.warning);

  const settingProblems = checkSettings(config, data, dataset);
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

/** Limits of the dataset settings that depend on its kind (generators and tokenisers check them too). */
const SEQUENCE_TASK_LIMITS = { length: { min: 2, max: 64 }, symbols: { min: 2, max: 100 } };
const TEXT_LIMITS = { length: { min: 2, max: 256 }, vocabulary: { min: 10, max: 50000 } };
const CORPUS_LIMITS = { length: { min: 2, max: 128 } };

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && inRange(value, min, max);
}

function checkSettings(
  config: TrainingConfig,
  data?: DatasetChoice,
  dataset?: DatasetInfo,
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
  const ts = LIMITS.testSplit;
  if (!inRange(config.testSplit, ts.min, ts.max)) {
    problems.testSplit = `Test split must be between ${ts.min} and ${ts.max}.`;
  } else if (
    inRange(config.validationSplit, vs.min, vs.max) &&
    config.validationSplit + config.testSplit > 0.8
  ) {
    problems.testSplit = `Validation and test splits together hold out ${Math.round((config.validationSplit + config.testSplit) * 100)} % of the data, leaving too little to train on: keep them at 80 % or less.`;
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
    const kind = dataset?.kind;
    const length =
      kind === 'sequence'
        ? SEQUENCE_TASK_LIMITS.length
        : kind === 'text'
          ? TEXT_LIMITS.length
          : kind === 'corpus'
            ? CORPUS_LIMITS.length
            : null;
    if (length && !isWhole(data.sequenceLength, length.min, length.max)) {
      problems.sequenceLength = `Sequence length must be a whole number from ${length.min} to ${length.max}.`;
    }
    const vocabulary =
      kind === 'sequence'
        ? { ...SEQUENCE_TASK_LIMITS.symbols, what: 'Symbols' }
        : kind === 'text'
          ? { ...TEXT_LIMITS.vocabulary, what: 'Vocabulary size' }
          : null;
    if (vocabulary && !isWhole(data.vocabularySize, vocabulary.min, vocabulary.max)) {
      problems.vocabularySize = `${vocabulary.what} must be a whole number from ${vocabulary.min} to ${vocabulary.max}.`;
    }
  }
  return problems;
}

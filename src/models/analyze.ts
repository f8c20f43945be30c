/**
 * Shape inference and validation of a whole design against its dataset and training settings.
 * Produces what the designer shows (per-layer output shape, parameter count, problem) and whether
 * Train is allowed, with the reason when it is not. Never changes the design.
 */
import { datasetTitle, SEQUENCE_SYMBOLS, type DatasetInfo } from '../data/datasets';
import { message, type Message } from '../shared/messages/message';
import { formatBytes } from '../data/import/limits';
import { inferStack, type LayerAnalysis } from './inferStack';
import { estimateTrainingBytes, MAX_TRAINING_BYTES, type TrainingMemory } from './trainingMemory';
import { formatShape, type ModelSpec, type Shape } from './spec';
import { LIMITS, type DatasetChoice, type TrainingConfig } from './trainingConfig';

export type { LayerAnalysis } from './inferStack';

export interface ModelAnalysis {
  inputShape: Shape;
  layers: LayerAnalysis[];
  /** Every count that is known; the whole model's when `paramsKnown`. */
  totalParams: number;
  /** False when some layer's count depends on an invalid layer above it. */
  paramsKnown: boolean;
  /** Of `totalParams`, those training does not change (Keras: "Non-trainable params"). */
  nonTrainableParams: number;
  /** What training needs in memory, by part; null while a layer's shape is unknown. */
  memory: TrainingMemory | null;
  /** Problems that belong to the model as a whole (its output vs the labels, the loss). */
  modelProblems: Message[];
  /** Problems in the training settings, keyed by setting. */
  settingProblems: Partial<Record<keyof TrainingConfig | keyof DatasetChoice, Message>>;
  /** Advice that does not block training. */
  warnings: Message[];
  /** Null when Train may run; otherwise the first reason it may not, as shown beside the button. */
  blockingReason: Message | null;
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
  const { layers, totalParams, paramsKnown, nonTrainableParams } = stack;
  const shape = stack.output;

  const modelProblems: Message[] = [];
  const warnings: Message[] = [];
  const classes = dataset.classes.length;
  const lastDense = [...spec.layers].reverse().find((l) => l.kind === 'dense');
  const last = spec.layers.at(-1);

  if (spec.layers.length === 0) {
    modelProblems.push(message('analysis.noLayers'));
  } else if (shape !== null) {
    const out: Shape = shape;
    const accepted = acceptedOutputs(dataset);
    const units = out.at(-1) ?? 0;
    if (!accepted.some((a) => sameShape(a, out))) {
      const count = classes;
      const want =
        dataset.task === 'regression'
          ? message('analysis.want.regression', { count })
          : dataset.task === 'sequence'
            ? message('analysis.want.sequence', { shape: formatShape(accepted[0] ?? []) })
            : classes === 2
              ? message('analysis.want.binary')
              : message('analysis.want.classes', { count });
      const fix =
        dataset.task === 'regression'
          ? message('analysis.fix.regression', { count })
          : dataset.task === 'sequence'
            ? message('analysis.fix.sequence', { count })
            : out.length !== 1
              ? message('analysis.fix.flatten')
              : message('analysis.fix.units', { count });
      const has =
        dataset.task === 'regression'
          ? message('analysis.has.targets', { count })
          : message('analysis.has.classes', { count });
      modelProblems.push(
        message('analysis.outputMismatch', {
          shape: formatShape(out),
          dataset: datasetTitle(dataset),
          has,
          want,
          fix,
        }),
      );
    } else if (dataset.task === 'regression' && config.loss !== 'meanSquaredError') {
      modelProblems.push(message('analysis.regressionLoss', { dataset: datasetTitle(dataset) }));
    } else if (config.loss === 'categoricalCrossentropy' && units === 1) {
      modelProblems.push(message('analysis.categoricalOneOutput'));
    }
    if (modelProblems.length === 0 && last?.kind === 'dense' && dataset.task === 'regression') {
      if (last.activation !== 'linear') {
        warnings.push(message('analysis.regressionActivation', { activation: last.activation }));
      }
    } else if (modelProblems.length === 0 && last?.kind === 'dense') {
      if (config.loss === 'categoricalCrossentropy' && last.activation !== 'softmax') {
        warnings.push(message('analysis.categoricalActivation', { activation: last.activation }));
      }
      if (
        config.loss === 'binaryCrossentropy' &&
        !['sigmoid', 'softmax'].includes(last.activation)
      ) {
        warnings.push(message('analysis.binaryActivation', { activation: last.activation }));
      }
    }
  }
  const memory =
    shape !== null && layers.every((l) => l.outputShape !== null)
      ? estimateTrainingBytes(
          { inputShape: dataset.inputShape, layers, totalParams, nonTrainableParams },
          Math.max(1, Math.floor(config.batchSize) || 1),
          config.optimizer,
        )
      : null;
  if (memory && memory.total > MAX_TRAINING_BYTES) {
    // First: whatever else is wrong, this design cannot be trained in a tab at all.
    modelProblems.unshift(
      message('analysis.tooMuchMemory', {
        total: formatBytes(memory.total),
        weights: formatBytes(memory.weights),
        optimizer: formatBytes(memory.optimizer),
        activations: formatBytes(memory.activations),
        batch: config.batchSize,
        limit: formatBytes(MAX_TRAINING_BYTES),
      }),
    );
  }
  if (lastDense === undefined && spec.layers.length > 0 && shape !== null) {
    warnings.push(message('analysis.noDense'));
  }
  for (const layer of layers) if (layer.warning) warnings.push(layer.warning);

  const settingProblems = checkSettings(config, data, dataset);
  const layerProblem = layers.find((l) => l.problem !== null)?.problem ?? null;
  const settingProblem = Object.values(settingProblems)[0] ?? null;
  return {
    inputShape: dataset.inputShape,
    layers,
    totalParams,
    paramsKnown,
    nonTrainableParams,
    memory,
    modelProblems,
    settingProblems,
    warnings,
    blockingReason: layerProblem ?? modelProblems[0] ?? settingProblem,
  };
}

/** The bounds of a limit, as a message's values. */
function range({ min, max }: { min: number; max: number }): { min: number; max: number } {
  return { min, max };
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isFinite(value) && value >= min && value <= max;
}

/** Limits of the dataset settings that depend on its kind (generators and tokenisers check them too). */
const SEQUENCE_TASK_LIMITS = { length: { min: 2, max: 64 }, symbols: SEQUENCE_SYMBOLS };
const TEXT_LIMITS = { length: { min: 2, max: 256 }, vocabulary: { min: 10, max: 50000 } };
const CORPUS_LIMITS = { length: { min: 2, max: 128 } };

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && inRange(value, min, max);
}

/** The optional training settings (optimizer settings, schedule, clipping, early stopping). */
function checkTrainingOptions(config: TrainingConfig): ModelAnalysis['settingProblems'] {
  const problems: ModelAnalysis['settingProblems'] = {};
  // The setting is named by its place in the experiment file ("schedule.gamma"), in any language.
  type Limit = { min: number; max: number };
  const number = (setting: string, value: number, limit: Limit) =>
    inRange(value, limit.min, limit.max)
      ? null
      : message('analysis.setting.outOfRange', { setting, ...range(limit) });
  const whole = (setting: string, value: number, limit: Limit) =>
    isWhole(value, limit.min, limit.max)
      ? null
      : message('analysis.setting.wholeOutOfRange', { setting, ...range(limit) });
  const { schedule: s, clipping: c, earlyStopping: e } = config;
  const found = {
    momentum: number('momentum', config.momentum, LIMITS.decay),
    beta1: number('beta1', config.beta1, LIMITS.decay),
    beta2: number('beta2', config.beta2, LIMITS.decay),
    rho: number('rho', config.rho, LIMITS.decay),
    epsilon: number('epsilon', config.epsilon, LIMITS.epsilon),
    weightDecay: number('weightDecay', config.weightDecay, LIMITS.weightDecay),
    schedule:
      number('schedule.gamma', s.gamma, LIMITS.gamma) ??
      whole('schedule.stepEpochs', s.stepEpochs, LIMITS.stepEpochs) ??
      number('schedule.floor', s.floor, LIMITS.floor) ??
      whole('schedule.warmupSteps', s.warmupSteps, LIMITS.warmupSteps),
    clipping: number('clipping.threshold', c.threshold, LIMITS.clipThreshold),
    earlyStopping:
      whole('earlyStopping.patience', e.patience, LIMITS.patience) ??
      number('earlyStopping.minDelta', e.minDelta, LIMITS.minDelta),
  };
  for (const [key, problem] of Object.entries(found)) {
    if (problem) problems[key as keyof typeof found] = problem;
  }
  return problems;
}

function checkSettings(
  config: TrainingConfig,
  data?: DatasetChoice,
  dataset?: DatasetInfo,
): ModelAnalysis['settingProblems'] {
  const problems: ModelAnalysis['settingProblems'] = {};
  const { learningRate: lr, batchSize: bs, epochs: ep, validationSplit: vs } = LIMITS;
  if (!inRange(config.learningRate, lr.min, lr.max) || config.learningRate <= 0) {
    problems.learningRate = message('analysis.setting.learningRate', range(lr));
  }
  if (!Number.isInteger(config.batchSize) || !inRange(config.batchSize, bs.min, bs.max)) {
    problems.batchSize = message('analysis.setting.batchSize', range(bs));
  }
  if (!Number.isInteger(config.epochs) || !inRange(config.epochs, ep.min, ep.max)) {
    problems.epochs = message('analysis.setting.epochs', range(ep));
  }
  if (!inRange(config.validationSplit, vs.min, vs.max)) {
    problems.validationSplit = message('analysis.setting.validationSplit', range(vs));
  }
  const ts = LIMITS.testSplit;
  if (!inRange(config.testSplit, ts.min, ts.max)) {
    problems.testSplit = message('analysis.setting.testSplit', range(ts));
  } else if (
    inRange(config.validationSplit, vs.min, vs.max) &&
    config.validationSplit + config.testSplit > 0.8
  ) {
    problems.testSplit = message('analysis.setting.heldOutTooMuch', {
      percent: Math.round((config.validationSplit + config.testSplit) * 100),
    });
  }
  if (!Number.isInteger(config.seed) || config.seed < 0) {
    problems.seed = message('analysis.setting.seed');
  }
  Object.assign(problems, checkTrainingOptions(config));
  if (data) Object.assign(problems, checkDataChoice(data, dataset));
  return problems;
}

/**
 * The dataset choice's own settings (noise, samples, lengths, vocabulary), by themselves: what
 * generating or reading the data needs, so the dataset browser can refuse the same values that
 * training refuses (a sample count of 10⁸ would otherwise keep the worker busy for minutes).
 */
export function checkDataChoice(
  data: DatasetChoice,
  dataset?: DatasetInfo,
): ModelAnalysis['settingProblems'] {
  const problems: ModelAnalysis['settingProblems'] = {};
  if (!inRange(data.noise, LIMITS.noise.min, LIMITS.noise.max)) {
    problems.noise = message('analysis.setting.noise', range(LIMITS.noise));
  }
  if (
    !Number.isInteger(data.samples) ||
    !inRange(data.samples, LIMITS.samples.min, LIMITS.samples.max)
  ) {
    problems.samples = message('analysis.setting.samples', range(LIMITS.samples));
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
    problems.sequenceLength = message('analysis.setting.sequenceLength', range(length));
  }
  const vocabulary =
    kind === 'sequence'
      ? { ...SEQUENCE_TASK_LIMITS.symbols, key: 'analysis.setting.symbols' as const }
      : kind === 'text'
        ? { ...TEXT_LIMITS.vocabulary, key: 'analysis.setting.vocabularySize' as const }
        : null;
  if (vocabulary && !isWhole(data.vocabularySize, vocabulary.min, vocabulary.max)) {
    const { min, max } = vocabulary;
    problems.vocabularySize = message(vocabulary.key, { min, max });
  }
  return problems;
}

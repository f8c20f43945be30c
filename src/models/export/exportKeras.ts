/**
 * A LayerLab design as a Keras (tensorflow.keras) program: the model built with the functional
 * API (so merges work) with every setting spelled out, LayerLab's own layers as small Layer
 * subclasses, a loader for LayerLab's saved weights, compile + fit with its settings, and a
 * command line. Pure: runs anywhere.
 */
import type { DatasetInfo } from '../../data/datasets';
import { appliedLayers } from '../layerNames';
import type { ModelSpec } from '../spec';
import type { LossName, TrainingConfig } from '../trainingConfig';
import { KERAS_HELPER_CODE, KERAS_HELPERS } from './kerasLibrary';
import {
  kerasLayersOf,
  writeKerasModel,
  type KerasLayer,
  type KerasModelCode,
} from './kerasLayers';
import { exportPlan, type ExportPlan } from './plan';
import { indent, joinSections, neededImports, pyBool, pyFloat, pyInt, pyTuple } from './python';
import {
  commonArguments,
  DATA_LOADER,
  headerSection,
  settingsSection,
  TFJS_READER,
} from './pythonShared';

export type { KerasLayer } from './kerasLayers';

/**
 * The Keras layers the exported program creates, in order (the Input excluded), with their
 * classes and parameter counts. Throws, naming the layer, when the design has a problem.
 */
export function kerasLayerList(
  spec: ModelSpec,
  info: Pick<DatasetInfo, 'inputShape' | 'inputIsTokens' | 'vocabSize'>,
): KerasLayer[] {
  return kerasLayersOf(appliedLayers(spec, info));
}

const IMPORTS = [
  { line: 'import argparse' },
  { line: 'import json' },
  { line: 'import math', usedAs: 'math' },
  { line: 'import os' },
  { line: '' },
  { line: 'import numpy as np' },
  { line: 'import tensorflow as tf', usedAs: 'tf' },
  { line: 'from tensorflow import keras' },
  { line: 'from tensorflow.keras import layers' },
];

function buildSection(plan: ExportPlan, code: KerasModelCode): string[] {
  const input = plan.info.inputIsTokens
    ? '# Token ids arrive as numbers, as in LayerLab; the Embedding casts them to integers.'
    : "# LayerLab's layout: images channels-last [B, H, W, C], as Keras's own.";
  return [
    'def build_model():',
    '    """The design, layer for layer as LayerLab builds it, with tfjs\'s layer names. Initial',
    "    values follow LayerLab's recipes, not its numbers (the random generators differ):",
    '    load LayerLab\'s weights to get its model."""',
    `    ${input}`,
    `    inputs = keras.Input(shape=${pyTuple(plan.info.inputShape)}, dtype='float32', name='input')`,
    '    x = inputs',
    ...indent(code.body, 1),
    "    return keras.Model(inputs=inputs, outputs=x, name='layerlab_model')",
  ];
}

function weightsSection(code: KerasModelCode): string[] {
  return [
    "# Each layer's weights in LayerLab's saved model, in the order Keras's get_weights() lists them.",
    "# tfjs stores weights in Keras's own layouts, so they load as they are.",
    'TFJS_WEIGHTS = {',
    ...indent(code.weights, 1),
    '}',
    '',
    '',
    'def load_layerlab_weights(model, model_json_path):',
    '    """Sets the weights LayerLab saved (a tfjs model.json and its .bin files) on the model."""',
    '    arrays = read_tfjs_weights(model_json_path)',
    '    for layer_name, names in TFJS_WEIGHTS.items():',
    '        missing = [name for name in names if name not in arrays]',
    '        if missing:',
    "            raise KeyError(f'{model_json_path} has no weight {missing[0]}: was it saved from this design?')",
    '        model.get_layer(layer_name).set_weights([arrays.pop(name) for name in names])',
    '    if arrays:',
    "        print('Not used (not part of this design):', ', '.join(sorted(arrays)))",
  ];
}

function optimizerLines(training: TrainingConfig): string[] {
  const { momentum, nesterov, beta1, beta2, epsilon, rho, weightDecay } = training;
  const adamArgs = `learning_rate=LEARNING_RATE, beta_1=${pyFloat(beta1)}, beta_2=${pyFloat(beta2)}, epsilon=${pyFloat(epsilon)}, amsgrad=False`;
  switch (training.optimizer) {
    case 'sgd':
      return [
        '    """Plain SGD: w = w - lr * g."""',
        '    return keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=0.0, nesterov=False)',
      ];
    case 'momentum':
      return [
        `    """SGD with momentum ${momentum}${nesterov ? " (Nesterov's variant)" : ''} (tfjs's steps at a fixed rate; Keras folds a changing rate into its velocity)."""`,
        `    return keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=${pyFloat(momentum)}, nesterov=${pyBool(nesterov)})`,
      ];
    case 'adam':
      return [
        '    """Adam with LayerLab\'s settings. Keras adds epsilon to sqrt(v) before the bias correction,',
        '    tfjs to sqrt(v_hat) after it: the first steps differ slightly when v is tiny."""',
        `    return keras.optimizers.Adam(${adamArgs})`,
      ];
    case 'adamw':
      return [
        '    """AdamW: before each Adam step every weight shrinks by learning_rate * weight_decay',
        '    (decoupled weight decay), as LayerLab applies it."""',
        `    return keras.optimizers.AdamW(weight_decay=${pyFloat(weightDecay)}, ${adamArgs})`,
      ];
    case 'rmsprop':
      return [
        '    """RMSProp with LayerLab\'s settings. Keras adds epsilon outside the square root,',
        '    tfjs inside it (sqrt(mean_square + epsilon)): they differ only while mean_square is tiny."""',
        `    return keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=${pyFloat(rho)}, momentum=0.0, epsilon=${pyFloat(epsilon)}, centered=False)`,
      ];
    case 'adagrad':
      return [
        '    """Adagrad with LayerLab\'s settings: the accumulator starts at 0.1."""',
        '    return keras.optimizers.Adagrad(learning_rate=LEARNING_RATE, initial_accumulator_value=0.1, epsilon=1e-7)',
      ];
  }
}

/** The loss argument of compile, with its comma (a comment may follow it). */
function lossLine(loss: LossName): string {
  switch (loss) {
    case 'meanSquaredError':
      return 'keras.losses.MeanSquaredError(),';
    case 'binaryCrossentropy':
      return 'keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0),  # on probabilities';
    case 'categoricalCrossentropy':
      return 'keras.losses.CategoricalCrossentropy(from_logits=False, label_smoothing=0.0),  # on probabilities';
  }
}

/**
 * make_schedule: LayerLab's learning-rate schedule (src/models/schedules.ts) as Keras's own
 * schedules, which count optimizer steps from 0, behind a linear warm-up of WARMUP_STEPS steps.
 */
function scheduleLines(training: TrainingConfig): string[] {
  const { kind, gamma, stepEpochs, floor } = training.schedule;
  const schedules = 'keras.optimizers.schedules';
  const main: Record<typeof kind, string> = {
    constant: '    after = LEARNING_RATE',
    step: `    after = ${schedules}.ExponentialDecay(LEARNING_RATE, decay_steps=${pyInt(stepEpochs)} * steps_per_epoch, decay_rate=${pyFloat(gamma)}, staircase=True)`,
    exponential: `    after = ${schedules}.ExponentialDecay(LEARNING_RATE, decay_steps=steps_per_epoch, decay_rate=${pyFloat(gamma)})`,
    cosine: `    after = ${schedules}.CosineDecay(LEARNING_RATE, decay_steps=max(1, total_steps - WARMUP_STEPS), alpha=${pyFloat(floor)})`,
  };
  return [
    `class WarmUp(${schedules}.LearningRateSchedule):`,
    '    """LEARNING_RATE * (step + 1) / steps for the first `steps` steps, then `after` counted from',
    '    the end of the warm-up."""',
    '',
    '    def __init__(self, after, steps):',
    '        self.after = after',
    '        self.steps = steps',
    '',
    '    def __call__(self, step):',
    "        step = keras.ops.cast(step, 'float32')",
    '        later = keras.ops.maximum(step - self.steps, 0.0)',
    '        rate = self.after(later) if callable(self.after) else self.after',
    '        return keras.ops.where(step < self.steps, LEARNING_RATE * (step + 1.0) / self.steps, rate)',
    '',
    '',
    'def make_schedule(steps_per_epoch, total_steps):',
    '    """The learning rate of each optimizer step."""',
    main[kind],
    '    return WarmUp(after, WARMUP_STEPS) if WARMUP_STEPS >= 2 else after  # 0 or 1: none',
  ];
}

function trainingSection(plan: ExportPlan): string[] {
  const outputs = plan.outputShape.at(-1) ?? 1;
  const metrics =
    plan.info.task === 'regression'
      ? '[],'
      : outputs === 1
        ? '[keras.metrics.BinaryAccuracy(threshold=0.5)],  # one unit: class 1 above 0.5'
        : '[keras.metrics.CategoricalAccuracy()],';
  // The rate comes from the schedule; clipping is an argument of every Keras optimizer.
  const { kind, threshold } = plan.training.clipping;
  const clip =
    kind === 'norm'
      ? `, global_clipnorm=${pyFloat(threshold)}`
      : kind === 'value'
        ? `, clipvalue=${pyFloat(threshold)}`
        : '';
  const optimizer = optimizerLines(plan.training).map((line) =>
    line.replace('learning_rate=LEARNING_RATE', `learning_rate=schedule${clip}`),
  );
  return [
    ...scheduleLines(plan.training),
    '',
    '',
    'def make_optimizer(steps_per_epoch, total_steps):',
    optimizer[0] ?? '',
    ...optimizer.slice(1, -1),
    '    schedule = make_schedule(steps_per_epoch, total_steps)',
    optimizer.at(-1) ?? '',
    '',
    '',
    'def train(model, npz_path, epochs):',
    '    """Keras\'s fit with LayerLab\'s settings; the L1/L2 penalties join the loss by themselves.',
    '    Unlike LayerLab, fit keeps the last partial batch and shuffles with its own order."""',
    '    x_train, y_train, x_val, y_val = load_data(npz_path)',
    '    steps = math.ceil(len(x_train) / BATCH_SIZE)',
    '    model.compile(',
    '        optimizer=make_optimizer(steps, epochs * steps),',
    `        loss=${lossLine(plan.training.loss)}`,
    `        metrics=${metrics}`,
    '    )',
    '    model.fit(',
    '        x_train,',
    '        y_train,',
    '        batch_size=BATCH_SIZE,',
    '        epochs=epochs,',
    '        validation_data=None if x_val is None else (x_val, y_val),',
    '        shuffle=True,',
    '        verbose=2,',
    '    )',
  ];
}

const MAIN_SECTION = [
  ...commonArguments('Keras', 'a .weights.h5 file'),
  '    args = parser.parse_args()',
  '',
  '    keras.utils.set_random_seed(SEED)  # Python, NumPy and TensorFlow',
  '    model = build_model()',
  '    if args.count_params:',
  "        print(f'parameters: {model.count_params()}')",
  '    if args.weights:',
  '        load_layerlab_weights(model, args.weights)',
  '    if args.train:',
  '        train(model, args.train, args.epochs)',
  '    if args.save:',
  '        model.save_weights(args.save)',
  '    if args.predict:',
  '        inputs = np.load(args.predict).astype(np.float32)',
  '        outputs = model.predict(inputs, batch_size=256, verbose=0)  # inference: no dropout',
  '        np.save(args.out, outputs.astype(np.float32))',
  "        print(f'predictions {outputs.shape} saved to {args.out}')",
  '    if not (args.count_params or args.train or args.predict):',
  '        parser.print_help()',
  '',
  '',
  "if __name__ == '__main__':",
  '    main()',
];

export function exportKeras(spec: ModelSpec, info: DatasetInfo, training: TrainingConfig): string {
  const plan = exportPlan(spec, info, training);
  const code = writeKerasModel(plan);
  const sections = [
    ...KERAS_HELPERS.filter((h) => code.helpers.has(h)).map((h) => [...KERAS_HELPER_CODE[h]]),
    buildSection(plan, code),
    weightsSection(code),
    [...TFJS_READER],
    trainingSection(plan),
    [...DATA_LOADER],
    MAIN_SECTION,
  ];
  const imports = neededImports(IMPORTS, sections.flat().join('\n'));
  return joinSections([
    [...headerSection(plan, 'Keras'), '', ...imports, '', '', ...settingsSection(plan)],
    ...sections,
  ]);
}

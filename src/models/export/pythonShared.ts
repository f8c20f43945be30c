/**
 * Python sections both exported programs share: the settings block, the reader of a tfjs
 * model.json with its .bin files, the .npz data loader, and the sinusoidal position table.
 */
import { OPTIMIZER_LABELS, LOSS_LABELS } from '../trainingConfig';
import type { ExportPlan } from './plan';
import { batchShape, pyComment, pyFloat, pyInt, pyStr, pyTuple } from './python';

/** The header docstring and comment lines: what the program is and how to run it. */
export function headerSection(plan: ExportPlan, framework: 'PyTorch' | 'Keras'): string[] {
  const { info, training } = plan;
  const needs = framework === 'PyTorch' ? 'torch and numpy' : 'tensorflow (tf.keras) and numpy';
  return [
    '#!/usr/bin/env python3',
    `"""A LayerLab design as a ${framework} program (written by LayerLab's code export).`,
    '',
    'Usage:',
    '  python3 model.py --count-params',
    '  python3 model.py --weights model.json --predict inputs.npy --out predictions.npy',
    '  python3 model.py --train data.npz [--weights model.json] [--epochs N] [--save FILE]',
    '',
    '--weights loads the weights LayerLab trained (its saved model.json and the .bin files next',
    "to it). Inputs are in LayerLab's layout: images channels-last [N, height, width, channels],",
    "token inputs as id numbers [N, steps]. The outputs are what LayerLab's model outputs",
    '(probabilities after its softmax or sigmoid).',
    '',
    `Needs Python 3, ${needs}.`,
    '"""',
    `# Dataset: ${pyComment(info.name)} (${pyComment(info.id)}), ${info.task}: input ${batchShape(info.inputShape)}${info.inputIsTokens ? ' token ids' : ''}, output ${batchShape(plan.outputShape)}.`,
    `# Training: ${OPTIMIZER_LABELS[training.optimizer]}, learning rate ${training.learningRate}, ${LOSS_LABELS[training.loss]}, batch size ${training.batchSize}, ${training.epochs} epochs, seed ${training.seed}.`,
    `# Parameters: ${plan.totalParams.toLocaleString('en')} (as LayerLab and Keras count them).`,
  ];
}

/** Module-level constants the rest of the program reads. */
export function settingsSection(plan: ExportPlan): string[] {
  const { info, training } = plan;
  return [
    '# ---- LayerLab settings of this design ---------------------------------------------------',
    `INPUT_SHAPE = ${pyTuple(info.inputShape)}  # one sample, without the batch axis (LayerLab's layout)`,
    `INPUT_IS_TOKENS = ${info.inputIsTokens ? 'True' : 'False'}`,
    `OUTPUT_SHAPE = ${pyTuple(plan.outputShape)}`,
    `TASK = ${pyStr(info.task)}`,
    `OPTIMIZER = ${pyStr(training.optimizer)}`,
    `LEARNING_RATE = ${pyFloat(training.learningRate)}`,
    `WARMUP_STEPS = ${pyInt(training.schedule.warmupSteps)}  # linear warm-up before the schedule (0: none)`,
    `LOSS = ${pyStr(training.loss)}`,
    `BATCH_SIZE = ${pyInt(training.batchSize)}`,
    `EPOCHS = ${pyInt(training.epochs)}`,
    `VALIDATION_SPLIT = ${pyFloat(training.validationSplit)}`,
    `SEED = ${pyInt(training.seed)}`,
    "# tfjs's float32 epsilon: clips probabilities in the cross-entropy losses (as Keras's does).",
    'EPSILON = 1e-7',
  ];
}

export const TFJS_READER: readonly string[] = [
  'def read_tfjs_weights(model_json_path):',
  '    """Reads the weights of a tfjs layers model: model.json\'s weightsManifest and its .bin files.',
  '',
  '    Returns {name: float32 numpy array}, with the names tfjs writes ("dense_2/kernel") and',
  "    Keras's layouts (a Dense kernel is [inputs, units]). Each manifest group's .bin files,",
  '    joined in order, hold its arrays back to back as little-endian numbers.',
  '    """',
  "    with open(model_json_path, encoding='utf-8') as f:",
  "        manifest = json.load(f)['weightsManifest']",
  '    folder = os.path.dirname(os.path.abspath(model_json_path))',
  '    arrays = {}',
  '    for group in manifest:',
  "        data = b''",
  "        for path in group['paths']:",
  "            with open(os.path.join(folder, path), 'rb') as f:",
  '                data += f.read()',
  '        offset = 0',
  "        for spec in group['weights']:",
  "            if 'quantization' in spec:",
  '                raise ValueError(f"{spec[\'name\']} is quantized: save the model without quantization.")',
  "            dtype = {'float32': '<f4', 'int32': '<i4'}.get(spec['dtype'])",
  '            if dtype is None:',
  "                raise ValueError(f\"{spec['name']} has dtype {spec['dtype']}, which this reader does not know.\")",
  "            count = int(np.prod(spec['shape'], dtype=np.int64))",
  '            array = np.frombuffer(data, dtype=dtype, count=count, offset=offset)',
  '            offset += 4 * count',
  "            if spec.get('group') != 'optimizer':  # saved optimizer state is not needed here",
  "                arrays[spec['name']] = array.reshape(spec['shape']).astype(np.float32)",
  '    return arrays',
];

export const DATA_LOADER: readonly string[] = [
  'def to_targets(y):',
  '    """Labels in the model\'s output shape, prepared as LayerLab prepares them.',
  '',
  '    Class ids (integers) become one-hot rows over OUTPUT_SHAPE[-1] classes ([N] -> [N, C], or',
  '    [N, T] -> [N, T, C] for one label per time step); with a single output unit they stay 0/1.',
  '    Real-valued targets (floats) are used as they are.',
  '    """',
  '    y = np.asarray(y)',
  '    if np.issubdtype(y.dtype, np.integer) and OUTPUT_SHAPE[-1] > 1:',
  '        y = np.eye(OUTPUT_SHAPE[-1], dtype=np.float32)[y]',
  '    return y.astype(np.float32).reshape((len(y),) + OUTPUT_SHAPE)',
  '',
  '',
  'def load_data(npz_path):',
  '    """Reads training data from an .npz file (numpy.savez) holding:',
  '',
  '      x_train  [N, *INPUT_SHAPE] numbers: images channels-last, token inputs as id numbers',
  '      y_train  [N] or [N, T] class ids (integers), or [N, *OUTPUT_SHAPE] targets (floats)',
  '      x_val, y_val  (optional) a validation set in the same form',
  '',
  '    Without x_val and y_val, the last VALIDATION_SPLIT of the training arrays is held out, as',
  "    Keras's validation_split does. Returns float32 arrays (x_train, y_train, x_val, y_val); the",
  '    validation pair is (None, None) when there is none.',
  '    """',
  '    with np.load(npz_path) as data:',
  "        x_train = data['x_train'].astype(np.float32).reshape((-1,) + INPUT_SHAPE)",
  "        y_train = to_targets(data['y_train'])",
  "        if 'x_val' in data.files and 'y_val' in data.files:",
  "            x_val = data['x_val'].astype(np.float32).reshape((-1,) + INPUT_SHAPE)",
  "            return x_train, y_train, x_val, to_targets(data['y_val'])",
  '    held_out = int(len(x_train) * VALIDATION_SPLIT)',
  '    if held_out == 0:',
  '        return x_train, y_train, None, None',
  '    split = len(x_train) - held_out',
  '    return x_train[:split], y_train[:split], x_train[split:], y_train[split:]',
];

export const SINUSOIDAL_TABLE: readonly string[] = [
  'def sinusoidal_table(max_length, d):',
  '    """The fixed position table of "Attention is all you need", as LayerLab computes it:',
  '    PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(pos / 10000^(2i/d)),',
  '    in double precision, rounded once to float32. Returns [max_length, d]."""',
  '    pos = np.arange(max_length, dtype=np.float64)[:, None]  # [L, 1]',
  '    column = np.arange(d)',
  '    pair = (column - column % 2).astype(np.float64)  # 2i, shared by a sin/cos pair',
  '    angle = pos / np.power(10000.0, pair / d)  # [L, d]',
  '    return np.where(column % 2 == 0, np.sin(angle), np.cos(angle)).astype(np.float32)',
];

/** The start of main(): the command-line options both programs share. */
export function commonArguments(framework: 'PyTorch' | 'Keras', savedAs: string): string[] {
  return [
    'def main():',
    `    parser = argparse.ArgumentParser(description='A LayerLab design in ${framework}: load its weights, predict, train.')`,
    '    parser.add_argument(',
    "        '--weights', metavar='MODEL_JSON', help=\"LayerLab's saved model.json (its .bin files next to it)\"",
    '    )',
    "    parser.add_argument('--predict', metavar='INPUTS_NPY', help='inputs [N, *INPUT_SHAPE] to run the model on')",
    "    parser.add_argument('--out', default='predictions.npy', help='where --predict saves the outputs')",
    "    parser.add_argument('--train', metavar='DATA_NPZ', help='training data (see load_data)')",
    "    parser.add_argument('--epochs', type=int, default=EPOCHS)",
    `    parser.add_argument('--save', metavar='FILE', help='save the weights after training (${savedAs})')`,
    "    parser.add_argument('--count-params', action='store_true', help='print the number of parameters')",
  ];
}

/**
 * Writes each applied layer of a design as Keras functional-API code with every setting spelled
 * out, and lists the Keras layers that code creates. Keras and tfjs share layouts (channels-last
 * images, [inputs, units] kernels), so no layer needs a permute and weights load as they are.
 * Layers keep tfjs's names, so the list can be compared with a built tfjs model one to one.
 */
import type { AppliedLayer, AppliedSpec } from '../layerNames';
import type { Activation, Initializer, KernelOptions } from '../spec';
import { INITIALIZER_RULES, initializerScale, kernelFans } from './initializers';
import type { KerasHelper } from './kerasLibrary';
import { describeLayer, mergeSource, type ExportPlan } from './plan';
import { ExportError, pyBool, pyComment, pyFloat, pyStr, pyTuple } from './python';

/** One Keras layer the exported program creates. */
export interface KerasLayer {
  /** Its name in the program: tfjs's name for the same layer. */
  name: string;
  /** Its Keras class (LayerLab's own layers: the program's subclasses). */
  className: string;
  /** Its weights as Keras counts them (count_params). */
  params: number;
  /** The design entry it comes from. */
  entryId: string;
}

/** The Keras class of each applied layer kind: the same as tfjs's class for it. */
export const KERAS_CLASS: Record<AppliedSpec['kind'], string> = {
  dense: 'Dense',
  dropout: 'Dropout',
  flatten: 'Flatten',
  reshape: 'Reshape',
  activation: 'Activation',
  conv2d: 'Conv2D',
  maxpool2d: 'MaxPooling2D',
  avgpool2d: 'AveragePooling2D',
  globalavgpool1d: 'GlobalAveragePooling1D',
  globalavgpool2d: 'GlobalAveragePooling2D',
  batchnorm: 'BatchNormalization',
  layernorm: 'LayerNormalization',
  embedding: 'Embedding',
  simplernn: 'SimpleRNN',
  lstm: 'LSTM',
  gru: 'GRU',
  attention: 'LayerLabMultiHeadSelfAttention',
  positional: 'LayerLabPositionalEmbedding',
  add: 'Add',
  concatenate: 'Concatenate',
};

/** Classes the program defines itself rather than taking from keras.layers. */
const CUSTOM_CLASSES: ReadonlySet<string> = new Set([
  'LayerLabMultiHeadSelfAttention',
  'LayerLabPositionalEmbedding',
]);

/** The Keras layers of the applied layers, in the order the program creates them. */
export function kerasLayersOf(layers: readonly AppliedLayer[]): KerasLayer[] {
  return layers.flatMap((layer) => {
    const main: KerasLayer = {
      name: layer.name,
      className: KERAS_CLASS[layer.spec.kind],
      params: layer.params,
      entryId: layer.entryId,
    };
    return layer.leakyReluName
      ? [
          main,
          { name: layer.leakyReluName, className: 'LeakyReLU', params: 0, entryId: layer.entryId },
        ]
      : [main];
  });
}

export interface KerasModelCode {
  /** `build_model` body lines after the Input. */
  body: string[];
  /** Entries of TFJS_WEIGHTS: layer name → its tfjs weight names in get_weights order. */
  weights: string[];
  helpers: Set<KerasHelper>;
}

/** `SEED * 1000 + n`: the builder's per-layer seed, as an expression of the program's SEED. */
function seedOf(index: number, offset = 0): string {
  return `SEED * 1000 + ${index + offset}`;
}

function kernelInitializer(
  name: Initializer | undefined,
  seed: string,
  fanIn: number,
  fanOut: number,
): string[] {
  const init = name ?? 'glorotUniform';
  const rule = INITIALIZER_RULES[init];
  if (rule.distribution === 'uniform') {
    const cls = init === 'glorotUniform' ? 'GlorotUniform' : 'HeUniform';
    return [`kernel_initializer=keras.initializers.${cls}(seed=${seed})`];
  }
  const std = Number(initializerScale(init, fanIn, fanOut).toPrecision(8));
  const n = rule.mode === 'fanIn' ? `${fanIn}` : `((${fanIn} + ${fanOut}) / 2)`;
  return [
    `# tfjs's ${rule.keras}: truncated normal with std = sqrt(${rule.scale} / ${n}); Keras's own would divide std by 0.8796`,
    `kernel_initializer=keras.initializers.TruncatedNormal(mean=0.0, stddev=${pyFloat(std)}, seed=${seed})`,
  ];
}

function regularizer(options: KernelOptions, argument: string): string {
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  return l1 > 0 || l2 > 0
    ? `${argument}=keras.regularizers.L1L2(l1=${pyFloat(l1)}, l2=${pyFloat(l2)})`
    : `${argument}=None`;
}

/** Keras's activation name, and a note where the formula deserves one. */
function activationArg(activation: Activation): string[] {
  switch (activation) {
    case 'leakyRelu':
      return ["activation='linear',  # then LeakyReLU(0.3), a layer of its own as in LayerLab"];
    case 'gelu':
      return ["activation='gelu',  # exact x * Phi(x) (approximate=False), as tfjs's 'gelu'"];
    case 'linear':
    case 'relu':
    case 'elu':
    case 'sigmoid':
    case 'tanh':
    case 'softmax':
      return [`activation=${pyStr(activation)},`];
    default: {
      const unknown: never = activation;
      throw new ExportError(`Unknown activation ${String(unknown)}.`);
    }
  }
}

/**
 * `x = layers.Cls(args...)(inputs)`: one line when short, else one argument per line. Arguments
 * that are comments (start with #) or already end in a comma are written as they are.
 */
function call(cls: string, args: string[], inputs = 'x'): string[] {
  const ctor = CUSTOM_CLASSES.has(cls) ? cls : `layers.${cls}`;
  const plain = args.every((a) => !a.includes('#'));
  const oneLine = `x = ${ctor}(${args.map((a) => a.replace(/,$/, '')).join(', ')})(${inputs})`;
  if (plain && oneLine.length <= 96) return [oneLine];
  return [
    `x = ${ctor}(`,
    ...args.map((a) => `    ${a.startsWith('#') || /,(\s+#.*)?$/.test(a) ? a : `${a},`}`),
    `)(${inputs})`,
  ];
}

export function writeKerasModel(plan: ExportPlan): KerasModelCode {
  const code: KerasModelCode = { body: [], weights: [], helpers: new Set() };
  const keep = (producer: string) => {
    const name = plan.keepAfter.get(producer);
    if (name !== undefined) code.body.push(`${name} = x  # a later merge takes this`);
  };
  keep('input');
  for (const layer of plan.layers) {
    code.body.push('', `# ${pyComment(describeLayer(layer))}`);
    code.body.push(...layerCode(plan, layer, code.helpers));
    if (layer.leakyReluName) {
      code.helpers.add('leaky_relu');
      code.body.push(`x = leaky_relu(name=${pyStr(layer.leakyReluName)})(x)`);
    }
    if (layer.weights.length > 0) {
      code.weights.push(
        `${pyStr(layer.name)}: [${layer.weights.map((w) => pyStr(w.name)).join(', ')}],`,
      );
    }
    keep(layer.name);
  }
  return code;
}

function layerCode(plan: ExportPlan, layer: AppliedLayer, helpers: Set<KerasHelper>): string[] {
  const s = layer.spec;
  const name = `name=${pyStr(layer.name)}`;
  const cls = KERAS_CLASS[s.kind];
  const last = layer.inputShape.at(-1) ?? 0;
  const zeros = 'bias_initializer=keras.initializers.Zeros()';
  switch (s.kind) {
    case 'dense':
      return call(cls, [
        `units=${s.units}`,
        ...activationArg(s.activation),
        'use_bias=True',
        ...kernelInitializer(s.kernelInitializer, seedOf(layer.index), last, s.units),
        zeros,
        regularizer(s, 'kernel_regularizer'),
        name,
      ]);
    case 'conv2d': {
      const k = s.kernelSize;
      const fans = kernelFans([k, k, last, s.filters]);
      return call(cls, [
        `filters=${s.filters}`,
        `kernel_size=${pyTuple([k, k])}`,
        `strides=${pyTuple([s.strides, s.strides])}`,
        `padding=${pyStr(s.padding)}`,
        "data_format='channels_last'",
        'dilation_rate=(1, 1)',
        ...activationArg(s.activation),
        'use_bias=True',
        ...kernelInitializer(s.kernelInitializer, seedOf(layer.index), fans.fanIn, fans.fanOut),
        zeros,
        regularizer(s, 'kernel_regularizer'),
        name,
      ]);
    }
    case 'maxpool2d':
    case 'avgpool2d':
      return call(cls, [
        `pool_size=${pyTuple([s.poolSize, s.poolSize])}`,
        `strides=${pyTuple([s.strides, s.strides])}`,
        `padding=${pyStr(s.padding)}`,
        "data_format='channels_last'",
        name,
      ]);
    case 'globalavgpool1d':
    case 'globalavgpool2d':
    case 'flatten':
      return call(cls, ["data_format='channels_last'", name]);
    case 'dropout':
      return call(cls, [`rate=${pyFloat(s.rate)}`, name]);
    case 'reshape':
      return call(cls, [`target_shape=${pyTuple(s.targetShape)}`, name]);
    case 'activation':
      return call(cls, [...activationArg(s.activation), name]);
    case 'batchnorm':
      return call(cls, [
        'axis=-1',
        `momentum=${pyFloat(s.momentum)}`,
        `epsilon=${pyFloat(s.epsilon)}`,
        'center=True',
        'scale=True',
        "beta_initializer='zeros'",
        "gamma_initializer='ones'",
        "moving_mean_initializer='zeros'",
        "moving_variance_initializer='ones'",
        name,
      ]);
    case 'layernorm':
      return call(cls, [
        'axis=-1',
        `epsilon=${pyFloat(s.epsilon)}`,
        'center=True',
        'scale=True',
        "beta_initializer='zeros'",
        "gamma_initializer='ones'",
        name,
      ]);
    case 'embedding':
      return call(cls, [
        `input_dim=${s.inputDim}`,
        `output_dim=${s.outputDim}`,
        `embeddings_initializer=keras.initializers.RandomUniform(minval=-0.05, maxval=0.05, seed=${seedOf(layer.index)})`,
        regularizer(s, 'embeddings_regularizer'),
        'mask_zero=False',
        name,
      ]);
    case 'simplernn':
    case 'lstm':
    case 'gru': {
      const gates = { simplernn: 1, lstm: 4, gru: 3 }[s.kind];
      return call(cls, [
        `units=${s.units}`,
        "activation='tanh'",
        ...(s.kind === 'simplernn'
          ? []
          : ["recurrent_activation='sigmoid',  # Keras's default; tfjs's would be hard_sigmoid"]),
        'use_bias=True',
        ...kernelInitializer(s.kernelInitializer, seedOf(layer.index), last, gates * s.units),
        `recurrent_initializer=keras.initializers.Orthogonal(gain=1.0, seed=${seedOf(layer.index, 500)})`,
        zeros,
        ...(s.kind === 'lstm' ? ['unit_forget_bias=True,  # the forget gate starts open'] : []),
        regularizer(s, 'kernel_regularizer'),
        'dropout=0.0',
        'recurrent_dropout=0.0',
        `return_sequences=${pyBool(s.returnSequences)}`,
        'return_state=False',
        'go_backwards=False',
        'stateful=False',
        'unroll=False',
        ...(s.kind === 'gru'
          ? ['reset_after=False,  # the reset gate acts before the recurrent kernel, as in tfjs']
          : []),
        name,
      ]);
    }
    case 'attention':
      helpers.add('attention');
      return call(cls, [
        `num_heads=${s.numHeads}`,
        `key_dim=${s.keyDim}`,
        `causal=${pyBool(s.causal)}`,
        `dropout=${pyFloat(s.dropout)}`,
        `seed=${seedOf(layer.index)}`,
        name,
      ]);
    case 'positional':
      helpers.add('positional');
      return call(cls, [
        `mode=${pyStr(s.mode)}`,
        `max_length=${s.maxLength}`,
        `seed=${seedOf(layer.index)}`,
        name,
      ]);
    case 'add':
      return call(cls, [name], `[x, ${mergeSource(plan, s.from)}]`);
    case 'concatenate':
      return call(cls, ['axis=-1', name], `[x, ${mergeSource(plan, s.from)}]`);
    default: {
      const unknown: never = s;
      throw new ExportError(`Keras export has no code for ${JSON.stringify(unknown)}.`);
    }
  }
}

/**
 * Hand-written model files for the importer tests, shaped like what Keras 2 (through the
 * TensorFlow.js converter) and Keras 3 write. Built by small helpers so each fixture reads as a
 * model, while every layer still carries the fields real files carry. Test-only.
 */

type Json = Record<string, unknown>;

const glorot = { class_name: 'GlorotUniform', config: { seed: null } };
const zeros = { class_name: 'Zeros', config: {} };

/** A Keras 2 layer config: the common fields, then the layer's own. */
function k2(className: string, name: string, config: Json): Json {
  return { class_name: className, config: { name, trainable: true, dtype: 'float32', ...config } };
}

export function k2Dense(name: string, units: number, activation: string, extra: Json = {}): Json {
  return k2('Dense', name, {
    units,
    activation,
    use_bias: true,
    kernel_initializer: glorot,
    bias_initializer: zeros,
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
    ...extra,
  });
}

export function k2Conv(name: string, filters: number, activation: string, extra: Json = {}): Json {
  return k2('Conv2D', name, {
    filters,
    kernel_size: [3, 3],
    strides: [1, 1],
    padding: 'same',
    data_format: 'channels_last',
    dilation_rate: [1, 1],
    groups: 1,
    activation,
    use_bias: true,
    kernel_initializer: glorot,
    bias_initializer: zeros,
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
    ...extra,
  });
}

export function k2Input(name: string, batchInputShape: (number | null)[]): Json {
  return {
    class_name: 'InputLayer',
    config: {
      batch_input_shape: batchInputShape,
      dtype: 'float32',
      sparse: false,
      ragged: false,
      name,
    },
  };
}

export function k2Layer(className: string, name: string, config: Json = {}): Json {
  return k2(className, name, config);
}

/** A Keras 2 functional-model entry: the layer, its name, and what it is called on. */
export function linked(layer: Json, ...inputs: string[]): Json {
  const name = (layer['config'] as Json)['name'];
  return { ...layer, name, inbound_nodes: inputs.length ? [inputs.map((i) => [i, 0, 0, {}])] : [] };
}

/** The TensorFlow.js converter's output for a Keras 2 model. */
export function converterFile(
  modelConfig: Json,
  weights?: { name: string; shape: number[] }[],
): Json {
  return {
    format: 'layers-model',
    generatedBy: 'keras v2.15.0',
    convertedBy: 'TensorFlow.js Converter v4.22.0',
    modelTopology: {
      keras_version: '2.15.0',
      backend: 'tensorflow',
      model_config: modelConfig,
      training_config: { loss: 'categorical_crossentropy', metrics: ['accuracy'] },
    },
    ...(weights
      ? {
          weightsManifest: [
            {
              paths: ['group1-shard1of1.bin'],
              weights: weights.map((w) => ({ ...w, dtype: 'float32' })),
            },
          ],
        }
      : {}),
  };
}

/** Sequential MLP 784-128-10 with an InputLayer, as the converter writes it (with weights). */
export const keras2Mlp = converterFile(
  {
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        k2Input('dense_input', [null, 784]),
        k2Dense('dense', 128, 'relu', {
          kernel_initializer: { class_name: 'HeNormal', config: { seed: null } },
          kernel_regularizer: { class_name: 'L2', config: { l2: 0.0005 } },
        }),
        k2Layer('Dropout', 'dropout', { rate: 0.2, noise_shape: null, seed: null }),
        k2Dense('dense_1', 10, 'softmax'),
      ],
    },
  },
  [
    { name: 'dense/kernel', shape: [784, 128] },
    { name: 'dense/bias', shape: [128] },
    { name: 'dense_1/kernel', shape: [128, 10] },
    { name: 'dense_1/bias', shape: [10] },
  ],
);

/**
 * Functional CNN on 32×32×3 with a residual connection:
 * conv → BN → LeakyReLU → conv → conv (linear) → Add(skip from the LeakyReLU) → relu → pool → dense.
 */
export const keras2ResidualCnn = converterFile(
  {
    class_name: 'Functional',
    config: {
      name: 'resnet_toy',
      layers: [
        linked(k2Input('image', [null, 32, 32, 3])),
        linked(k2Conv('conv2d', 16, 'linear'), 'image'),
        linked(
          k2Layer('BatchNormalization', 'batch_normalization', {
            axis: 3,
            momentum: 0.9,
            epsilon: 0.001,
            center: true,
            scale: true,
          }),
          'conv2d',
        ),
        linked(
          k2Layer('LeakyReLU', 'leaky_re_lu', { alpha: 0.30000001192092896 }),
          'batch_normalization',
        ),
        linked(k2Conv('conv2d_1', 16, 'relu'), 'leaky_re_lu'),
        linked(k2Conv('conv2d_2', 16, 'linear'), 'conv2d_1'),
        linked(k2Layer('Add', 'add', {}), 'conv2d_2', 'leaky_re_lu'),
        linked(k2Layer('Activation', 'activation', { activation: 'relu' }), 'add'),
        linked(
          k2Layer('MaxPooling2D', 'max_pooling2d', {
            pool_size: [2, 2],
            padding: 'valid',
            strides: [2, 2],
            data_format: 'channels_last',
          }),
          'activation',
        ),
        linked(
          k2Layer('GlobalAveragePooling2D', 'global_average_pooling2d', {
            data_format: 'channels_last',
            keepdims: false,
          }),
          'max_pooling2d',
        ),
        linked(k2Dense('logits', 10, 'softmax'), 'global_average_pooling2d'),
      ],
      input_layers: [['image', 0, 0]],
      output_layers: [['logits', 0, 0]],
    },
  },
  [
    { name: 'conv2d/kernel', shape: [3, 3, 3, 16] },
    { name: 'conv2d/bias', shape: [16] },
    { name: 'batch_normalization/gamma', shape: [16] },
    { name: 'batch_normalization/beta', shape: [16] },
    { name: 'batch_normalization/moving_mean', shape: [16] },
    { name: 'batch_normalization/moving_variance', shape: [16] },
    { name: 'conv2d_1/kernel', shape: [3, 3, 16, 16] },
    { name: 'conv2d_1/bias', shape: [16] },
    { name: 'conv2d_2/kernel', shape: [3, 3, 16, 16] },
    { name: 'conv2d_2/bias', shape: [16] },
    { name: 'logits/kernel', shape: [16, 10] },
    { name: 'logits/bias', shape: [10] },
  ],
);

/** Text classifier: Embedding → LSTM → GRU (TF2's reset_after=True) → dense, with weights. */
export const keras2TextRnn = converterFile(
  {
    class_name: 'Sequential',
    config: {
      name: 'text_rnn',
      layers: [
        k2Input('embedding_input', [null, 20]),
        k2Layer('Embedding', 'embedding', {
          input_dim: 1000,
          output_dim: 16,
          embeddings_initializer: {
            class_name: 'RandomUniform',
            config: { minval: -0.05, maxval: 0.05, seed: null },
          },
          embeddings_regularizer: null,
          mask_zero: false,
          input_length: 20,
        }),
        k2Layer('LSTM', 'lstm', {
          units: 32,
          return_sequences: true,
          return_state: false,
          go_backwards: false,
          stateful: false,
          unroll: false,
          time_major: false,
          activation: 'tanh',
          recurrent_activation: 'sigmoid',
          use_bias: true,
          kernel_initializer: glorot,
          recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1.0, seed: null } },
          bias_initializer: zeros,
          unit_forget_bias: true,
          dropout: 0.0,
          recurrent_dropout: 0.0,
        }),
        k2Layer('GRU', 'gru', {
          units: 8,
          return_sequences: false,
          return_state: false,
          go_backwards: false,
          stateful: false,
          activation: 'tanh',
          recurrent_activation: 'sigmoid',
          reset_after: true,
          dropout: 0.0,
          recurrent_dropout: 0.0,
        }),
        k2Dense('dense', 1, 'sigmoid'),
      ],
    },
  },
  [
    { name: 'embedding/embeddings', shape: [1000, 16] },
    { name: 'lstm/lstm_cell/kernel', shape: [16, 128] },
    { name: 'lstm/lstm_cell/recurrent_kernel', shape: [32, 128] },
    { name: 'lstm/lstm_cell/bias', shape: [128] },
    { name: 'gru/gru_cell/kernel', shape: [32, 24] },
    { name: 'gru/gru_cell/recurrent_kernel', shape: [8, 24] },
    { name: 'gru/gru_cell/bias', shape: [2, 24] },
    { name: 'dense/kernel', shape: [8, 1] },
    { name: 'dense/bias', shape: [1] },
  ],
);

/** A Keras 3 layer entry: module, class, config with a dtype policy, build_config. */
function k3(className: string, name: string, config: Json, inputShape?: (number | null)[]): Json {
  return {
    module: 'keras.layers',
    class_name: className,
    config: {
      name,
      trainable: true,
      dtype: {
        module: 'keras',
        class_name: 'DTypePolicy',
        config: { name: 'float32' },
        registered_name: null,
      },
      ...config,
    },
    registered_name: null,
    ...(inputShape ? { build_config: { input_shape: inputShape } } : {}),
  };
}

const k3Init = (className: string) => ({
  module: 'keras.initializers',
  class_name: className,
  config: { seed: null },
  registered_name: null,
});

/** Keras 3 `model.to_json()` of a Sequential model (InputLayer with batch_shape). */
export const keras3Sequential: Json = {
  module: 'keras',
  class_name: 'Sequential',
  config: {
    name: 'sequential',
    trainable: true,
    dtype: 'float32',
    layers: [
      {
        module: 'keras.layers',
        class_name: 'InputLayer',
        config: {
          batch_shape: [null, 28, 28, 1],
          dtype: 'float32',
          sparse: false,
          name: 'input_layer',
        },
        registered_name: null,
      },
      k3(
        'Conv2D',
        'conv2d',
        {
          filters: 8,
          kernel_size: [5, 5],
          strides: [2, 2],
          padding: 'valid',
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          groups: 1,
          activation: 'relu',
          use_bias: true,
          kernel_initializer: k3Init('HeUniform'),
          bias_initializer: {
            module: 'keras.initializers',
            class_name: 'Zeros',
            config: {},
            registered_name: null,
          },
          kernel_regularizer: {
            module: 'keras.regularizers',
            class_name: 'L1L2',
            config: { l1: 0.0001, l2: 0.001 },
            registered_name: null,
          },
          bias_regularizer: null,
          activity_regularizer: null,
          kernel_constraint: null,
          bias_constraint: null,
        },
        [null, 28, 28, 1],
      ),
      k3(
        'AveragePooling2D',
        'average_pooling2d',
        { pool_size: [2, 2], padding: 'valid', strides: null, data_format: 'channels_last' },
        [null, 12, 12, 8],
      ),
      k3('Flatten', 'flatten', { data_format: 'channels_last' }, [null, 6, 6, 8]),
      k3(
        'Dense',
        'dense',
        {
          units: 32,
          activation: 'gelu',
          use_bias: true,
          kernel_initializer: k3Init('LecunNormal'),
        },
        [null, 288],
      ),
      k3(
        'LayerNormalization',
        'layer_normalization',
        { axis: -1, epsilon: 0.001, center: true, scale: true, rms_scaling: false },
        [null, 32],
      ),
      k3(
        'Dense',
        'dense_1',
        {
          units: 10,
          activation: 'softmax',
          use_bias: true,
          kernel_initializer: k3Init('GlorotNormal'),
        },
        [null, 32],
      ),
    ],
    build_input_shape: [null, 28, 28, 1],
  },
};

/** A Keras 3 tensor reference inside a call record. */
function tensor(layer: string, shape: (number | null)[]): Json {
  return {
    class_name: '__keras_tensor__',
    config: { shape, dtype: 'float32', keras_history: [layer, 0, 0] },
  };
}

function call(...args: unknown[]): Json[] {
  return [{ args, kwargs: {} }];
}

/** Keras 3 functional MLP: dense → dense → Add(skip) → Concatenate(with the input) → dense. */
export const keras3Functional: Json = {
  module: 'keras',
  class_name: 'Functional',
  config: {
    name: 'functional',
    trainable: true,
    layers: [
      {
        module: 'keras.layers',
        class_name: 'InputLayer',
        config: { batch_shape: [null, 4], dtype: 'float32', sparse: false, name: 'features' },
        registered_name: null,
        name: 'features',
        inbound_nodes: [],
      },
      {
        ...k3('Dense', 'dense', { units: 16, activation: 'relu' }),
        name: 'dense',
        inbound_nodes: call(tensor('features', [null, 4])),
      },
      {
        ...k3('Dense', 'dense_1', { units: 16, activation: 'relu' }),
        name: 'dense_1',
        inbound_nodes: call(tensor('dense', [null, 16])),
      },
      {
        ...k3('Add', 'add', {}),
        name: 'add',
        inbound_nodes: call([tensor('dense', [null, 16]), tensor('dense_1', [null, 16])]),
      },
      {
        ...k3('Concatenate', 'concatenate', { axis: -1 }),
        name: 'concatenate',
        inbound_nodes: call([tensor('add', [null, 16]), tensor('features', [null, 4])]),
      },
      {
        ...k3('Dense', 'out', { units: 3, activation: 'softmax' }),
        name: 'out',
        inbound_nodes: call(tensor('concatenate', [null, 20])),
      },
    ],
    input_layers: [['features', 0, 0]],
    output_layers: ['out', 0, 0],
  },
};

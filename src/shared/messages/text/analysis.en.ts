/**
 * Model-level and training-setting problems and warnings (src/models/analyze.ts). {{dataset}} is
 * the dataset's name; shapes are written "[28, 28, 1]". English; Chinese in analysis.zh-CN.ts.
 */
export const analysisEn = {
  noLayers: 'The model has no layers. Add at least one Dense layer to produce the output.',
  tooMuchMemory:
    'Training this model needs about {{total}}: {{weights}} of weights, as much again for their gradients, {{optimizer}} of optimizer state and {{activations}} of layer outputs for a batch of {{batch}}. A browser tab can spare about {{limit}}. Use fewer or narrower layers, a smaller vocabulary or a smaller batch.',
  /** The output does not fit the labels: {{has}}, {{want}} and {{fix}} are the Messages below. */
  outputMismatch:
    "The model's output has shape {{shape}}, but {{dataset}} has {{has}}, so it must be {{want}}. {{fix}}",
  has: {
    targets_one: '{{count}} target',
    targets_other: '{{count}} targets',
    classes: '{{count}} classes',
  },
  want: {
    regression: '[{{count}}] (one value per target)',
    sequence: '{{shape}} (one score per symbol at every position)',
    binary: '[2] (softmax over 2 classes) or [1] (one sigmoid unit)',
    classes: '[{{count}}] (one output per class)',
  },
  fix: {
    regression_one: 'End with a Dense layer of {{count}} unit and a linear activation.',
    regression_other: 'End with a Dense layer of {{count}} units and a linear activation.',
    sequence: 'End with a Dense layer of {{count}} units on the sequence (no Flatten or pooling).',
    flatten: 'Add Flatten and a Dense layer at the end (or global pooling before the Dense).',
    units: 'Set the last Dense layer to {{count}} units.',
  },
  regressionLoss:
    '{{dataset}} asks for real numbers, not classes: use the mean squared error loss (cross-entropy only fits class labels).',
  categoricalOneOutput:
    'Categorical cross-entropy needs one output per class, but the model has 1 output. Use binary cross-entropy with a sigmoid output, or 2 softmax units.',
  regressionActivation:
    'The last layer uses "{{activation}}", which limits the range of its output; regression usually ends with a "linear" Dense layer.',
  categoricalActivation:
    'Categorical cross-entropy expects probabilities: the last layer uses "{{activation}}"; "softmax" is the usual choice.',
  binaryActivation:
    'Binary cross-entropy expects values between 0 and 1: the last layer uses "{{activation}}"; "sigmoid" is the usual choice.',
  /** {{field}}: the label of a number field whose text is not a number. */
  fieldNotNumber: '“{{field}}” does not hold a number: type one to train.',
  noDense: 'The model has no Dense layer, so it has no weights to learn a classifier with.',
  /** Training settings out of range. */
  setting: {
    learningRate: 'Learning rate must be a number between {{min}} and {{max}}.',
    batchSize: 'Batch size must be a whole number from {{min}} to {{max}}.',
    epochs: 'Epochs must be a whole number from {{min}} to {{max}}.',
    validationSplit: 'Validation split must be between {{min}} and {{max}}.',
    testSplit: 'Test split must be between {{min}} and {{max}}.',
    heldOutTooMuch:
      'Validation and test splits together hold out {{percent}} % of the data, leaving too little to train on: keep them at 80 % or less.',
    seed: 'Seed must be a whole number of 0 or more.',
    outOfRange: 'Training setting {{setting}} must be a number from {{min}} to {{max}}.',
    wholeOutOfRange: 'Training setting {{setting}} must be a whole number from {{min}} to {{max}}.',
    noise: 'Noise must be between {{min}} and {{max}}.',
    samples: 'Points must be a whole number from {{min}} to {{max}}.',
    sequenceLength: 'Sequence length must be a whole number from {{min}} to {{max}}.',
    symbols: 'Symbols must be a whole number from {{min}} to {{max}}.',
    vocabularySize: 'Vocabulary size must be a whole number from {{min}} to {{max}}.',
  },
};

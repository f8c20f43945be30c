/**
 * Layer shape rules and field checks (src/models/inferStack.ts, src/models/layerTypes). Layer
 * labels ({{label}}: "Dense", "Conv2D") are Keras's names and stay as they are in every language.
 * Shapes ({{shape}}) are written "[28, 28, 1]". English; Chinese in layers.zh-CN.ts.
 */
export const layersEn = {
  /** A layer's problem as the designer shows it: its 1-based position and label first. */
  atLayer: 'Layer {{position}} ({{label}}): {{problem}}',
  /** A problem of a layer inside a block, as the block shows it. */
  insideBlock: 'Inside the {{block}}: ({{label}}): {{problem}}',
  insideBlockInvalid: 'Inside the {{block}}: invalid',
  /** A block's {{label}} in atLayer (other layers' labels are Keras's class names). */
  residualBlockLabel: 'Residual block',
  transformerBlockLabel: 'Transformer encoder block',
  residualBlockName: 'residual block',
  transformerBlockName: 'transformer block',
  tokensNeedEmbedding:
    'the input is token ids (whole numbers naming words or symbols), not features. Start the model with an Embedding layer.',
  /** Names of the settings the checks below talk about. */
  /** One-click repairs shown under a layer's problem. */
  fix: {
    vocabulary: 'Set the vocabulary to {{value}}',
    maxLength: 'Set the max length to {{value}}',
    width: 'Set the width to {{value}}',
    padding: 'Use padding "{{value}}"',
  },
  field: {
    filters: 'Filters',
    kernelSize: 'Kernel size',
    stride: 'Stride',
    poolSize: 'Pool size',
    units: 'Units',
    dropoutRate: 'Dropout rate',
    dropout: 'Dropout',
    attentionDropout: 'Attention dropout',
    vocabularySize: 'Vocabulary size',
    embeddingSize: 'Embedding size',
    heads: 'Heads',
    keyDimension: 'Key dimension',
    maxLength: 'Max length',
    width: 'Width',
    feedForwardUnits: 'Feed-forward units',
    momentum: 'Momentum',
    epsilon: 'Epsilon',
    l1Penalty: 'L1 penalty',
    l2Penalty: 'L2 penalty',
  },
  outOfRange: '{{name}} must be between {{min}} and {{max}} in LayerLab, not {{value}}.',
  notWhole: '{{name}} must be a whole number, not {{value}}.',
  tooSmall: '{{name}} must be at least {{min}}, not {{value}}.',
  notRate: '{{name}} must be at least 0 and below 1, not {{value}}.',
  unknownInitializer: 'Unknown initialiser "{{name}}".',
  penaltyRange: 'The {{penalty}} penalty must be between 0 and 1, not {{value}}.',
  unknownActivation: 'Unknown activation "{{name}}".',
  unknownMode: 'Unknown mode "{{name}}".',
  epsilonRange: 'Epsilon must be a small positive number (e.g. 0.001), not {{value}}.',
  momentumRange: 'Momentum must be at least 0 and below 1, not {{value}}.',
  imageFromVector:
    '{{label}} needs an image input [height, width, channels], but its input is the flat vector {{shape}}. Put it before any Flatten or Dense layer.',
  imageFromOther:
    '{{label}} needs an image input [height, width, channels], but its input has shape {{shape}}.',
  sequenceFromImage:
    '{{label}} needs a sequence [time steps, features], but its input is an image {{shape}}. Add a Reshape to [steps, features] first (e.g. rows as time steps).',
  sequenceFromVector:
    '{{label}} needs a sequence [time steps, features], but its input is the flat vector {{shape}}. Use it on a sequence, e.g. after an Embedding, or before any Flatten.',
  denseOnImage:
    'Dense needs a flat input, but its input is the image {{shape}}. Add a Flatten layer before it.',
  reshapeTarget:
    'Reshape\'s target must be whole numbers of at least 1, e.g. "28, 28"; got "{{target}}".',
  reshapeCount:
    'Reshape cannot turn {{from}} ({{fromCount}} values) into {{to}} ({{toCount}} values): the counts must match.',
  kernelTooLarge:
    'Conv2D kernel {{kernel}}×{{kernel}} is larger than its {{height}}×{{width}} input. Use a smaller kernel or padding "same".',
  poolTooLarge:
    '{{label}} window {{pool}}×{{pool}} is larger than its {{height}}×{{width}} input. Remove it or use a smaller pool.',
  embeddingNeedsTokens:
    'Embedding needs token ids as its input (the first layer on a text or sequence dataset), but its input is {{shape}} of numbers.',
  embeddingTooSmall:
    'Embedding has {{rows}} rows but the data uses {{vocab}} different token ids, so ids {{rows}} and above would have no vector. Set the vocabulary to at least {{vocab}}.',
  positionalTooShort:
    "PositionalEmbedding's max length {{maxLength}} is shorter than the {{steps}} time steps.",
  convResidualNeedsImage: 'A conv residual block needs an image input, but its input is {{shape}}.',
  residualWidthFilters:
    "A residual block adds its input to its output, so its width ({{width}}) must equal the input's last dimension ({{channels}}). Set the width to {{channels}}, or put a layer with {{width}} filters before it.",
  residualWidthUnits:
    "A residual block adds its input to its output, so its width ({{width}}) must equal the input's last dimension ({{channels}}). Set the width to {{channels}}, or put a layer with {{width}} units before it.",
  transformerNeedsSequence:
    'A transformer block needs a sequence [time steps, features], but its input is {{shape}}. Put it after an Embedding (and a PositionalEmbedding).',
  /** Where a merge layer takes its second input from. */
  sourceInput: 'the input',
  sourceLayer: 'layer {{position}}',
  mergeSourceBelow:
    '{{label}} takes its second input from layer {{position}}, which is not above it. A layer can only take input from layers above it (anything else would be a cycle).',
  mergeSourceMissing:
    '{{label}} takes its second input from "{{from}}", which is not a layer above it. Choose one of the layers above it, or the input.',
  mergeSourceBroken:
    '{{label}} takes its second input from {{source}}, which has a problem: fix that layer first.',
  addShapes:
    'Add sums two tensors element by element, so their shapes must match: the layer above gives {{above}}, {{source}} gives {{other}}.',
  concatenateShapes:
    'Concatenate joins along the last axis, so all other dimensions must match: the layer above gives {{above}}, {{source}} gives {{other}}.',
};

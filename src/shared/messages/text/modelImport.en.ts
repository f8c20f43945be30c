/**
 * Importing a Keras / TensorFlow.js model.json (src/models/import): why a file cannot be read or
 * imported, the notes on what was approximated, and the weights that do not fit. Keras class names
 * ({{className}}: "Dense", "Conv2D"), layer and weight names, and JSON field names ("class_name",
 * "inbound_nodes") stay as they are in every language. Shapes ({{shape}}, {{saved}}, {{built}}) are
 * written "[2, 24]". English; Chinese in modelImport.zh-CN.ts.
 */
export const modelImportEn = {
  /** The catch-all for a case the importer missed; {{detail}} is the error's own text. */
  unreadable: 'The model file could not be read ({{detail}}).',

  // The file itself (modelFile.ts).
  textNotJson: 'The file holds a piece of text that is not JSON, not a model description.',
  fileNotObject: 'A model file is a JSON object, but this one holds {{found}}.',
  graphModelFormat:
    'This is a TensorFlow.js graph model (converted from a SavedModel or a frozen graph), which keeps operations, not layers. Only layers models (from Keras or tfjs model.save) can be imported.',
  otherFormat:
    'The file\'s format is {{format}}; only "layers-model" (Keras or tfjs layers) can be imported.',
  topologyNotObject: '"modelTopology" should be an object, but it is {{found}}.',
  graphModelTopology:
    'This is a TensorFlow.js graph model (its topology lists graph nodes, not layers). Only layers models can be imported.',
  notAModel:
    'This is not a Keras or TensorFlow.js model: a TensorFlow.js model.json has "modelTopology", a Keras model.to_json() has "class_name" and "config", and this file has neither.',
  /** {{path}} is where the model description sits: "modelTopology.model_config", "model_config". */
  descriptionNotObject: '{{path}} should be an object, but it is {{found}}.',
  noClassName:
    '{{path}} has no "class_name" saying what kind of model it is ("Sequential", "Model" or "Functional").',
  fileNoClassName:
    'The file has no "class_name" saying what kind of model it is ("Sequential", "Model" or "Functional").',
  noConfig: '{{path}} has no "config", which lists the model\'s layers.',
  fileNoConfig: 'The file has no "config", which lists the model\'s layers.',
  configNotObject:
    'The "config" of {{path}} should be an object listing the layers, but it is {{found}}.',
  fileConfigNotObject:
    'The "config" of the file should be an object listing the layers, but it is {{found}}.',
  brokenManifestGroup:
    'The weights manifest is broken (group {{group}} has no "weights" list), so the saved weights are not matched to the design.',
  brokenManifestWeight:
    'The weights manifest is broken (weight {{weight}} lacks a name or a shape), so the saved weights are not matched to the design.',
  /** What a JSON value is, where an object was expected ({{found}} above). */
  value: {
    null: 'null',
    array: 'an array',
    object: 'an object',
    nothing: 'nothing',
    string: 'a string',
    number: 'a number',
    boolean: 'a boolean',
    bigint: 'a bigint',
    symbol: 'a symbol',
    function: 'a function',
  },

  // The layer list (kerasLayer.ts); {{position}} counts the entries from 1.
  entryNotObject:
    "Layer {{position}} of the model's layer list should be an object, but it is {{found}}.",
  entryNoClassName: 'Layer {{position}} has no "class_name" saying what kind of layer it is.',
  entryNoClassNameNamed:
    'Layer {{position}} ("{{name}}") has no "class_name" saying what kind of layer it is.',
  entryConfigNotObject:
    'The "config" of layer {{position}} ({{className}}) should be an object, but it is {{found}}.',
  entryNoName: 'Layer {{position}} ({{className}}) has no "name", so nothing can link to it.',
  inboundNotList: 'Layer "{{name}}" has "inbound_nodes" that is {{found}}, not a list.',
  inboundEntryNotLinks:
    'Layer "{{name}}" has an "inbound_nodes" entry that is not a list of links to other layers ([name, node, tensor]).',

  // One chain of layers (graph.ts). {{names}} is a list of quoted names: "a", "b".
  noLayersList: 'The model\'s "config" has no "layers" list.',
  tooManyEntries: 'The model has {{layers}} layers; LayerLab imports at most {{max}}.',
  inputLayerMisplaced: 'The InputLayer "{{name}}" is not at the start of the Sequential model.',
  functionalConfigIsList:
    'A functional model\'s "config" should be { layers, input_layers, output_layers }, not a list.',
  duplicateName: 'Two layers are both named "{{name}}".',
  noInputLayers: 'The model\'s "config" has no "input_layers" naming its input.',
  noOutputLayers: 'The model\'s "config" has no "output_layers" naming its output.',
  severalInputs: 'The model has {{inputs}} inputs ({{names}}); a LayerLab design has one input.',
  severalOutputs:
    'The model has {{outputs}} outputs ({{names}}); a LayerLab design has one output.',
  inputMissing: 'The input "{{name}}" is not among the layers.',
  outputMissing: 'The output "{{name}}" is not among the layers.',
  outputNotFirst:
    'The model\'s output is not the first output of "{{name}}"; LayerLab layers pass on only their first output.',
  offTheChain_one:
    '{{names}} is not on the way from the input to the output (a side branch or a second output); a LayerLab design is one chain of layers.',
  offTheChain_other:
    '{{names}} are not on the way from the input to the output (a side branch or a second output); a LayerLab design is one chain of layers.',
  notConnected: 'Layer "{{name}}" ({{className}}) is not connected to anything.',
  sharedLayer:
    'Layer "{{name}}" ({{className}}) is used {{times}} times (shared weights); each LayerLab layer is used once.',
  unknownSource: 'Layer "{{name}}" takes its input from "{{source}}", which is not in the model.',
  secondCall:
    'Layer "{{name}}" takes the output of a second call of "{{source}}"; each LayerLab layer is used once.',
  laterOutput:
    'Layer "{{name}}" takes output {{output}} of "{{source}}"; LayerLab layers pass on only their first output.',
  /** {{cycle}}: the names around the cycle, "a" → "b" → "a". */
  cycle: 'The layers form a cycle ({{cycle}}), so the model has no order to build in.',
  noInputs: 'Layer "{{name}}" has no inputs.',
  tooManyInputs:
    'Layer "{{name}}" takes {{inputs}} inputs ({{names}}); in a LayerLab design only Add and Concatenate join two, and only two.',
  parallelBranches:
    'Layer "{{name}}" joins two parallel branches ("{{first}}" and "{{second}}"); a LayerLab merge joins the layer above with an earlier layer of the same chain (a skip connection), so each branch would need to be one chain.',

  // The input shape (inputShape.ts).
  noInputShape:
    'The model does not say what shape its input has (it was saved before it was built). In Keras, start it with an Input layer (or call model.build) and save it again.',
  /** {{shape}} as Keras writes it, open sizes as None: "[None, 0]". */
  zeroInputSize: 'The input shape {{shape}} has a size of 0.',

  // The whole import (importKerasModel.ts, convertChain.ts).
  notAModelClass:
    'The file describes a "{{className}}", not a model: LayerLab imports Sequential and functional (Model) Keras models.',
  /** {{layers}}: the refusals below, joined by refusalList. */
  unsupportedLayers_one:
    "Unsupported layers: {{layers}}. LayerLab's designer has no layer (or setting) for it.",
  unsupportedLayers_other:
    "Unsupported layers: {{layers}}. LayerLab's designer has no layer (or setting) for them.",
  /** One layer that cannot be imported; {{reason}} is one of `refused`. */
  refusal: '"{{name}}" ({{className}}: {{reason}})',
  refusalNoReason: '"{{name}}" ({{className}})',
  refusalList: '{{first}}, {{second}}',
  noLayers: 'The model has no layers after its input.',
  tooManyLayers: 'The model has {{layers}} layers; a LayerLab design holds at most {{max}}.',
  /** What was approximated in one layer; {{notes}} is one or more of `note`, joined by noteList. */
  layerNotes: '{{className}} "{{name}}": {{notes}}.',
  noteList: '{{first}}; {{second}}',
  unloadableWeights:
    '{{unloadable}} of the {{total}} saved weights do not fit the imported design as they are (see the weight list).',
  /** {{names}}: LayerLab weight names, "dense_2/bias, dense_2/kernel". */
  missingWeights_one: 'No saved values for {{names}}: it keeps its starting values.',
  missingWeights_other: 'No saved values for {{names}}: they keep their starting values.',

  /**
   * Reading model files LayerLab saved (modelFiles.ts). {{file}} is the chosen file's name;
   * {{detail}} the first field found wrong and why ("history.train.3.loss: expected number").
   */
  files: {
    noJson: 'Choose a model.json (and its .bin weight files): no .json file was chosen.',
    severalJson: 'Choose one model.json at a time ({{files}} were chosen).',
    tooLarge: '{{file}} is too large to be a model description.',
    notJson: '{{file}} is not valid JSON.',
    notModelJson: '{{file}} is not a tfjs model.json: {{detail}}.',
    weightFileMissing:
      '{{file}} needs the weight file "{{weightFile}}": choose it together with the model.json.',
    quantized: '{{file}}: weight "{{name}}" is quantized, which LayerLab cannot read.',
    weightType: '{{file}}: weight "{{name}}" has type {{type}}, which LayerLab cannot read.',
    weightBytes:
      '{{file}}: the weight files hold {{found}} bytes but the manifest describes {{expected}}: a file is missing, truncated or from another model.',
    recordDamaged: "{{file}}: LayerLab's record in it is damaged ({{detail}}).",
    newer: '{{file}} was saved by a newer LayerLab (model file version {{version}}).',
    /** {{problem}}: why the experiment cannot be read (files.experiment). */
    experiment: '{{file}}: its experiment could not be loaded: {{problem}}',
  },

  /** Why a saved weight cannot be loaded as it is (weightNames.ts), shown beside the weight. */
  weight: {
    noLayer: 'no imported layer has this weight',
    tooMany: 'layer "{{layer}}" has more weights than LayerLab\'s layer',
    shapeUnknown: 'the shape LayerLab builds here is unknown (an earlier layer is invalid)',
    shapeMismatch: 'saved as {{saved}}, but LayerLab builds {{built}}',
  },

  /** Why one layer cannot be imported: completes "Conv2D: …" (refusal above). */
  refused: {
    /** {{field}}: a Keras config field, "units". */
    noField: 'it has no "{{field}}"',
    noFields: 'it has no "{{first}}" or "{{second}}"',
    activationUnreadable: 'its activation is not a name LayerLab can read',
    activationUnknown: 'activation "{{name}}" is not one of LayerLab\'s',
    dataFormat: 'data_format "{{format}}" (LayerLab uses channels_last)',
    /** {{what}}: one of `window`; {{value}}: as written in the file, "[3,3,3]". */
    windowNotNumbers: 'its {{what}} {{value}} is not one or two whole numbers',
    windowNotSquare: "its {{what}} {{height}}×{{width}} is not square (LayerLab's are)",
    padding: 'padding {{padding}} (LayerLab has valid and same)',
    dilation: "its dilation {{dilation}} (LayerLab's is 1)",
    grouped: 'it is a grouped convolution',
    keepdims: 'it keeps the pooled axes (keepdims), LayerLab drops them',
    reshapeUnknown: 'its target shape has a -1 that cannot be worked out here',
    capsValues: 'it caps values at {{max}}',
    threshold: 'it has a threshold',
    softmaxAxis: 'it works on another axis than the last',
    needsTwoInputs: 'it needs two inputs',
    concatenateAxis: 'it joins along another axis than the last (LayerLab joins the last)',
    batchnormAxis: 'it normalises another axis than the last (LayerLab uses the last)',
    layernormAxis: 'it normalises over other axes than the last one (LayerLab uses the last)',
    rmsScaling: 'it uses RMS scaling',
    returnState: 'it also returns its state (a second output)',
    goBackwards: "it reads the sequence backwards; LayerLab's recurrent layers read forwards",
    timeMajor: 'it takes time-major input',
    positionalMode: 'its mode {{mode}} is neither learned nor sinusoidal',
    nestedModel: 'a model inside the model',
    kerasAttention:
      "Keras's own attention layer is not imported; LayerLab's attention layer (self-attention) can replace it in the designer",
    lambda: 'it runs Python code, which cannot be read',
    tfOperation: 'it runs a TensorFlow operation, not a layer',
  },
  /** The windows `refused.windowNotNumbers` / `windowNotSquare` talk about. */
  window: {
    kernel: 'kernel',
    stride: 'stride',
    poolSize: 'pool size',
  },

  /** What was approximated or dropped in one layer: completes 'Dense "dense": …' (layerNotes). */
  note: {
    leakyActivation:
      'activation "{{name}}" (Keras 3 gives it slope 0.2) became LayerLab\'s leakyRelu, slope 0.3',
    geluTanh: 'the tanh approximation of gelu became gelu',
    noiseShape: 'its noise_shape was dropped (LayerLab drops each value on its own)',
    leakySlope: "its slope {{slope}} became {{layerLabSlope}}, the slope of LayerLab's leakyRelu",
    eluAlpha: 'its alpha {{alpha}} became 1',
    initializer:
      "its kernel initialiser {{name}} is not one of LayerLab's; it starts glorotUniform",
    /** {{field}}: the Keras field in words, "kernel regularizer". */
    penaltyDropped: 'its {{field}} was dropped (LayerLab has only L1/L2)',
    /** {{fields}}: Keras fields in words, "bias regularizer, kernel constraint". */
    droppedExtras: 'dropped {{fields}}',
    noBias: 'it has no bias in Keras; in LayerLab it gets one (starting at zero)',
    biasInitializer: 'its bias initialiser {{name}} became zeros',
    concatenateOrder:
      'its two inputs come in the other order in LayerLab (the layer above first), so the joined features are ordered differently',
    noScale: 'it has no learned scale in Keras; in LayerLab it does',
    noShift: 'it has no learned shift in Keras; in LayerLab it does',
    noScaleOrShift: 'it has no learned scale or shift in Keras; in LayerLab it does',
    renorm: 'batch renormalisation was dropped',
    maskZero:
      'Keras skips id 0 (padding) through its mask; LayerLab has no masks, so padding is read like any token',
    embeddingInitializer: 'its vectors start uniform in ±0.05, as every LayerLab embedding does',
    recurrentActivation:
      "its activation {{name}} became tanh (LayerLab's recurrent layers use tanh)",
    recurrentGate: 'its recurrent activation {{name}} became sigmoid',
    gruResetAfter:
      "it uses reset_after=True (TensorFlow 2's default); LayerLab's GRU is the reset_after=False kind (the reset gate acts before the recurrent product, 3×units fewer biases), so it computes slightly differently and its saved biases do not fit",
    forgetBias: 'its forget gate bias starts at 1 (unit_forget_bias), as in every LayerLab LSTM',
    dropoutDropped: 'its dropout was dropped',
    recurrentDropoutDropped: 'its recurrent dropout was dropped',
    bothDropoutsDropped: 'its dropout and recurrent dropout was dropped',
    stateful: 'it was stateful in Keras; LayerLab starts every sequence from a zero state',
    recurrentInitializer: 'its recurrent kernel starts orthogonal, not {{name}}',
  },
};

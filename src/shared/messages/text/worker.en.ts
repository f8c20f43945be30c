/**
 * The training worker: backend choice and its trials, session progress and errors, saved models.
 * {{backend}} is a backend's name (WebGPU, WebGL, CPU), {{error}} a library's own English error
 * text. English; Chinese in worker.zh-CN.ts.
 */
export const workerEn = {
  backend: {
    chosenByYou: '{{backend}}: chosen by you.',
    /** {{fallback}} is the reason the automatic choice gives (one of the sentences below). */
    chosenFailed: 'You chose {{backend}}, but it failed ({{detail}}). {{fallback}}',
    /** {{adapter}}: `adapter`, `softwareAdapter` or `noWebgpuBecause`; {{table}}: "WebGL 900, CPU 300". */
    fastest:
      '{{backend}}: the fastest for this model when measured on this machine ({{adapter}}). Samples/s: {{table}}.',
    /** {{seconds}}: one epoch on that backend; {{adapter}} and {{table}} as in `fastest`. */
    quickStart:
      '{{backend}}: the fastest CPU backend here trains an epoch of this model in {{seconds}} s, so training started at once; the GPUs ({{adapter}}) are timed in the background for your next run. Samples/s: {{table}}.',
    remembered:
      '{{backend}}: the fastest for this model when last measured on this machine (samples/s: {{table}}); its training step passed again.',
    adapter: 'GPU: {{name}}',
    /** {{name}} above when the browser does not name its GPU. */
    unnamedAdapter: 'an unnamed GPU',
    softwareAdapter: 'WebGPU only as a software adapter, {{name}}',
    noWebgpuBecause: 'no WebGPU: {{reason}}',
    noneWorks: 'No backend could train this model ({{failures}}).',
    failure: '{{backend}}: {{detail}}',
    /** Joins two items of a list of failures or measurements. */
    listItem: '{{first}}; {{second}}',
    /** Why WebGPU was not tried, and what one trial found (the `detail` of a backend). */
    noWebgpu: 'this browser offers no WebGPU (navigator.gpu is missing)',
    adapterFailed: 'requesting a WebGPU adapter failed ({{error}})',
    noAdapter: 'WebGPU found no usable GPU adapter on this machine',
    initFailed: 'tfjs could not initialise {{backend}}',
    initFailedWith: 'tfjs could not initialise {{backend}} ({{error}})',
    badLoss: 'one training step gave a {{loss}} loss',
    stepPassed: 'one training step passed',
    /** A of an A/B pair cannot train on the backend chosen for B; {{reason}} is missingKernel(For). */
    pairFallback:
      'Both train on {{backend}}: the backend chosen for B, {{chosen}}, cannot train run A ({{reason}}).',
    stepPassedTimed: 'one training step passed; timed',
    stepFailed: 'its training step failed ({{error}})',
    /** {{kernel}} is tfjs's name of the missing operation, {{use}} what needs it (below). */
    missingKernel:
      "this model needs tfjs's {{kernel}} operation to train, which the {{backend}} backend does not have",
    missingKernelFor:
      "this model needs tfjs's {{kernel}} operation ({{use}}) to train, which the {{backend}} backend does not have",
    kernelUse: {
      conv2dBackpropFilter: 'the gradient of a convolution’s filters',
      unsortedSegmentSum: 'the gradient of an Embedding',
    },
    /** How the WASM backend runs: SIMD and the number of threads. */
    wasmStepPassed: 'one training step passed ({{features}})',
    wasmStepPassedTimed: 'one training step passed; timed ({{features}})',
    /** {{count}}: XNNPACK's threads, half the logical cores (1 to 4). */
    wasmThreads_one:
      'SIMD {{simd}}, cross-origin isolated, {{count}} thread (tfjs uses half the logical cores, up to 4)',
    wasmThreads_other:
      'SIMD {{simd}}, cross-origin isolated, {{count}} threads (tfjs uses half the logical cores, up to 4)',
    wasmSingleThread:
      'SIMD {{simd}}, single-threaded: the page is not cross-origin isolated (see README)',
    wasmNoThreads: 'SIMD {{simd}}, single-threaded: this browser has no WebAssembly threads',
    on: 'on',
    off: 'off',
  },
  batchTooLarge:
    'Batch size {{batchSize}} is larger than the {{samples}} training samples: lower the batch size.',
  deviceLost: 'The GPU device was lost ({{reason}}).',
  deviceLostNoReason: 'The GPU device was lost (no reason given).',
  checkingBackends: 'Checking backends…',
  measuringBackend:
    'Choosing the fastest backend for this model: timing {{backend}} ({{done}} of {{total}} done)…',
  downloading: 'Downloading {{dataset}}…',
  readFromCache: "Read {{dataset}} from this browser's cache.",
  decoding: 'Decoding {{dataset}}…',
  divergedNaN:
    'The loss became NaN at step {{step}}: training diverged. The learning rate {{learningRate}} is probably too high: lower it (e.g. to {{lower}}), or keep it and clip the gradients or warm up (under More in Training); then press Reset and Train.',
  divergedInfinite:
    'The loss became infinite at step {{step}}: training diverged. The learning rate {{learningRate}} is probably too high: lower it (e.g. to {{lower}}), or keep it and clip the gradients or warm up (under More in Training); then press Reset and Train.',
  /** {{count}}: the patience, in epochs. */
  earlyStopped_one:
    'Stopped early at epoch {{epoch}}: the {{metric}} had not improved for {{count}} epoch (best at epoch {{bestEpoch}}).',
  earlyStopped_other:
    'Stopped early at epoch {{epoch}}: the {{metric}} had not improved for {{count}} epochs (best at epoch {{bestEpoch}}).',
  earlyStoppedRestored_one:
    'Stopped early at epoch {{epoch}}: the {{metric}} had not improved for {{count}} epoch. The model now has the weights of its best epoch, {{bestEpoch}}.',
  earlyStoppedRestored_other:
    'Stopped early at epoch {{epoch}}: the {{metric}} had not improved for {{count}} epochs. The model now has the weights of its best epoch, {{bestEpoch}}.',
  valLoss: 'validation loss',
  valAccuracy: 'validation accuracy',
  restored: 'Loaded the saved model at step {{step}} (epoch {{epoch}}). Press Resume to train on.',
  forked:
    'Continuing from step {{step}} (epoch {{epoch}}) of an earlier run, as a new run. Press Resume to train on.',
  reopened:
    'Reopened the run at step {{step}} (epoch {{epoch}}), its last checkpoint. Press Resume to train on.',
  checkpointGone: 'The checkpoint at step {{step}} is not kept any more.',
  restoredFinished:
    'Loaded the saved model at step {{step}} (epoch {{epoch}}). It had finished its {{epochs}} epochs: raise Epochs, then press Resume to train on.',
  /** Saved and uploaded models. {{problem}} is why, a clause or a Message. */
  fileProblem: '{{file}}: {{problem}}',
  generateNotLanguageModel:
    'Only a character language model (trained on a text corpus) can write from a prompt.',
  generateNoModel: 'There is no model to write with yet: press Train (or Step) first.',
  generateEmptyPrompt: 'Type a few characters for the model to continue.',
  generateOptions:
    'The generation settings are out of range: temperature 0 to 3, top-k a whole number 0 to 1000, characters a whole number 1 to 400.',
  generateInterrupted:
    'The writing stopped: the model it began with changed (a reset, a new run, or the timeline moved). Press Generate again.',
  generateNotFinite:
    'The model’s probabilities are not numbers (training diverged), so it cannot write. Rewind the timeline to a checkpoint from before, or lower the learning rate and train again.',
  nothingToSave: 'There is no trained model to save: press Train first.',
  savedModelGone: 'That saved model is not in this browser any more.',
  partnerInvalid: 'Run A cannot train on this data: {{reason}}',
  pairNoBackend:
    'Run A cannot train on {{backend}}, the only backend B can use here ({{reason}}): train A and B one at a time, or choose another backend for both.',
  runGone: 'That run is not in this browser any more (it was deleted, perhaps in another tab).',
  runInOtherTab:
    'That run is training in another LayerLab tab: rename or pin it there, or once it ends.',
  noTopology: "{{file}} has LayerLab's record but no modelTopology: it is damaged.",
  weightsNotLoaded:
    'Its weights were not loaded: choose the .bin files together with the model.json to bring them too.',
  /** Continuing from weights (a checkpoint, a saved model) whose layers the design on screen lacks. */
  weightMissing:
    'The saved weights do not fit this design: it has no weight "{{name}}". Put back the design they were trained with (for a run: Use design), then try again.',
  weightShape:
    'The saved weights do not fit this design: "{{name}}" is {{saved}} in the saved weights but {{model}} in the model. Put back the design they were trained with (for a run: Use design), then try again.',
  weightsDoNotFit: 'Its weights were not kept, because some do not fit the design: {{list}}.',
  weightNoPlace: 'no place',
  weightItem: '"{{name}}" ({{problem}})',
  weightList: '{{first}}, {{second}}',
  weightsNotKept: 'Its weights were not kept: {{problem}}',
  noOptimizerState: 'The file has no optimizer state: the optimizer starts afresh.',
  otherOptimizer:
    'The optimizer state is for {{saved}}, not {{current}}: the optimizer starts afresh.',
  normalization: {
    none: 'Values are used as they are.',
    scale: 'Pixel values 0–{{divisor}} are divided by {{divisor}}, so inputs lie in [0, 1].',
    standardize:
      "Each numeric column is standardised with the training rows' mean and standard deviation only (the validation and test rows stay unseen): (value − mean) ÷ standard deviation. The table shows the original values.",
  },
};

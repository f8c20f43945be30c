/**
 * The "training options" namespace: the words of the optional training settings (schedule,
 * optimizer settings, clipping, early stopping). Loaded with the panels that use them, not with the
 * first paint (src/i18n/training/register.ts).
 */
export const trainingEn = {
  optimizer: {
    title: 'Optimizer settings',
    none: 'Plain SGD and Adagrad have no settings beyond the learning rate.',
    momentum: 'Momentum',
    momentumHelp: 'How much of the last step carries into the next (0: plain SGD).',
    nesterov: 'Nesterov',
    nesterovHelp: 'Look ahead along the momentum before taking the gradient.',
    beta1: 'β1',
    beta1Help: 'Decay of the running mean of the gradients.',
    beta2: 'β2',
    beta2Help: 'Decay of the running mean of the squared gradients.',
    epsilon: 'ε',
    epsilonHelp: 'Keeps the division away from zero.',
    rho: 'ρ',
    rhoHelp: 'Decay of the running mean of the squared gradients.',
    weightDecay: 'Weight decay',
    weightDecayHelp:
      'Each step first shrinks every weight by learning rate × this, apart from the gradient.',
    /** One setting and what it does, in the list under the optimizer's fields. */
    helpItem: '<b>{{name}}</b>: {{help}}',
    defaults: 'Defaults as in Keras.',
    defaultsMomentum:
      'Momentum 0.9 is the usual choice (Keras’s SGD starts it at 0, which is plain SGD).',
  },
  schedule: {
    title: 'Learning-rate schedule',
    kind: 'Schedule',
    kinds: {
      constant: 'Constant',
      step: 'Step decay',
      exponential: 'Exponential decay',
      cosine: 'Cosine decay',
    },
    help: {
      constant: 'The rate you set, at every step.',
      step: 'Multiplied by γ every few epochs.',
      exponential: 'Multiplied by γ every epoch, a little at each step.',
      cosine: 'Falls along half a cosine to the floor by the end of the run.',
    },
    gamma: 'γ (factor)',
    stepEpochs: 'Every (epochs)',
    floor: 'Floor (× rate)',
    warmupSteps: 'Warm-up steps',
    warmupHelp: 'Rises linearly from almost 0 to the rate over these first steps (0 or 1: none).',
  },
  clipping: {
    title: 'Gradient clipping',
    kind: 'Clip',
    kinds: { none: 'None', norm: 'By global norm', value: 'By value' },
    help: {
      none: 'Gradients are applied as they are.',
      norm: 'When the length of all gradients together exceeds the threshold, all shrink to it.',
      value: 'Every gradient value is cut to ±threshold.',
    },
    threshold: 'Threshold',
    record: 'Record the gradient norm',
    recordHelp: 'Plots the length of each step’s gradient (always on while clipping).',
  },
  early: {
    title: 'Early stopping',
    enabled: 'Stop when validation stops improving',
    help: 'Checked after each epoch; needs a validation split.',
    metric: 'Watch',
    metrics: { valLoss: 'validation loss', valAccuracy: 'validation accuracy' },
    patience: 'Patience (epochs)',
    minDelta: 'Min. improvement',
    restoreBest: 'Restore the best weights',
  },
  charts: {
    rate: 'Learning rate in use',
    rateLabel: 'The learning rate each step used; now {{rate}}',
    gradNorm: 'Gradient norm (before clipping)',
    gradNormLabel: 'The length of each step’s gradient before clipping; now {{norm}}',
    step: 'step',
  },
  /** Names of the settings in the Runs panel's "what changed". */
  fields: {
    momentum: 'momentum',
    nesterov: 'Nesterov',
    beta1: 'β1',
    beta2: 'β2',
    epsilon: 'ε',
    rho: 'ρ',
    weightDecay: 'weight decay',
    scheduleKind: 'schedule',
    scheduleGamma: 'γ',
    scheduleStepEpochs: 'decay every',
    scheduleFloor: 'floor',
    scheduleWarmupSteps: 'warm-up',
    clippingKind: 'clipping',
    clippingThreshold: 'clip at',
    recordGradientNorm: 'gradient norm',
    earlyStoppingEnabled: 'early stopping',
    earlyStoppingMetric: 'stop on',
    earlyStoppingPatience: 'patience',
    earlyStoppingMinDelta: 'min. improvement',
    earlyStoppingRestoreBest: 'restore best',
  },
  generate: {
    title: 'Write from your prompt',
    prompt: 'Your prompt',
    placeholder: 'Type the start of a text for the model to continue…',
    usePassage: 'Start from the passage above',
    usePassageHelp:
      'Puts the window of validation text shown above (text the model does not train on) into your prompt, to edit or continue as it is.',
    temperature: 'Temperature',
    topK: 'Top-k (0 = all)',
    length: 'Characters',
    button: 'Generate',
    writing: 'Writing…',
    help: 'The model reads the last {{length}} characters. Temperature 0 always takes the likeliest character; higher temperatures take more risks. Top-k draws only among the k likeliest.',
    trainFirst:
      'Press Train (or Step) first: an untrained model writes noise, and there is none yet.',
    unknown: 'Not in the training text, read as “unknown”: {{characters}}',
    hover:
      'Written at step {{step}}, temperature {{temperature}}. Point at (or tab to, then use the arrow keys) a character to see how likely it was; pale orange marks the unlikely ones.',
    hoverTraining:
      'Written during steps {{step}} to {{endStep}} (the model trained on meanwhile), temperature {{temperature}}. Point at (or tab to) a character to see how likely it was; pale orange marks the unlikely ones.',
    outputLabel: 'Written text: {{text}}',
    detail:
      '“{{character}}”: the model gave it {{probability}} (drawn with {{sampled}}). Likeliest: {{alternatives}}',
    /** Between the likeliest characters in `detail`. */
    separator: ', ',
  },
} as const;

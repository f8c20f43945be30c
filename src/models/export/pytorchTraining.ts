/**
 * The training half of an exported PyTorch program: LayerLab's loss, accuracy and optimizer with
 * tfjs's formulas, the training loop, batched prediction and the command line.
 */
import type { DatasetTask } from '../../data/types';
import type { LossName, TrainingConfig } from '../trainingConfig';
import { pyBool, pyFloat, pyInt } from './python';
import type { TorchHelper } from './pytorchLibrary';
import { commonArguments } from './pythonShared';

export function lossSection(loss: LossName): string[] {
  switch (loss) {
    case 'meanSquaredError':
      return [
        'def loss_fn(pred, target):',
        '    """Mean squared error over every output value."""',
        '    return ((pred - target) ** 2).mean()',
      ];
    case 'binaryCrossentropy':
      return [
        'def loss_fn(pred, target):',
        '    """Binary cross-entropy on probabilities, as tfjs computes it: p clipped to',
        '    [EPSILON, 1 - EPSILON], then -(y log p + (1 - y) log(1 - p)), averaged."""',
        '    p = pred.clamp(EPSILON, 1.0 - EPSILON)',
        '    return -(target * torch.log(p) + (1 - target) * torch.log(1 - p)).mean()',
      ];
    case 'categoricalCrossentropy':
      return [
        'def loss_fn(pred, target):',
        '    """Categorical cross-entropy on probabilities, as tfjs computes it: each row rescaled to',
        '    sum 1 and clipped to [EPSILON, 1 - EPSILON], then -sum(target * log p) over the classes,',
        '    averaged over samples (and time steps)."""',
        '    p = pred / pred.sum(dim=-1, keepdim=True)',
        '    p = p.clamp(EPSILON, 1.0 - EPSILON)',
        '    return -(target * torch.log(p)).sum(dim=-1).mean()',
      ];
  }
}

export const ACCURACY_SECTION: readonly string[] = [
  'def count_correct(pred, target):',
  '    """Correct predictions as LayerLab counts them: with one output unit, class 1 when it is above',
  '    0.5; otherwise the class with the highest output (at every time step for sequences)."""',
  '    if OUTPUT_SHAPE[-1] == 1:',
  '        return ((pred > 0.5).float() == target).sum().item()',
  '    return (pred.argmax(dim=-1) == target.argmax(dim=-1)).sum().item()',
];

/** make_optimizer, and the helper it needs (if any). */
export function optimizerSection(training: TrainingConfig): {
  lines: string[];
  helper: TorchHelper | null;
} {
  const { momentum, nesterov, beta1, beta2, epsilon, rho, weightDecay } = training;
  const head = ['def make_optimizer(params):'];
  const betas = `betas=(${pyFloat(beta1)}, ${pyFloat(beta2)}), eps=${pyFloat(epsilon)}`;
  switch (training.optimizer) {
    case 'sgd':
      return {
        lines: [
          ...head,
          '    """Plain SGD: w = w - lr * g."""',
          '    return torch.optim.SGD(params, lr=LEARNING_RATE, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False)',
        ],
        helper: null,
      };
    case 'momentum':
      return {
        lines: [
          ...head,
          `    """SGD with momentum ${momentum} as tfjs runs it: accumulation = ${momentum} * accumulation + g,`,
          nesterov
            ? `    w = w - lr * (g + ${momentum} * accumulation) (Nesterov; torch's SGD does the same)."""`
            : '    w = w - lr * accumulation (torch\'s SGD does the same)."""',
          `    return torch.optim.SGD(params, lr=LEARNING_RATE, momentum=${pyFloat(momentum)}, dampening=0.0, weight_decay=0.0, nesterov=${pyBool(nesterov)})`,
        ],
        helper: null,
      };
    case 'adam':
      return {
        lines: [
          ...head,
          `    """Adam as tfjs runs it: beta1 ${beta1}, beta2 ${beta2}, epsilon ${epsilon} (Keras's default is 1e-7,`,
          '    torch\'s 1e-8) added to sqrt(v_hat) after the bias correction, as torch does."""',
          `    return torch.optim.Adam(params, lr=LEARNING_RATE, ${betas}, weight_decay=0.0, amsgrad=False)`,
        ],
        helper: null,
      };
    case 'adamw':
      return {
        lines: [
          ...head,
          `    """AdamW as LayerLab runs it: each step first shrinks every weight by lr * ${weightDecay},`,
          '    then takes an Adam step with the gradient (torch\'s AdamW does the same)."""',
          `    return torch.optim.AdamW(params, lr=LEARNING_RATE, ${betas}, weight_decay=${pyFloat(weightDecay)}, amsgrad=False)`,
        ],
        helper: null,
      };
    case 'rmsprop':
      return {
        lines: [
          ...head,
          `    """RMSProp as tfjs runs it: rho ${rho}, no momentum, epsilon ${epsilon} inside the square root."""`,
          `    return TfjsRMSprop(params, lr=LEARNING_RATE, rho=${pyFloat(rho)}, momentum=0.0, epsilon=${pyFloat(epsilon)})`,
        ],
        helper: 'TfjsRMSprop',
      };
    case 'adagrad':
      return {
        lines: [
          ...head,
          '    """Adagrad as tfjs runs it: the accumulator starts at 0.1. tfjs divides by',
          '    sqrt(accumulator + 1e-7), torch by sqrt(accumulator) + 1e-7: with an accumulator of at',
          '    least 0.1 the two differ by under 2e-7 relative."""',
          '    return torch.optim.Adagrad(params, lr=LEARNING_RATE, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.1, eps=1e-7)',
        ],
        helper: null,
      };
  }
}

/**
 * make_scheduler: the learning-rate schedule as torch's own schedulers, stepped once per batch
 * (src/models/schedules.ts defines it), or None for a constant rate without warm-up.
 */
export function schedulerSection(training: TrainingConfig): string[] {
  const { kind, gamma, stepEpochs, floor } = training.schedule;
  const sched = 'torch.optim.lr_scheduler';
  const main: Record<typeof kind, string[]> = {
    constant: ['    main = None'],
    step: [
      `    # x ${gamma} every ${stepEpochs} epochs`,
      `    main = ${sched}.StepLR(optimizer, step_size=${pyInt(stepEpochs)} * steps_per_epoch, gamma=${pyFloat(gamma)})`,
    ],
    exponential: [
      `    # x ${gamma} per epoch, a little at every step`,
      `    main = ${sched}.ExponentialLR(optimizer, gamma=${pyFloat(gamma)} ** (1.0 / steps_per_epoch))`,
    ],
    cosine: [
      `    # half a cosine down to ${floor} x the rate over the steps after the warm-up`,
      `    main = ${sched}.CosineAnnealingLR(`,
      `        optimizer, T_max=max(1, total_steps - WARMUP_STEPS), eta_min=LEARNING_RATE * ${pyFloat(floor)}`,
      '    )',
    ],
  };
  return [
    'def make_scheduler(optimizer, steps_per_epoch, total_steps):',
    '    """LayerLab\'s learning-rate schedule, stepped after every batch: a linear warm-up from',
    '    LEARNING_RATE / WARMUP_STEPS over the first WARMUP_STEPS steps, then the schedule, counting',
    '    its steps from the end of the warm-up. None: the rate stays LEARNING_RATE."""',
    ...main[kind],
    '    if WARMUP_STEPS < 2:',
    '        return main',
    `    warmup = ${sched}.LinearLR(`,
    '        optimizer, start_factor=1.0 / WARMUP_STEPS, end_factor=1.0, total_iters=WARMUP_STEPS - 1',
    '    )',
    '    if main is None:',
    '        return warmup',
    `    return ${sched}.SequentialLR(optimizer, [warmup, main], milestones=[WARMUP_STEPS])`,
  ];
}

/** The clipping call before each optimizer step, or nothing. */
function clippingLines(training: TrainingConfig): string[] {
  const { kind, threshold } = training.clipping;
  if (kind === 'none') return [];
  return kind === 'norm'
    ? [
        `            # all gradients scaled together when their global norm exceeds ${threshold}`,
        `            torch.nn.utils.clip_grad_norm_(params, max_norm=${pyFloat(threshold)})`,
      ]
    : [
        `            # every gradient value cut to +-${threshold}`,
        `            torch.nn.utils.clip_grad_value_(params, clip_value=${pyFloat(threshold)})`,
      ];
}

export const COUNT_SECTION: readonly string[] = [
  'def count_params(model):',
  '    """Parameters as LayerLab and Keras count them: the trainable weights plus BatchNormalization\'s',
  "    moving mean and variance. (torch's recurrent bias_hh, frozen at 0 here, is not a Keras weight.)",
  '    Returns (trainable, moving statistics)."""',
  '    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)',
  '    moving = sum(',
  "        b.numel() for name, b in model.named_buffers() if name.endswith(('moving_mean', 'moving_variance'))",
  '    )',
  '    return trainable, moving',
];

export const LOADER_SECTION: readonly string[] = [
  'def load_layerlab_weights(model, model_json_path):',
  '    """Copies the weights LayerLab saved (a tfjs model.json and its .bin files) into the model,',
  '    converting each to the layout of the tensor it goes to (see LayerLabModel.tfjs_weights)."""',
  '    arrays = read_tfjs_weights(model_json_path)',
  '    with torch.no_grad():',
  '        for name, target, convert in model.tfjs_weights():',
  '            if name not in arrays:',
  "                raise KeyError(f'{model_json_path} has no weight {name}: was it saved from this design?')",
  '            value = torch.from_numpy(np.ascontiguousarray(convert(arrays.pop(name))))',
  '            if tuple(value.shape) != tuple(target.shape):',
  "                raise ValueError(f'{name}: shape {tuple(value.shape)} does not fit {tuple(target.shape)}')",
  '            target.copy_(value)',
  '    if arrays:',
  "        print('Not used (not part of this design):', ', '.join(sorted(arrays)))",
];

export function trainSection(task: DatasetTask, training: TrainingConfig): string[] {
  const clipping = clippingLines(training);
  const accuracy =
    task === 'regression'
      ? []
      : [
          "            report += f'  val_accuracy {count_correct(pred, target) / pred[..., 0].numel():.4f}'",
        ];
  return [
    'def run_model(model, x, device, batch_size=256):',
    '    """The outputs for numpy inputs x in evaluation mode (no dropout; BatchNormalization uses',
    '    its moving statistics), computed in batches. Returns a CPU tensor."""',
    '    model.eval()',
    '    outputs = []',
    '    with torch.no_grad():',
    '        for start in range(0, len(x), batch_size):',
    '            batch = np.ascontiguousarray(x[start : start + batch_size], dtype=np.float32)',
    '            outputs.append(model(torch.from_numpy(batch).to(device)).cpu())',
    '    return torch.cat(outputs) if outputs else torch.empty((0,) + OUTPUT_SHAPE)',
    '',
    '',
    'def train(model, npz_path, epochs, device):',
    '    """LayerLab\'s loop: shuffled batches of exactly BATCH_SIZE (the last partial batch is',
    '    dropped), a new shuffle every epoch, the loss plus the L1/L2 penalties, one optimizer step',
    '    per batch; after each epoch, the validation loss (penalties included) in evaluation mode."""',
    '    x_train, y_train, x_val, y_val = load_data(npz_path)',
    '    steps = len(x_train) // BATCH_SIZE',
    '    if steps < 1:',
    "        raise SystemExit(f'Batch size {BATCH_SIZE} is larger than the {len(x_train)} training samples.')",
    '    x = torch.from_numpy(x_train).to(device)',
    '    y = torch.from_numpy(y_train).to(device)',
    '    params = [p for p in model.parameters() if p.requires_grad]',
    '    optimizer = make_optimizer(params)',
    '    scheduler = make_scheduler(optimizer, steps, epochs * steps)',
    '    shuffle = torch.Generator().manual_seed(SEED)',
    '    for epoch in range(epochs):',
    '        model.train()',
    '        order = torch.randperm(len(x), generator=shuffle).to(device)',
    '        loss_sum = 0.0',
    '        for step in range(steps):',
    '            batch = order[step * BATCH_SIZE : (step + 1) * BATCH_SIZE]',
    '            loss = loss_fn(model(x[batch]), y[batch]) + model.regularization_loss()',
    '            optimizer.zero_grad()',
    '            loss.backward()',
    ...clipping,
    '            optimizer.step()',
    '            if scheduler is not None:',
    '                scheduler.step()',
    '            loss_sum += loss.item()',
    "        report = f'epoch {epoch + 1}/{epochs}  loss {loss_sum / steps:.4f}'",
    '        if x_val is not None:',
    '            pred = run_model(model, x_val, device)',
    '            target = torch.from_numpy(y_val)',
    "            # With the L1/L2 penalties, as the training loss (and Keras's val_loss) has them.",
    '            val_loss = loss_fn(pred, target).item() + float(model.regularization_loss())',
    "            report += f'  val_loss {val_loss:.4f}'",
    ...accuracy,
    '        print(report, flush=True)',
  ];
}

export const MAIN_SECTION: readonly string[] = [
  ...commonArguments('PyTorch', 'a torch state_dict'),
  "    parser.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')",
  '    args = parser.parse_args()',
  '',
  '    torch.manual_seed(SEED)',
  '    np.random.seed(SEED)',
  '    model = LayerLabModel()',
  '    if args.count_params:',
  '        trainable, moving = count_params(model)',
  "        print(f'parameters: {trainable + moving} (trainable {trainable}, moving statistics {moving})')",
  '    if args.weights:',
  '        load_layerlab_weights(model, args.weights)',
  '    model.to(args.device)',
  '    if args.train:',
  '        train(model, args.train, args.epochs, args.device)',
  '    if args.save:',
  '        torch.save(model.state_dict(), args.save)',
  '    if args.predict:',
  '        outputs = run_model(model, np.load(args.predict), args.device)',
  '        np.save(args.out, outputs.numpy().astype(np.float32))',
  "        print(f'predictions {tuple(outputs.shape)} saved to {args.out}')",
  '    if not (args.count_params or args.train or args.predict):',
  '        parser.print_help()',
  '',
  '',
  "if __name__ == '__main__':",
  '    main()',
];

/**
 * Writes each applied layer of a design as PyTorch: the submodule it owns, how it is initialised,
 * its lines of `forward`, where its tfjs weights go, and its L1/L2 penalty terms.
 *
 * Layout: images arrive channels-last [B, H, W, C] as in LayerLab. They are permuted to torch's
 * channels-first only when a convolution or pooling needs it, and back to channels-last before a
 * Flatten, Reshape or LayerNormalization, so values line up exactly as in tfjs.
 */
import type { AppliedLayer } from '../layerNames';
import type { Activation, Initializer, KernelOptions, Shape } from '../spec';
import { INITIALIZER_RULES, kernelFans } from './initializers';
import { describeLayer, mergeSource, type ExportPlan } from './plan';
import { ExportError, pyBool, pyComment, pyFloat, pyStr, pyTuple } from './python';
import type { TorchHelper } from './pytorchLibrary';

type Layout = 'channelsLast' | 'channelsFirst';

/** Keras's LeakyReLU slope, which LayerLab uses. */
const LEAKY_RELU_ALPHA = 0.3;

/** The parts of the generated model class, filled layer by layer. */
export interface TorchModelCode {
  /** `__init__` body lines. */
  modules: string[];
  /** `reset_parameters` body lines. */
  init: string[];
  /** `forward` body lines (working on `x`). */
  forward: string[];
  /** Entries of the list `tfjs_weights` returns. */
  weights: string[];
  /** Terms of `regularization_loss`. */
  penalties: string[];
  helpers: Set<TorchHelper>;
}

export function writeTorchModel(plan: ExportPlan): TorchModelCode {
  const writer = new TorchModelWriter(plan);
  writer.writeAll();
  return writer.code;
}

function initCall(
  name: Initializer | undefined,
  target: string,
  fanIn: number,
  fanOut: number,
): { line: string; helper: TorchHelper } {
  const init = name ?? 'glorotUniform';
  const rule = INITIALIZER_RULES[init];
  const helper = `${rule.keras}_` as TorchHelper;
  const fans = rule.mode === 'fanAvg' ? `fan_in=${fanIn}, fan_out=${fanOut}` : `fan_in=${fanIn}`;
  return { line: `${helper}(${target}, ${fans})`, helper };
}

function penaltyTerms(options: KernelOptions, target: string): string[] {
  const terms: string[] = [];
  if (options.l1) terms.push(`${pyFloat(options.l1)} * ${target}.abs().sum()`);
  if (options.l2) terms.push(`${pyFloat(options.l2)} * ${target}.pow(2).sum()`);
  return terms;
}

class TorchModelWriter {
  readonly code: TorchModelCode = {
    modules: [],
    init: [],
    forward: [],
    weights: [],
    penalties: [],
    helpers: new Set(),
  };
  /** Layout of `x` while it is an image (rank 3 without the batch axis). */
  private layout: Layout = 'channelsLast';
  private readonly keptLayouts = new Map<string, Layout>();

  constructor(private readonly plan: ExportPlan) {}

  writeAll(): void {
    const { info } = this.plan;
    this.code.forward.push(
      `# x: ${this.shape(info.inputShape)}${info.inputIsTokens ? ' token ids' : ''}, LayerLab's layout${info.inputShape.length === 3 ? ' (channels-last)' : ''}`,
    );
    this.keep('input');
    for (const layer of this.plan.layers) {
      this.code.forward.push('', `# ${pyComment(describeLayer(layer))}`);
      this.layer(layer);
      if (layer.outputShape.length !== 3) this.layout = 'channelsLast';
      this.keep(layer.name);
    }
    if (this.plan.outputShape.length === 3) {
      this.code.forward.push(...this.toLayout('channelsLast', this.plan.outputShape));
    }
    this.code.forward.push('return x');
  }

  /** Keeps `x` in a variable when a later merge reads this output. */
  private keep(producer: string): void {
    const name = this.plan.keepAfter.get(producer);
    if (name === undefined) return;
    this.code.forward.push(`${name} = x  # a later merge takes this`);
    this.keptLayouts.set(name, this.layout);
  }

  /** A batch shape for comments, in the layout `x` has in torch. */
  private shape(shape: Shape): string {
    if (shape.length === 3 && this.layout === 'channelsFirst') {
      const [h, w, c] = shape;
      return `[B, ${c}, ${h}, ${w}] (channels-first)`;
    }
    return `[B, ${shape.join(', ')}]`;
  }

  /** Lines that permute an image `x` into `want` (none when it is already so). */
  private toLayout(want: Layout, shape: Shape): string[] {
    if (shape.length !== 3 || this.layout === want) return [];
    this.layout = want;
    return want === 'channelsFirst'
      ? [
          "x = x.permute(0, 3, 1, 2)  # [B, H, W, C] -> [B, C, H, W]: torch's convolutions want channels first",
        ]
      : [
          "x = x.permute(0, 2, 3, 1)  # [B, C, H, W] -> [B, H, W, C]: LayerLab's (tfjs's) channels-last order",
        ];
  }

  private use(...helpers: TorchHelper[]): void {
    for (const h of helpers) this.code.helpers.add(h);
  }

  private module(layer: AppliedLayer, lines: string[]): void {
    this.code.modules.push(`# ${pyComment(describeLayer(layer))}`, ...lines);
  }

  private weight(tfjsName: string, target: string, convert: string, note = ''): void {
    this.code.weights.push(
      `(${pyStr(tfjsName)}, ${target}, ${convert}),${note ? `  # ${note}` : ''}`,
    );
  }

  private kernelInit(options: KernelOptions, target: string, fanIn: number, fanOut: number): void {
    const { line, helper } = initCall(options.kernelInitializer, target, fanIn, fanOut);
    this.use(helper);
    this.code.init.push(line);
  }

  private activation(activation: Activation, layer: AppliedLayer): string[] {
    switch (activation) {
      case 'linear':
        return [];
      case 'relu':
        return ['x = torch.relu(x)'];
      case 'leakyRelu':
        return [
          `x = F.leaky_relu(x, negative_slope=${pyFloat(LEAKY_RELU_ALPHA)})  # LayerLab's LeakyReLU layer ${layer.leakyReluName ?? ''} (Keras's alpha)`,
        ];
      case 'elu':
        return ['x = F.elu(x, alpha=1.0)'];
      case 'gelu':
        return ["x = F.gelu(x, approximate='none')  # exact x * Phi(x) with erf, as tfjs's 'gelu'"];
      case 'sigmoid':
        return ['x = torch.sigmoid(x)'];
      case 'tanh':
        return ['x = torch.tanh(x)'];
      case 'softmax':
        return layer.outputShape.length === 3 && this.layout === 'channelsFirst'
          ? ["x = torch.softmax(x, dim=1)  # over the channels, LayerLab's last axis"]
          : ['x = torch.softmax(x, dim=-1)'];
      default: {
        const unknown: never = activation;
        throw new ExportError(`Layer ${layer.name}: unknown activation ${String(unknown)}.`);
      }
    }
  }

  /** The expression for a kept output, permuted to match `x`'s layout when it is an image. */
  private source(from: string, shape: Shape): string {
    const name = mergeSource(this.plan, from);
    const layout = this.keptLayouts.get(name) ?? 'channelsLast';
    if (shape.length !== 3 || layout === this.layout) return name;
    return this.layout === 'channelsFirst'
      ? `${name}.permute(0, 3, 1, 2)`
      : `${name}.permute(0, 2, 3, 1)`;
  }

  private layer(layer: AppliedLayer): void {
    const s = layer.spec;
    const self = `self.${layer.name}`;
    const input = layer.inputShape;
    const out = layer.outputShape;
    const last = input.at(-1) ?? 0;
    const f = this.code.forward;
    switch (s.kind) {
      case 'dense': {
        this.module(layer, [
          `${self} = nn.Linear(in_features=${last}, out_features=${s.units}, bias=True)`,
        ]);
        this.kernelInit(s, `${self}.weight`, last, s.units);
        this.code.init.push(`nn.init.zeros_(${self}.bias)`);
        f.push(`x = ${self}(x)  # ${this.shape(out)}`, ...this.activation(s.activation, layer));
        this.weight(
          `${layer.name}/kernel`,
          `${self}.weight`,
          'transposed',
          `[${last}, ${s.units}] -> [${s.units}, ${last}]`,
        );
        this.weight(`${layer.name}/bias`, `${self}.bias`, 'as_is');
        this.code.penalties.push(...penaltyTerms(s, `${self}.weight`));
        return;
      }
      case 'conv2d': {
        const k = s.kernelSize;
        const fans = kernelFans([k, k, last, s.filters]);
        f.push(...this.toLayout('channelsFirst', input));
        this.module(layer, [
          `${self} = nn.Conv2d(in_channels=${last}, out_channels=${s.filters}, kernel_size=${k}, stride=${s.strides}, padding=0, bias=True)${s.padding === 'same' ? '  # "same": padded in forward, as TensorFlow pads' : ''}`,
        ]);
        this.kernelInit(s, `${self}.weight`, fans.fanIn, fans.fanOut);
        this.code.init.push(`nn.init.zeros_(${self}.bias)`);
        if (s.padding === 'same') this.use('pad_same');
        const padded = s.padding === 'same' ? `pad_same(x, ${k}, ${s.strides})` : 'x';
        f.push(
          `x = ${self}(${padded})  # ${this.shape(out)}`,
          ...this.activation(s.activation, layer),
        );
        this.weight(
          `${layer.name}/kernel`,
          `${self}.weight`,
          'conv_kernel',
          `[${k}, ${k}, ${last}, ${s.filters}] -> [${s.filters}, ${last}, ${k}, ${k}]`,
        );
        this.weight(`${layer.name}/bias`, `${self}.bias`, 'as_is');
        this.code.penalties.push(...penaltyTerms(s, `${self}.weight`));
        return;
      }
      case 'maxpool2d':
      case 'avgpool2d': {
        f.push(...this.toLayout('channelsFirst', input));
        const p = s.poolSize;
        const window = `kernel_size=${p}, stride=${s.strides}`;
        if (s.kind === 'maxpool2d') {
          if (s.padding === 'same') this.use('pad_same');
          const padded =
            s.padding === 'same' ? `pad_same(x, ${p}, ${s.strides}, value=-math.inf)` : 'x';
          f.push(`x = F.max_pool2d(${padded}, ${window})  # ${this.shape(out)}`);
        } else if (s.padding === 'same') {
          this.use('avg_pool_same');
          f.push(`x = avg_pool_same(x, ${p}, ${s.strides})  # ${this.shape(out)}`);
        } else {
          f.push(`x = F.avg_pool2d(x, ${window})  # ${this.shape(out)}`);
        }
        return;
      }
      case 'globalavgpool1d':
        f.push(`x = x.mean(dim=1)  # mean over the steps: ${this.shape(out)}`);
        return;
      case 'globalavgpool2d':
        f.push(
          this.layout === 'channelsFirst'
            ? `x = x.mean(dim=(2, 3))  # mean over height and width: ${this.shape(out)}`
            : `x = x.mean(dim=(1, 2))  # mean over height and width: ${this.shape(out)}`,
        );
        return;
      case 'batchnorm': {
        const axis = input.length === 3 && this.layout === 'channelsFirst' ? 1 : -1;
        this.module(layer, [
          `${self} = BatchNormalization(features=${last}, momentum=${pyFloat(s.momentum)}, epsilon=${pyFloat(s.epsilon)}, axis=${axis})`,
        ]);
        this.use('BatchNormalization');
        this.code.init.push(`nn.init.ones_(${self}.gamma)`, `nn.init.zeros_(${self}.beta)`);
        f.push(`x = ${self}(x)  # ${this.shape(out)}`);
        for (const w of ['gamma', 'beta', 'moving_mean', 'moving_variance']) {
          this.weight(`${layer.name}/${w}`, `${self}.${w}`, 'as_is');
        }
        return;
      }
      case 'layernorm': {
        f.push(...this.toLayout('channelsLast', input));
        this.module(layer, [
          `${self} = nn.LayerNorm(normalized_shape=${last}, eps=${pyFloat(s.epsilon)}, elementwise_affine=True)  # over the last axis`,
        ]);
        this.code.init.push(`nn.init.ones_(${self}.weight)`, `nn.init.zeros_(${self}.bias)`);
        f.push(`x = ${self}(x)  # ${this.shape(out)}`);
        this.weight(`${layer.name}/gamma`, `${self}.weight`, 'as_is');
        this.weight(`${layer.name}/beta`, `${self}.bias`, 'as_is');
        return;
      }
      case 'embedding': {
        this.module(layer, [
          `${self} = nn.Embedding(num_embeddings=${s.inputDim}, embedding_dim=${s.outputDim})`,
        ]);
        this.code.init.push(
          `nn.init.uniform_(${self}.weight, -0.05, 0.05)  # Keras's embeddings default, as LayerLab`,
        );
        f.push(`x = ${self}(x.long())  # ids -> vectors: ${this.shape(out)}`);
        this.weight(`${layer.name}/embeddings`, `${self}.weight`, 'as_is');
        this.code.penalties.push(...penaltyTerms(s, `${self}.weight`));
        return;
      }
      case 'simplernn':
      case 'lstm': {
        const u = s.units;
        const gates = s.kind === 'lstm' ? 4 : 1;
        const make =
          s.kind === 'lstm'
            ? `nn.LSTM(input_size=${last}, hidden_size=${u}, num_layers=1, bias=True, batch_first=True, bidirectional=False)  # sigmoid gates, tanh cell, as Keras`
            : `nn.RNN(input_size=${last}, hidden_size=${u}, num_layers=1, nonlinearity='tanh', bias=True, batch_first=True, bidirectional=False)`;
        this.module(layer, [
          `${self} = ${make}`,
          "# Keras has one bias; torch adds bias_ih and bias_hh. bias_hh stays 0 (frozen), bias_ih is Keras's.",
          `${self}.bias_hh_l0.requires_grad_(False)`,
        ]);
        this.kernelInit(s, `${self}.weight_ih_l0`, last, gates * u);
        this.code.init.push(
          `nn.init.orthogonal_(${self}.weight_hh_l0, gain=1.0)  # Keras's orthogonal recurrent kernel`,
          `nn.init.zeros_(${self}.bias_ih_l0)`,
          `nn.init.zeros_(${self}.bias_hh_l0)`,
        );
        if (s.kind === 'lstm') {
          this.code.init.push(
            `nn.init.ones_(${self}.bias_ih_l0[${u}:${2 * u}])  # unit_forget_bias: the forget gate starts open`,
          );
        }
        f.push(`x, _ = ${self}(x)  # every step: [B, ${input[0]}, ${u}]`);
        if (!s.returnSequences) f.push(`x = x[:, -1]  # the last step: ${this.shape(out)}`);
        const order = s.kind === 'lstm' ? '; gates i, f, c, o in both' : '';
        this.weight(
          `${layer.name}/kernel`,
          `${self}.weight_ih_l0`,
          'transposed',
          `[${last}, ${gates * u}] -> [${gates * u}, ${last}]${order}`,
        );
        this.weight(
          `${layer.name}/recurrent_kernel`,
          `${self}.weight_hh_l0`,
          'transposed',
          `[${u}, ${gates * u}] -> [${gates * u}, ${u}]`,
        );
        this.weight(`${layer.name}/bias`, `${self}.bias_ih_l0`, 'as_is', 'bias_hh_l0 stays 0');
        this.code.penalties.push(...penaltyTerms(s, `${self}.weight_ih_l0`));
        return;
      }
      case 'gru': {
        const u = s.units;
        this.module(layer, [
          `${self} = GRU(input_size=${last}, units=${u}, return_sequences=${pyBool(s.returnSequences)})`,
        ]);
        this.use('GRU');
        this.kernelInit(s, `${self}.kernel`, last, 3 * u);
        this.code.init.push(
          `nn.init.orthogonal_(${self}.recurrent_kernel, gain=1.0)  # Keras's orthogonal recurrent kernel`,
          `nn.init.zeros_(${self}.bias)`,
        );
        f.push(`x = ${self}(x)  # ${this.shape(out)}`);
        for (const w of ['kernel', 'recurrent_kernel', 'bias']) {
          this.weight(`${layer.name}/${w}`, `${self}.${w}`, 'as_is');
        }
        this.code.penalties.push(...penaltyTerms(s, `${self}.kernel`));
        return;
      }
      case 'attention': {
        const inner = s.numHeads * s.keyDim;
        this.module(layer, [
          `${self} = MultiHeadSelfAttention(d_model=${last}, num_heads=${s.numHeads}, key_dim=${s.keyDim}, causal=${pyBool(s.causal)}, dropout=${pyFloat(s.dropout)})`,
        ]);
        this.use('MultiHeadSelfAttention', 'glorot_uniform_');
        for (const role of ['query', 'key', 'value', 'output']) {
          const [fanIn, fanOut] = role === 'output' ? [inner, last] : [last, inner];
          this.code.init.push(
            `glorot_uniform_(${self}.${role}_kernel, fan_in=${fanIn}, fan_out=${fanOut})`,
            `nn.init.zeros_(${self}.${role}_bias)`,
          );
          for (const part of ['kernel', 'bias']) {
            this.weight(`${layer.name}/${role}_${part}`, `${self}.${role}_${part}`, 'as_is');
          }
        }
        f.push(`x = ${self}(x)  # ${this.shape(out)}`);
        return;
      }
      case 'positional': {
        this.module(layer, [
          `${self} = PositionalEmbedding(max_length=${s.maxLength}, d_model=${last}, mode=${pyStr(s.mode)})`,
        ]);
        this.use('PositionalEmbedding');
        if (s.mode === 'learned') {
          this.use('glorot_uniform_');
          this.code.init.push(
            `glorot_uniform_(${self}.embeddings, fan_in=${s.maxLength}, fan_out=${last})  # as keras-nlp and LayerLab`,
          );
          this.weight(`${layer.name}/embeddings`, `${self}.embeddings`, 'as_is');
        }
        f.push(`x = ${self}(x)  # ${this.shape(out)}`);
        return;
      }
      case 'dropout':
        this.module(layer, [`${self} = nn.Dropout(p=${pyFloat(s.rate)})  # only while training`]);
        f.push(`x = ${self}(x)`);
        return;
      case 'flatten':
        f.push(...this.toLayout('channelsLast', input));
        f.push(`x = torch.flatten(x, start_dim=1)  # ${this.shape(out)}`);
        return;
      case 'reshape':
        f.push(...this.toLayout('channelsLast', input));
        f.push(`x = x.reshape((x.shape[0],) + ${pyTuple(s.targetShape)})  # ${this.shape(out)}`);
        this.layout = 'channelsLast';
        return;
      case 'activation':
        f.push(...this.activation(s.activation, layer));
        return;
      case 'add':
        f.push(`x = x + ${this.source(s.from, out)}  # ${this.shape(out)}`);
        return;
      case 'concatenate': {
        const dim = out.length === 3 && this.layout === 'channelsFirst' ? 1 : -1;
        f.push(`x = torch.cat([x, ${this.source(s.from, out)}], dim=${dim})  # ${this.shape(out)}`);
        return;
      }
      default: {
        const unknown: never = s;
        throw new ExportError(`PyTorch export has no code for ${JSON.stringify(unknown)}.`);
      }
    }
  }
}

/** The conversions `tfjs_weights` names: from a tfjs array to the torch tensor's layout. */
export const TORCH_CONVERSIONS: readonly string[] = [
  'def as_is(array):',
  '    return array',
  '',
  '',
  'def transposed(array):',
  '    """Keras [inputs, outputs] -> torch [outputs, inputs] (Linear, LSTM/RNN kernels)."""',
  '    return array.T',
  '',
  '',
  'def conv_kernel(array):',
  '    """Keras [kh, kw, in, out] -> torch [out, in, kh, kw]."""',
  '    return array.transpose(3, 2, 0, 1)',
];

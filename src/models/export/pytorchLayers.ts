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
import { INITIALIZER_RULES } from './initializers';
import { describeLayer, mergeSource, type ExportPlan } from './plan';
import { ExportError, pyComment, pyFloat, pyStr } from './python';
import type { TorchHelper } from './pytorchLibrary';
import { TORCH_LAYERS } from './torchLayerRegistry';
import type {
  Layout,
  TorchLayerWriter,
  TorchModelCode,
  TorchModelWriter,
} from './torchLayers/types';

export type { TorchModelCode } from './torchLayers/types';

/** Keras's LeakyReLU slope, which LayerLab uses. */
const LEAKY_RELU_ALPHA = 0.3;

export function writeTorchModel(plan: ExportPlan): TorchModelCode {
  const writer = new ModelWriter(plan);
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

class ModelWriter implements TorchModelWriter {
  readonly code: TorchModelCode = {
    modules: [],
    init: [],
    forward: [],
    weights: [],
    penalties: [],
    helpers: new Set(),
  };
  /** Layout of `x` while it is an image (rank 3 without the batch axis). */
  layout: Layout = 'channelsLast';
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
  shape(shape: Shape): string {
    if (shape.length === 3 && this.layout === 'channelsFirst') {
      const [h, w, c] = shape;
      return `[B, ${c}, ${h}, ${w}] (channels-first)`;
    }
    return `[B, ${shape.join(', ')}]`;
  }

  /** Lines that permute an image `x` into `want` (none when it is already so). */
  toLayout(want: Layout, shape: Shape): string[] {
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

  use(...helpers: TorchHelper[]): void {
    for (const h of helpers) this.code.helpers.add(h);
  }

  module(layer: AppliedLayer, lines: string[]): void {
    this.code.modules.push(`# ${pyComment(describeLayer(layer))}`, ...lines);
  }

  weight(tfjsName: string, target: string, convert: string, note = ''): void {
    this.code.weights.push(
      `(${pyStr(tfjsName)}, ${target}, ${convert}),${note ? `  # ${note}` : ''}`,
    );
  }

  kernelInit(options: KernelOptions, target: string, fanIn: number, fanOut: number): void {
    const { line, helper } = initCall(options.kernelInitializer, target, fanIn, fanOut);
    this.use(helper);
    this.code.init.push(line);
  }

  penalize(options: KernelOptions, target: string): void {
    this.code.penalties.push(...penaltyTerms(options, target));
  }

  activation(activation: Activation, layer: AppliedLayer): string[] {
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
  source(from: string, shape: Shape): string {
    const name = mergeSource(this.plan, from);
    const layout = this.keptLayouts.get(name) ?? 'channelsLast';
    if (shape.length !== 3 || layout === this.layout) return name;
    return this.layout === 'channelsFirst'
      ? `${name}.permute(0, 3, 1, 2)`
      : `${name}.permute(0, 2, 3, 1)`;
  }

  /** Writes one layer with its kind's writer (torchLayerRegistry.ts). */
  private layer(layer: AppliedLayer): void {
    const s = layer.spec;
    const write = TORCH_LAYERS[s.kind] as TorchLayerWriter<typeof s.kind> | undefined;
    if (!write) throw new ExportError(`PyTorch export has no code for ${JSON.stringify(s)}.`);
    const input = layer.inputShape;
    write(
      {
        layer,
        spec: s as never,
        self: `self.${layer.name}`,
        input,
        out: layer.outputShape,
        last: input.at(-1) ?? 0,
      },
      this,
    );
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

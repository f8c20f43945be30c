/**
 * Composite blocks: one entry in the design that stands for several layers. Their shape rule and
 * their build both go through `expandBlock`, so a block and its expansion always agree.
 */
import { ACTIVATIONS, formatShape, type LayerOf, type LayerSpec, type Shape } from '../spec';
import { message, type Message } from '../../shared/messages/message';
import {
  checkInt,
  checkRate,
  fail,
  setting,
  layerProblem,
  type InferContext,
  type LayerShapeResult,
  type LayerType,
} from './types';

export type BlockKind = 'residualblock' | 'transformerblock';
export type BlockSpec = LayerOf<BlockKind>;

export function isBlock(layer: LayerSpec): layer is BlockSpec {
  return layer.kind === 'residualblock' || layer.kind === 'transformerblock';
}

/**
 * The layers a block stands for. `previousId` is the id of whatever feeds the block (the skip
 * connections start there); `input` is the block's input shape (the last Dense needs its width).
 */
export function expandBlock(block: BlockSpec, previousId: string, input: Shape): LayerSpec[] {
  const id = (part: string) => `${block.id}_${part}`;
  if (block.kind === 'residualblock') {
    const body: LayerSpec[] =
      block.variant === 'dense'
        ? [
            { id: id('dense1'), kind: 'dense', units: block.width, activation: block.activation },
            { id: id('dense2'), kind: 'dense', units: block.width, activation: 'linear' },
          ]
        : [
            conv(id('conv1'), block.width, block.activation),
            conv(id('conv2'), block.width, 'linear'),
          ];
    return [
      ...body,
      { id: id('add'), kind: 'add', from: previousId },
      { id: id('act'), kind: 'activation', activation: block.activation },
    ];
  }
  const d = input.at(-1) ?? 0;
  const dropout: LayerSpec[] =
    block.dropout > 0 ? [{ id: id('drop'), kind: 'dropout', rate: block.dropout }] : [];
  return [
    { id: id('norm1'), kind: 'layernorm', epsilon: 1e-6 },
    {
      id: id('attention'),
      kind: 'attention',
      numHeads: block.numHeads,
      keyDim: block.keyDim,
      causal: block.causal,
      dropout: block.dropout,
    },
    { id: id('add1'), kind: 'add', from: previousId },
    { id: id('norm2'), kind: 'layernorm', epsilon: 1e-6 },
    { id: id('ff1'), kind: 'dense', units: block.ffUnits, activation: 'gelu' },
    { id: id('ff2'), kind: 'dense', units: d, activation: 'linear' },
    ...dropout,
    { id: id('add2'), kind: 'add', from: id('add1') },
  ];
}

function conv(id: string, filters: number, activation: LayerOf<'conv2d'>['activation']): LayerSpec {
  return { id, kind: 'conv2d', filters, kernelSize: 3, strides: 1, padding: 'same', activation };
}

/** Shape rule shared by blocks: expand, walk the expansion, report its first problem. */
function inferExpanded(
  block: BlockSpec,
  name: Message,
  input: Shape,
  ctx: InferContext,
): LayerShapeResult {
  const inner = ctx.inferStack(expandBlock(block, '__block_input', input), input, '__block_input');
  const first = inner.problems[0];
  if (first) {
    return fail(layerProblem('layers.insideBlock', { block: name, ...first }));
  }
  if (!inner.output) return fail(layerProblem('layers.insideBlockInvalid', { block: name }));
  return { ok: true, outputShape: inner.output, params: inner.totalParams };
}

export const residualblock: LayerType<'residualblock'> = {
  kind: 'residualblock',
  label: 'Residual block',
  group: 'Blocks',
  summary:
    'Two layers whose output is added to the block’s input (a skip connection), then an activation.',
  fields: [
    { key: 'variant', label: 'type', type: 'enum', options: ['dense', 'conv'] },
    { key: 'width', label: 'width', type: 'int', min: 1, max: 1024 },
    { key: 'activation', label: 'activation', type: 'enum', options: ACTIVATIONS },
  ],
  create: (id) => ({ id, kind: 'residualblock', variant: 'dense', width: 16, activation: 'relu' }),
  infer(layer, input, ctx) {
    const bad = checkInt(layer.width, 'width', 1);
    if (bad) return fail(bad);
    const channels = input.at(-1) ?? 0;
    if (layer.variant === 'conv' && input.length !== 3) {
      return fail(layerProblem('layers.convResidualNeedsImage', { shape: formatShape(input) }));
    }
    if (channels !== layer.width) {
      return fail(
        layerProblem(
          layer.variant === 'conv' ? 'layers.residualWidthFilters' : 'layers.residualWidthUnits',
          { width: layer.width, channels },
        ),
        setting('layers.fix.width', 'width', channels),
      );
    }
    return inferExpanded(layer, message('layers.residualBlockName'), input, ctx);
  },
};

export const transformerblock: LayerType<'transformerblock'> = {
  kind: 'transformerblock',
  label: 'Transformer encoder block',
  group: 'Blocks',
  summary: 'Pre-norm: LayerNorm → self-attention → Add → LayerNorm → feed-forward → Add.',
  fields: [
    { key: 'numHeads', label: 'heads', type: 'int', min: 1, max: 16 },
    { key: 'keyDim', label: 'key dim', type: 'int', min: 1, max: 256 },
    { key: 'ffUnits', label: 'ff units', type: 'int', min: 1, max: 4096 },
    { key: 'dropout', label: 'dropout', type: 'float', min: 0, max: 0.9, step: 0.05 },
    { key: 'causal', label: 'causal', type: 'bool' },
  ],
  create: (id) => ({
    id,
    kind: 'transformerblock',
    numHeads: 2,
    keyDim: 8,
    ffUnits: 64,
    dropout: 0,
    causal: false,
  }),
  infer(layer, input, ctx) {
    const bad =
      checkInt(layer.numHeads, 'heads', 1) ??
      checkInt(layer.keyDim, 'keyDimension', 1) ??
      checkInt(layer.ffUnits, 'feedForwardUnits', 1) ??
      checkRate(layer.dropout, 'dropout');
    if (bad) return fail(bad);
    if (input.length !== 2) {
      return fail(layerProblem('layers.transformerNeedsSequence', { shape: formatShape(input) }));
    }
    return inferExpanded(layer, message('layers.transformerBlockName'), input, ctx);
  },
};

/**
 * The registry of layer types: one entry per kind (see layerTypes/). Adding a layer type means
 * adding one entry here, its file in layerTypes/, its tfjs builder in layerBuilders/ and its
 * PyTorch writer in export/torchLayers/ (the compiler asks for both).
 */
import { residualblock, transformerblock } from './layerTypes/blocks';
import {
  avgpool2d,
  conv2d,
  globalavgpool1d,
  globalavgpool2d,
  maxpool2d,
} from './layerTypes/convolution';
import { activation, dense, dropout, flatten, reshape } from './layerTypes/core';
import { add, concatenate } from './layerTypes/merge';
import { batchnorm, layernorm } from './layerTypes/normalization';
import { attention, embedding, gru, lstm, positional, simplernn } from './layerTypes/sequence';
import type { InferContext, LayerShapeResult, LayerType } from './layerTypes/types';
import type { LayerKind, LayerSpec, Shape } from './spec';
import { outOfRange } from './fieldRanges';

export type { FieldSpec, InferContext, LayerShapeResult, LayerType } from './layerTypes/types';
export { windowOutput } from './layerTypes/types';

export const LAYER_TYPES: { [K in LayerKind]: LayerType<K> } = {
  dense,
  dropout,
  flatten,
  reshape,
  activation,
  conv2d,
  maxpool2d,
  avgpool2d,
  globalavgpool1d,
  globalavgpool2d,
  batchnorm,
  layernorm,
  embedding,
  simplernn,
  lstm,
  gru,
  attention,
  positional,
  add,
  concatenate,
  residualblock,
  transformerblock,
};

export const LAYER_KINDS = Object.keys(LAYER_TYPES) as LayerKind[];

/** Runs the shape rule of any layer (the cast keeps the kind and spec types paired). */
export function inferLayer(layer: LayerSpec, input: Shape, ctx: InferContext): LayerShapeResult {
  const type = LAYER_TYPES[layer.kind] as LayerType<typeof layer.kind>;
  const result = type.infer(layer as never, input, ctx);
  // The type's own checks say more where they apply (a Dense of 0 units); the designer's ranges
  // catch the rest (a Dense of two billion units from a file).
  const beyond = result.ok ? outOfRange(type.fields, layer) : null;
  return beyond ? { ok: false, problem: beyond } : result;
}

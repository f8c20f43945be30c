/**
 * The PyTorch writer of each applied layer kind: one file per family in torchLayers/ (as the layer
 * types in ../layerTypes/), each exporting one writer per kind, named by the kind. Adding a layer
 * kind means adding its writer to its family's file; the compiler asks for it here.
 */
import * as convolution from './torchLayers/convolution';
import * as core from './torchLayers/core';
import * as merge from './torchLayers/merge';
import * as normalization from './torchLayers/normalization';
import * as sequence from './torchLayers/sequence';
import type { AppliedKind, TorchLayerWriter } from './torchLayers/types';

export const TORCH_LAYERS: { [K in AppliedKind]: TorchLayerWriter<K> } = {
  ...core,
  ...convolution,
  ...normalization,
  ...sequence,
  ...merge,
};

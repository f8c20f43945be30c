/**
 * The tfjs builder of each applied layer kind: one file per family in layerBuilders/ (as the layer
 * types in layerTypes/), each exporting one builder per kind, named by the kind. Adding a layer
 * kind means adding its builder to its family's file; the compiler asks for it here.
 */
import * as convolution from './layerBuilders/convolution';
import * as core from './layerBuilders/core';
import * as merge from './layerBuilders/merge';
import * as normalization from './layerBuilders/normalization';
import * as sequence from './layerBuilders/sequence';
import type { AppliedKind, LayerBuilder } from './layerBuilders/types';

export const LAYER_BUILDERS: { [K in AppliedKind]: LayerBuilder<K> } = {
  ...core,
  ...convolution,
  ...normalization,
  ...sequence,
  ...merge,
};

/** Add and Concatenate: the previous layer's output joined with an earlier layer's. */
import * as tf from '@tensorflow/tfjs';
import type { AppliedSpec } from '../layerNames';
import type { LayerBuild, LayerBuilder, Sym } from './types';

function merged(b: LayerBuild<Extract<AppliedSpec, { kind: 'add' | 'concatenate' }>>): Sym {
  const { spec, name, x, run, outputOf } = b;
  const other = outputOf(spec.from);
  if (!other) throw new Error(`Layer "${spec.id}" takes input from unknown layer "${spec.from}".`);
  return run(spec.kind === 'add' ? tf.layers.add({ name }) : tf.layers.concatenate({ name }), [
    x,
    other,
  ]);
}

export const add: LayerBuilder<'add'> = merged;
export const concatenate: LayerBuilder<'concatenate'> = merged;

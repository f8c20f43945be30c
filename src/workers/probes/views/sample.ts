/** The chosen sample itself: its inputs, true label, tokens and the model's output for it. */
import type * as tf from '@tensorflow/tfjs';
import { cut, type Slot } from '../packer';
import type { ProbeView } from './types';

interface Packed {
  x: Float32Array;
  index: number | null;
  output: Slot;
}

export const sample: ProbeView<'sample', Packed> = {
  part: 'sample',
  wanted: (views) => views.activations || views.attention || views.graph,
  compute(cycle) {
    const forward = cycle.sample();
    if (!forward) return null;
    const output = forward.outputs[cycle.models.outputIndex] as tf.Tensor;
    return { x: forward.x, index: forward.index, output: cycle.packer.add(output) };
  },
  unpack(flat, packed, { settings, validation, tokens }) {
    const { x, index } = packed;
    const labels = validation.labelsPerSample;
    const picked = settings.sample.kind === 'custom' ? settings.sample.label : undefined;
    const label =
      index !== null
        ? validation.data.y.slice(index * labels, (index + 1) * labels)
        : picked
          ? picked.slice()
          : null;
    return {
      index,
      x: x.slice(),
      label,
      output: cut(flat, packed.output),
      tokens: tokens ? Array.from(x, (id) => tokens[id] ?? String(id)) : null,
    };
  },
};

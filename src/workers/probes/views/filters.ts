/** The first convolution's kernels for its first input channel: what its filters look for. */
import { cut, type Slot } from '../packer';
import type { PartOf, ProbeView } from './types';

type Packed = Omit<PartOf<'filters'>, 'values'> & { slot: Slot };

export const filters: ProbeView<'filters', Packed> = {
  part: 'filters',
  // Shown in the histograms view, under the weights.
  wanted: (views) => views.histograms,
  compute({ run, packer }) {
    const conv = run.model.layers.find((l) => l.getClassName() === 'Conv2D');
    const kernel = conv?.getWeights()[0]; // [kh, kw, in, filters]
    if (!conv || !kernel || kernel.rank !== 4) return null;
    const [kh = 1, kw = 1, , count = 1] = kernel.shape;
    const slot = packer.add(kernel.slice([0, 0, 0, 0], [kh, kw, 1, count]));
    return { layer: conv.name, shape: [kh, kw, count], slot };
  },
  unpack: (flat, { slot, ...filters }) => ({ ...filters, values: cut(flat, slot) }),
};

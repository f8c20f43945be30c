/** Every top-level layer's output for the chosen sample, cut down for display. */
import type { LayerActivation } from '../../../shared/protocol';
import { downsampleActivation } from '../gpuStats';
import { cut, type Slot } from '../packer';
import { sampleOutputs } from '../sampleForward';
import type { ProbeView } from './types';

type Packed = (Omit<LayerActivation, 'values'> & { slot: Slot })[];

export const activations: ProbeView<'activations', Packed> = {
  part: 'activations',
  wanted: (views) => views.activations || views.graph,
  compute({ sample, models, packer }) {
    const layers = sampleOutputs(sample(), models.layerIds, models.layerIndex);
    return (
      layers?.map(({ name, output }) => {
        const { shape, values } = downsampleActivation(output);
        return { id: name, shape, fullShape: output.shape.slice(1), slot: packer.add(values) };
      }) ?? null
    );
  },
  unpack: (flat, layers) =>
    layers.map(({ slot, ...layer }) => ({ ...layer, values: cut(flat, slot) })),
};

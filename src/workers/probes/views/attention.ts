/** Every attention layer's maps for the chosen sample (blocks have their own attention layers). */
import type { AttentionMaps } from '../../../shared/protocol';
import { cut, type Slot } from '../packer';
import { sampleOutputs } from '../sampleForward';
import type { ProbeView } from './types';

type Packed = (Omit<AttentionMaps, 'maps'> & { slot: Slot })[];

export const attention: ProbeView<'attention', Packed> = {
  part: 'attention',
  wanted: (views) => views.attention,
  compute({ sample, models, packer }) {
    const layers = sampleOutputs(sample(), models.attentionNames, models.attentionIndex);
    return (
      layers?.map(({ name, output: maps }) => {
        const [, heads = 1, length = 1] = maps.shape; // [1, heads, T, T]
        return { layer: name, heads, length, slot: packer.add(maps) };
      }) ?? null
    );
  },
  unpack: (flat, layers) =>
    layers.map(({ slot, ...layer }) => ({ ...layer, maps: cut(flat, slot) })),
};

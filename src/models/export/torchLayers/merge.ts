/** Add and Concatenate as PyTorch: `x` joined with a kept earlier output. */
import type { TorchLayerWriter } from './types';

export const add: TorchLayerWriter<'add'> = ({ spec: s, out }, w) => {
  w.code.forward.push(`x = x + ${w.source(s.from, out)}  # ${w.shape(out)}`);
};

export const concatenate: TorchLayerWriter<'concatenate'> = ({ spec: s, out }, w) => {
  const dim = out.length === 3 && w.layout === 'channelsFirst' ? 1 : -1;
  w.code.forward.push(
    `x = torch.cat([x, ${w.source(s.from, out)}], dim=${dim})  # ${w.shape(out)}`,
  );
};

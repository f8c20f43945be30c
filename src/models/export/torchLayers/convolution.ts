/** Conv2D, pooling and global average pooling as PyTorch, channels-first around torch's ops. */
import { kernelFans } from '../initializers';
import type { LayerOf } from '../../spec';
import type { TorchLayer, TorchLayerWriter, TorchModelWriter } from './types';

export const conv2d: TorchLayerWriter<'conv2d'> = (
  { layer, spec: s, self, input, out, last },
  w,
) => {
  const f = w.code.forward;
  const k = s.kernelSize;
  const fans = kernelFans([k, k, last, s.filters]);
  f.push(...w.toLayout('channelsFirst', input));
  w.module(layer, [
    `${self} = nn.Conv2d(in_channels=${last}, out_channels=${s.filters}, kernel_size=${k}, stride=${s.strides}, padding=0, bias=True)${s.padding === 'same' ? '  # "same": padded in forward, as TensorFlow pads' : ''}`,
  ]);
  w.kernelInit(s, `${self}.weight`, fans.fanIn, fans.fanOut);
  w.code.init.push(`nn.init.zeros_(${self}.bias)`);
  if (s.padding === 'same') w.use('pad_same');
  const padded = s.padding === 'same' ? `pad_same(x, ${k}, ${s.strides})` : 'x';
  f.push(`x = ${self}(${padded})  # ${w.shape(out)}`, ...w.activation(s.activation, layer));
  w.weight(
    `${layer.name}/kernel`,
    `${self}.weight`,
    'conv_kernel',
    `[${k}, ${k}, ${last}, ${s.filters}] -> [${s.filters}, ${last}, ${k}, ${k}]`,
  );
  w.weight(`${layer.name}/bias`, `${self}.bias`, 'as_is');
  w.penalize(s, `${self}.weight`);
};

/** Max and average pooling share their window arguments. */
function pool2d(
  { spec: s, input, out }: TorchLayer<LayerOf<'maxpool2d' | 'avgpool2d'>>,
  w: TorchModelWriter,
): void {
  const f = w.code.forward;
  f.push(...w.toLayout('channelsFirst', input));
  const p = s.poolSize;
  const window = `kernel_size=${p}, stride=${s.strides}`;
  if (s.kind === 'maxpool2d') {
    if (s.padding === 'same') w.use('pad_same');
    const padded = s.padding === 'same' ? `pad_same(x, ${p}, ${s.strides}, value=-math.inf)` : 'x';
    f.push(`x = F.max_pool2d(${padded}, ${window})  # ${w.shape(out)}`);
  } else if (s.padding === 'same') {
    w.use('avg_pool_same');
    f.push(`x = avg_pool_same(x, ${p}, ${s.strides})  # ${w.shape(out)}`);
  } else {
    f.push(`x = F.avg_pool2d(x, ${window})  # ${w.shape(out)}`);
  }
}

export const maxpool2d: TorchLayerWriter<'maxpool2d'> = pool2d;
export const avgpool2d: TorchLayerWriter<'avgpool2d'> = pool2d;

export const globalavgpool1d: TorchLayerWriter<'globalavgpool1d'> = ({ out }, w) => {
  w.code.forward.push(`x = x.mean(dim=1)  # mean over the steps: ${w.shape(out)}`);
};

export const globalavgpool2d: TorchLayerWriter<'globalavgpool2d'> = ({ out }, w) => {
  w.code.forward.push(
    w.layout === 'channelsFirst'
      ? `x = x.mean(dim=(2, 3))  # mean over height and width: ${w.shape(out)}`
      : `x = x.mean(dim=(1, 2))  # mean over height and width: ${w.shape(out)}`,
  );
};

/** BatchNormalization (the program's own module, tfjs's formulas) and LayerNorm as PyTorch. */
import { pyFloat } from '../python';
import type { TorchLayerWriter } from './types';

export const batchnorm: TorchLayerWriter<'batchnorm'> = (
  { layer, spec: s, self, input, out, last },
  w,
) => {
  const axis = input.length === 3 && w.layout === 'channelsFirst' ? 1 : -1;
  w.module(layer, [
    `${self} = BatchNormalization(features=${last}, momentum=${pyFloat(s.momentum)}, epsilon=${pyFloat(s.epsilon)}, axis=${axis})`,
  ]);
  w.use('BatchNormalization');
  w.code.init.push(`nn.init.ones_(${self}.gamma)`, `nn.init.zeros_(${self}.beta)`);
  w.code.forward.push(`x = ${self}(x)  # ${w.shape(out)}`);
  for (const name of ['gamma', 'beta', 'moving_mean', 'moving_variance']) {
    w.weight(`${layer.name}/${name}`, `${self}.${name}`, 'as_is');
  }
};

export const layernorm: TorchLayerWriter<'layernorm'> = (
  { layer, spec: s, self, input, out, last },
  w,
) => {
  w.code.forward.push(...w.toLayout('channelsLast', input));
  w.module(layer, [
    `${self} = nn.LayerNorm(normalized_shape=${last}, eps=${pyFloat(s.epsilon)}, elementwise_affine=True)  # over the last axis`,
  ]);
  w.code.init.push(`nn.init.ones_(${self}.weight)`, `nn.init.zeros_(${self}.bias)`);
  w.code.forward.push(`x = ${self}(x)  # ${w.shape(out)}`);
  w.weight(`${layer.name}/gamma`, `${self}.weight`, 'as_is');
  w.weight(`${layer.name}/beta`, `${self}.bias`, 'as_is');
};

/** Dense, Dropout, Flatten, Reshape and Activation as PyTorch. */
import { pyFloat, pyTuple } from '../python';
import type { TorchLayerWriter } from './types';

export const dense: TorchLayerWriter<'dense'> = ({ layer, spec: s, self, out, last }, w) => {
  w.module(layer, [`${self} = nn.Linear(in_features=${last}, out_features=${s.units}, bias=True)`]);
  w.kernelInit(s, `${self}.weight`, last, s.units);
  w.code.init.push(`nn.init.zeros_(${self}.bias)`);
  w.code.forward.push(`x = ${self}(x)  # ${w.shape(out)}`, ...w.activation(s.activation, layer));
  w.weight(
    `${layer.name}/kernel`,
    `${self}.weight`,
    'transposed',
    `[${last}, ${s.units}] -> [${s.units}, ${last}]`,
  );
  w.weight(`${layer.name}/bias`, `${self}.bias`, 'as_is');
  w.penalize(s, `${self}.weight`);
};

export const dropout: TorchLayerWriter<'dropout'> = ({ layer, spec: s, self }, w) => {
  w.module(layer, [`${self} = nn.Dropout(p=${pyFloat(s.rate)})  # only while training`]);
  w.code.forward.push(`x = ${self}(x)`);
};

export const flatten: TorchLayerWriter<'flatten'> = ({ input, out }, w) => {
  w.code.forward.push(...w.toLayout('channelsLast', input));
  w.code.forward.push(`x = torch.flatten(x, start_dim=1)  # ${w.shape(out)}`);
};

export const reshape: TorchLayerWriter<'reshape'> = ({ spec: s, input, out }, w) => {
  w.code.forward.push(...w.toLayout('channelsLast', input));
  w.code.forward.push(
    `x = x.reshape((x.shape[0],) + ${pyTuple(s.targetShape)})  # ${w.shape(out)}`,
  );
  w.layout = 'channelsLast';
};

export const activation: TorchLayerWriter<'activation'> = ({ layer, spec: s }, w) => {
  w.code.forward.push(...w.activation(s.activation, layer));
};

/**
 * Embedding, SimpleRNN/LSTM (torch's modules, one bias frozen at 0), GRU, self-attention and
 * positional embeddings (the program's own modules, in tfjs's layout) as PyTorch.
 */
import { pyBool, pyFloat, pyStr } from '../python';
import type { LayerOf } from '../../spec';
import type { TorchLayer, TorchLayerWriter, TorchModelWriter } from './types';

export const embedding: TorchLayerWriter<'embedding'> = ({ layer, spec: s, self, out }, w) => {
  w.module(layer, [
    `${self} = nn.Embedding(num_embeddings=${s.inputDim}, embedding_dim=${s.outputDim})`,
  ]);
  w.code.init.push(
    `nn.init.uniform_(${self}.weight, -0.05, 0.05)  # Keras's embeddings default, as LayerLab`,
  );
  w.code.forward.push(`x = ${self}(x.long())  # ids -> vectors: ${w.shape(out)}`);
  w.weight(`${layer.name}/embeddings`, `${self}.weight`, 'as_is');
  w.penalize(s, `${self}.weight`);
};

/** SimpleRNN and LSTM: torch's own modules, which differ in their gates. */
function recurrent(
  { layer, spec: s, self, input, out, last }: TorchLayer<LayerOf<'simplernn' | 'lstm'>>,
  w: TorchModelWriter,
): void {
  const u = s.units;
  const gates = s.kind === 'lstm' ? 4 : 1;
  const make =
    s.kind === 'lstm'
      ? `nn.LSTM(input_size=${last}, hidden_size=${u}, num_layers=1, bias=True, batch_first=True, bidirectional=False)  # sigmoid gates, tanh cell, as Keras`
      : `nn.RNN(input_size=${last}, hidden_size=${u}, num_layers=1, nonlinearity='tanh', bias=True, batch_first=True, bidirectional=False)`;
  w.module(layer, [
    `${self} = ${make}`,
    "# Keras has one bias; torch adds bias_ih and bias_hh. bias_hh stays 0 (frozen), bias_ih is Keras's.",
    `${self}.bias_hh_l0.requires_grad_(False)`,
  ]);
  w.kernelInit(s, `${self}.weight_ih_l0`, last, gates * u);
  w.code.init.push(
    `nn.init.orthogonal_(${self}.weight_hh_l0, gain=1.0)  # Keras's orthogonal recurrent kernel`,
    `nn.init.zeros_(${self}.bias_ih_l0)`,
    `nn.init.zeros_(${self}.bias_hh_l0)`,
  );
  if (s.kind === 'lstm') {
    w.code.init.push(
      `nn.init.ones_(${self}.bias_ih_l0[${u}:${2 * u}])  # unit_forget_bias: the forget gate starts open`,
    );
  }
  const f = w.code.forward;
  f.push(`x, _ = ${self}(x)  # every step: [B, ${input[0]}, ${u}]`);
  if (!s.returnSequences) f.push(`x = x[:, -1]  # the last step: ${w.shape(out)}`);
  const order = s.kind === 'lstm' ? '; gates i, f, c, o in both' : '';
  w.weight(
    `${layer.name}/kernel`,
    `${self}.weight_ih_l0`,
    'transposed',
    `[${last}, ${gates * u}] -> [${gates * u}, ${last}]${order}`,
  );
  w.weight(
    `${layer.name}/recurrent_kernel`,
    `${self}.weight_hh_l0`,
    'transposed',
    `[${u}, ${gates * u}] -> [${gates * u}, ${u}]`,
  );
  w.weight(`${layer.name}/bias`, `${self}.bias_ih_l0`, 'as_is', 'bias_hh_l0 stays 0');
  w.penalize(s, `${self}.weight_ih_l0`);
}

export const simplernn: TorchLayerWriter<'simplernn'> = recurrent;
export const lstm: TorchLayerWriter<'lstm'> = recurrent;

export const gru: TorchLayerWriter<'gru'> = ({ layer, spec: s, self, out, last }, w) => {
  const u = s.units;
  w.module(layer, [
    `${self} = GRU(input_size=${last}, units=${u}, return_sequences=${pyBool(s.returnSequences)})`,
  ]);
  w.use('GRU');
  w.kernelInit(s, `${self}.kernel`, last, 3 * u);
  w.code.init.push(
    `nn.init.orthogonal_(${self}.recurrent_kernel, gain=1.0)  # Keras's orthogonal recurrent kernel`,
    `nn.init.zeros_(${self}.bias)`,
  );
  w.code.forward.push(`x = ${self}(x)  # ${w.shape(out)}`);
  for (const name of ['kernel', 'recurrent_kernel', 'bias']) {
    w.weight(`${layer.name}/${name}`, `${self}.${name}`, 'as_is');
  }
  w.penalize(s, `${self}.kernel`);
};

export const attention: TorchLayerWriter<'attention'> = (
  { layer, spec: s, self, out, last },
  w,
) => {
  const inner = s.numHeads * s.keyDim;
  w.module(layer, [
    `${self} = MultiHeadSelfAttention(d_model=${last}, num_heads=${s.numHeads}, key_dim=${s.keyDim}, causal=${pyBool(s.causal)}, dropout=${pyFloat(s.dropout)})`,
  ]);
  w.use('MultiHeadSelfAttention', 'glorot_uniform_');
  for (const role of ['query', 'key', 'value', 'output']) {
    const [fanIn, fanOut] = role === 'output' ? [inner, last] : [last, inner];
    w.code.init.push(
      `glorot_uniform_(${self}.${role}_kernel, fan_in=${fanIn}, fan_out=${fanOut})`,
      `nn.init.zeros_(${self}.${role}_bias)`,
    );
    for (const part of ['kernel', 'bias']) {
      w.weight(`${layer.name}/${role}_${part}`, `${self}.${role}_${part}`, 'as_is');
    }
  }
  w.code.forward.push(`x = ${self}(x)  # ${w.shape(out)}`);
};

export const positional: TorchLayerWriter<'positional'> = (
  { layer, spec: s, self, out, last },
  w,
) => {
  w.module(layer, [
    `${self} = PositionalEmbedding(max_length=${s.maxLength}, d_model=${last}, mode=${pyStr(s.mode)})`,
  ]);
  w.use('PositionalEmbedding');
  if (s.mode === 'learned') {
    w.use('glorot_uniform_');
    w.code.init.push(
      `glorot_uniform_(${self}.embeddings, fan_in=${s.maxLength}, fan_out=${last})  # as keras-nlp and LayerLab`,
    );
    w.weight(`${layer.name}/embeddings`, `${self}.embeddings`, 'as_is');
  }
  w.code.forward.push(`x = ${self}(x)  # ${w.shape(out)}`);
};

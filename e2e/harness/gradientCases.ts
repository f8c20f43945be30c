// One tiny model per layer type, for comparing one training step's gradients across backends.
import type { LayerSpec, Shape } from '../../src/models/spec';

export interface GradientCase {
  name: string;
  inputShape: Shape;
  /** Token inputs are whole numbers below `vocab`; otherwise uniform in [-1, 1]. */
  vocab?: number;
  layers: LayerSpec[];
}

const dense3: LayerSpec = { id: 'out', kind: 'dense', units: 3, activation: 'softmax' };
const conv = (id: string, filters = 4): LayerSpec => ({
  id,
  kind: 'conv2d',
  filters,
  kernelSize: 3,
  strides: 1,
  padding: 'same',
  activation: 'relu',
});
const embed: LayerSpec = { id: 'emb', kind: 'embedding', inputDim: 7, outputDim: 8 };
const tokens = { inputShape: [5], vocab: 7 };

export const GRADIENT_CASES: GradientCase[] = [
  {
    name: 'dense',
    inputShape: [6],
    layers: [{ id: 'a', kind: 'dense', units: 5, activation: 'relu' }, dense3],
  },
  {
    name: 'conv2d',
    inputShape: [6, 6, 2],
    layers: [conv('c'), { id: 'f', kind: 'flatten' }, dense3],
  },
  {
    name: 'maxpool2d',
    inputShape: [6, 6, 2],
    layers: [
      conv('c'),
      { id: 'p', kind: 'maxpool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { id: 'f', kind: 'flatten' },
      dense3,
    ],
  },
  {
    name: 'avgpool2d',
    inputShape: [6, 6, 2],
    layers: [
      conv('c'),
      { id: 'p', kind: 'avgpool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { id: 'f', kind: 'flatten' },
      dense3,
    ],
  },
  {
    name: 'globalavgpool2d',
    inputShape: [6, 6, 2],
    layers: [conv('c'), { id: 'g', kind: 'globalavgpool2d' }, dense3],
  },
  {
    name: 'batchnorm',
    inputShape: [6],
    layers: [
      { id: 'a', kind: 'dense', units: 8, activation: 'linear' },
      { id: 'bn', kind: 'batchnorm', momentum: 0.99, epsilon: 0.001 },
      dense3,
    ],
  },
  {
    name: 'layernorm',
    inputShape: [6],
    layers: [
      { id: 'a', kind: 'dense', units: 8, activation: 'linear' },
      { id: 'ln', kind: 'layernorm', epsilon: 0.001 },
      dense3,
    ],
  },
  {
    name: 'activations',
    inputShape: [6],
    layers: [
      { id: 'a', kind: 'dense', units: 8, activation: 'leakyRelu' },
      { id: 'b', kind: 'dense', units: 8, activation: 'elu' },
      { id: 'c', kind: 'dense', units: 8, activation: 'gelu' },
      { id: 'd', kind: 'dense', units: 8, activation: 'tanh' },
      { id: 'e', kind: 'activation', activation: 'sigmoid' },
      dense3,
    ],
  },
  {
    name: 'reshape',
    inputShape: [12],
    layers: [
      { id: 'r', kind: 'reshape', targetShape: [3, 4] },
      { id: 'g', kind: 'globalavgpool1d' },
      dense3,
    ],
  },
  {
    name: 'embedding + gap1d',
    ...tokens,
    layers: [embed, { id: 'g', kind: 'globalavgpool1d' }, dense3],
  },
  {
    name: 'simplernn',
    ...tokens,
    layers: [embed, { id: 'r', kind: 'simplernn', units: 4, returnSequences: false }, dense3],
  },
  {
    name: 'lstm',
    ...tokens,
    layers: [embed, { id: 'r', kind: 'lstm', units: 4, returnSequences: false }, dense3],
  },
  {
    name: 'gru',
    ...tokens,
    layers: [embed, { id: 'r', kind: 'gru', units: 4, returnSequences: false }, dense3],
  },
  {
    name: 'attention (causal) + learned positions',
    ...tokens,
    layers: [
      embed,
      { id: 'pos', kind: 'positional', mode: 'learned', maxLength: 5 },
      { id: 'att', kind: 'attention', numHeads: 2, keyDim: 4, causal: true, dropout: 0 },
      { id: 'g', kind: 'globalavgpool1d' },
      dense3,
    ],
  },
  {
    name: 'sinusoidal positions',
    ...tokens,
    layers: [
      embed,
      { id: 'pos', kind: 'positional', mode: 'sinusoidal', maxLength: 5 },
      { id: 'g', kind: 'globalavgpool1d' },
      dense3,
    ],
  },
  {
    name: 'add + concatenate',
    inputShape: [6],
    layers: [
      { id: 'a', kind: 'dense', units: 4, activation: 'relu' },
      { id: 'b', kind: 'dense', units: 4, activation: 'relu' },
      { id: 'sum', kind: 'add', from: 'a' },
      { id: 'cat', kind: 'concatenate', from: 'a' },
      dense3,
    ],
  },
  {
    name: 'residual block (dense)',
    inputShape: [6],
    layers: [
      { id: 'a', kind: 'dense', units: 4, activation: 'relu' },
      { id: 'res', kind: 'residualblock', variant: 'dense', width: 4, activation: 'relu' },
      dense3,
    ],
  },
  {
    name: 'transformer block',
    ...tokens,
    layers: [
      embed,
      {
        id: 't',
        kind: 'transformerblock',
        numHeads: 2,
        keyDim: 4,
        ffUnits: 8,
        dropout: 0,
        causal: false,
      },
      { id: 'g', kind: 'globalavgpool1d' },
      dense3,
    ],
  },
];

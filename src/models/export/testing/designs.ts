/**
 * Designs the export tests run: four presets and two mixes that reach every other layer kind
 * (GRU, SimpleRNN, causal attention with dropout, sinusoidal positions, concatenation, batch and
 * layer normalisation on images and vectors, leakyRelu, "same" pooling with odd windows, even
 * kernels, Reshape both ways, global pooling, L1/L2 penalties, every initialiser).
 */
import { builtinDataset, type DatasetInfo } from '../../../data/datasets';
import { PRESETS } from '../../presets';
import type { ModelSpec } from '../../spec';
import { DEFAULT_TRAINING, type TrainingConfig } from '../../trainingConfig';

export interface ExportCase {
  id: string;
  spec: ModelSpec;
  info: DatasetInfo;
  training: TrainingConfig;
}

function preset(id: string): ExportCase {
  const p = PRESETS.find((candidate) => candidate.id === id);
  if (!p) throw new Error(`No preset ${id}.`);
  return { id, spec: p.spec, info: builtinDataset(p.dataset.id), training: p.training };
}

const sequenceMix: ExportCase = {
  id: 'sequence-mix',
  info: builtinDataset('reverse'),
  training: { ...DEFAULT_TRAINING, optimizer: 'rmsprop' },
  spec: {
    version: 1,
    layers: [
      { id: 'emb', kind: 'embedding', inputDim: 10, outputDim: 12, l2: 0.001 },
      { id: 'pos', kind: 'positional', mode: 'sinusoidal', maxLength: 12 },
      { id: 'att', kind: 'attention', numHeads: 2, keyDim: 4, causal: true, dropout: 0.1 },
      { id: 'res', kind: 'add', from: 'pos' },
      { id: 'gru', kind: 'gru', units: 10, returnSequences: true, kernelInitializer: 'heNormal' },
      { id: 'cat', kind: 'concatenate', from: 'emb' },
      {
        id: 'rnn',
        kind: 'simplernn',
        units: 8,
        returnSequences: true,
        kernelInitializer: 'lecunNormal',
        l1: 0.001,
      },
      { id: 'ln', kind: 'layernorm', epsilon: 0.001 },
      { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
    ],
  },
};

const imageMix: ExportCase = {
  id: 'image-mix',
  info: builtinDataset('mnist'),
  training: { ...DEFAULT_TRAINING, optimizer: 'adagrad', learningRate: 0.05 },
  spec: {
    version: 1,
    layers: [
      {
        id: 'c1',
        kind: 'conv2d',
        filters: 4,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'leakyRelu',
        kernelInitializer: 'heNormal',
        l2: 0.0005,
      },
      { id: 'bn1', kind: 'batchnorm', momentum: 0.9, epsilon: 0.001 },
      { id: 'avg', kind: 'avgpool2d', poolSize: 3, strides: 2, padding: 'same' },
      { id: 'res', kind: 'residualblock', variant: 'conv', width: 4, activation: 'elu' },
      { id: 'max', kind: 'maxpool2d', poolSize: 2, strides: 1, padding: 'same' },
      { id: 'ln', kind: 'layernorm', epsilon: 0.001 },
      { id: 'soft', kind: 'activation', activation: 'softmax' },
      { id: 'cat', kind: 'concatenate', from: 'res' },
      {
        id: 'c2',
        kind: 'conv2d',
        filters: 6,
        kernelSize: 2,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
        kernelInitializer: 'glorotNormal',
      },
      { id: 'seq', kind: 'reshape', targetShape: [36, 6] },
      {
        id: 'lstm',
        kind: 'lstm',
        units: 5,
        returnSequences: false,
        kernelInitializer: 'heUniform',
      },
      { id: 'd1', kind: 'dense', units: 16, activation: 'sigmoid', l1: 0.001 },
      { id: 'img', kind: 'reshape', targetShape: [4, 4, 1] },
      {
        id: 'c3',
        kind: 'conv2d',
        filters: 3,
        kernelSize: 3,
        strides: 2,
        padding: 'same',
        activation: 'tanh',
      },
      { id: 'gap', kind: 'globalavgpool2d' },
      { id: 'drop', kind: 'dropout', rate: 0.2 },
      { id: 'bn2', kind: 'batchnorm', momentum: 0.99, epsilon: 0.01 },
      { id: 'act', kind: 'activation', activation: 'leakyRelu' },
      { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
    ],
  },
};

export const EXPORT_CASES: readonly ExportCase[] = [
  preset('mnist-mlp'),
  preset('mnist-cnn'),
  preset('reverse-lstm'),
  preset('reverse-transformer'),
  preset('sentiment-embedding'),
  sequenceMix,
  imageMix,
];

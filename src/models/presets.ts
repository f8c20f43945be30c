/**
 * Ready-made designs from the seeds, each a complete starting point (dataset, layers, settings).
 * Loading one is an explicit user action; the designer never swaps a design on its own.
 */
import { defaultChoiceFor } from '../data/datasets';
import type { ModelSpec } from './spec';
import {
  DEFAULT_DATASET,
  DEFAULT_TRAINING,
  type DatasetChoice,
  type TrainingConfig,
} from './trainingConfig';

export interface Preset {
  id: string;
  name: string;
  spec: ModelSpec;
  dataset: DatasetChoice;
  training: TrainingConfig;
}

/** A built-in dataset with its own default settings (sequence length, vocabulary…). */
function datasetDefaults(id: string): DatasetChoice {
  return { ...DEFAULT_DATASET, ...defaultChoiceFor(id) };
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'spiral-mlp',
    name: 'Spiral MLP 2-16-16-2 (Adam)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'dense', units: 16, activation: 'relu' },
        { id: 'l2', kind: 'dense', units: 16, activation: 'relu' },
        { id: 'l3', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    },
    dataset: DEFAULT_DATASET,
    training: DEFAULT_TRAINING,
  },
  {
    id: 'toy-231',
    name: 'Toy net 2-3-1 with MSE (XOR)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'dense', units: 3, activation: 'tanh' },
        { id: 'l2', kind: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
    dataset: { ...DEFAULT_DATASET, id: 'xor', noise: 0, samples: 400 },
    training: { ...DEFAULT_TRAINING, loss: 'meanSquaredError', learningRate: 0.05, epochs: 100 },
  },
  {
    id: 'mnist-mlp',
    name: 'MNIST MLP 784-64-64-10 (Adam)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'flatten' },
        { id: 'l2', kind: 'dense', units: 64, activation: 'relu' },
        { id: 'l3', kind: 'dense', units: 64, activation: 'relu' },
        { id: 'l4', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
    dataset: { ...DEFAULT_DATASET, id: 'mnist' },
    training: { ...DEFAULT_TRAINING, learningRate: 0.001, epochs: 3, validationSplit: 0.1 },
  },
  {
    id: 'mnist-cnn',
    name: 'MNIST CNN conv32-conv64-fc128-fc10 (SGD + momentum)',
    spec: {
      version: 1,
      layers: [
        {
          id: 'l1',
          kind: 'conv2d',
          filters: 32,
          kernelSize: 3,
          strides: 1,
          padding: 'same',
          activation: 'relu',
        },
        { id: 'l2', kind: 'maxpool2d', poolSize: 2, strides: 2, padding: 'valid' },
        {
          id: 'l3',
          kind: 'conv2d',
          filters: 64,
          kernelSize: 3,
          strides: 1,
          padding: 'same',
          activation: 'relu',
        },
        { id: 'l4', kind: 'maxpool2d', poolSize: 2, strides: 2, padding: 'valid' },
        { id: 'l5', kind: 'flatten' },
        { id: 'l6', kind: 'dense', units: 128, activation: 'relu' },
        { id: 'l7', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
    dataset: { ...DEFAULT_DATASET, id: 'mnist' },
    training: {
      ...DEFAULT_TRAINING,
      optimizer: 'momentum',
      learningRate: 0.01,
      epochs: 3,
      validationSplit: 0.1,
    },
  },
  {
    id: 'reverse-transformer',
    name: 'Transformer on sequence reversal',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'embedding', inputDim: 10, outputDim: 32 },
        { id: 'l2', kind: 'positional', mode: 'learned', maxLength: 8 },
        {
          id: 'l3',
          kind: 'transformerblock',
          numHeads: 2,
          keyDim: 16,
          ffUnits: 64,
          dropout: 0,
          causal: false,
        },
        { id: 'l4', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
    dataset: { ...DEFAULT_DATASET, id: 'reverse', noise: 0, samples: 2000 },
    training: { ...DEFAULT_TRAINING, learningRate: 0.005, epochs: 20, validationSplit: 0.1 },
  },
  {
    id: 'reverse-lstm',
    name: 'LSTM on sequence reversal',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'embedding', inputDim: 10, outputDim: 16 },
        { id: 'l2', kind: 'lstm', units: 64, returnSequences: true },
        { id: 'l3', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
    dataset: { ...DEFAULT_DATASET, id: 'reverse', noise: 0, samples: 2000 },
    training: { ...DEFAULT_TRAINING, learningRate: 0.01, epochs: 20, validationSplit: 0.1 },
  },
  {
    id: 'sine-regression',
    name: 'Regression 1-32-32-1 with MSE (noisy sine)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'dense', units: 32, activation: 'tanh' },
        { id: 'l2', kind: 'dense', units: 32, activation: 'tanh' },
        { id: 'l3', kind: 'dense', units: 1, activation: 'linear' },
      ],
    },
    dataset: { ...datasetDefaults('sine'), noise: 0.1 },
    training: { ...DEFAULT_TRAINING, loss: 'meanSquaredError', learningRate: 0.01, epochs: 200 },
  },
  {
    id: 'iris-mlp',
    name: 'Iris flowers 4-16-3 (Adam)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'dense', units: 16, activation: 'relu' },
        { id: 'l2', kind: 'dense', units: 3, activation: 'softmax' },
      ],
    },
    dataset: datasetDefaults('iris'),
    training: { ...DEFAULT_TRAINING, batchSize: 16, epochs: 100 },
  },
  {
    id: 'sentiment-embedding',
    name: 'Text classifier: Embedding → GlobalAveragePooling1D → Dense (review sentiment)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'embedding', inputDim: 10000, outputDim: 16 },
        { id: 'l2', kind: 'globalavgpool1d' },
        { id: 'l3', kind: 'dense', units: 32, activation: 'relu' },
        { id: 'l4', kind: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
    dataset: datasetDefaults('sentiment'),
    training: { ...DEFAULT_TRAINING, loss: 'binaryCrossentropy', learningRate: 0.005, epochs: 15 },
  },
  {
    id: 'sentiment-lstm',
    name: 'LSTM sequence classifier: Embedding → LSTM → Dense (review sentiment)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'embedding', inputDim: 10000, outputDim: 16 },
        { id: 'l2', kind: 'lstm', units: 32, returnSequences: false },
        { id: 'l3', kind: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
    dataset: datasetDefaults('sentiment'),
    training: { ...DEFAULT_TRAINING, loss: 'binaryCrossentropy', learningRate: 0.005, epochs: 10 },
  },
  {
    id: 'char-lstm',
    name: 'Character LSTM language model (Pride and Prejudice)',
    spec: {
      version: 1,
      layers: [
        { id: 'l1', kind: 'embedding', inputDim: 76, outputDim: 32 },
        { id: 'l2', kind: 'lstm', units: 128, returnSequences: true },
        { id: 'l3', kind: 'dense', units: 76, activation: 'softmax' },
      ],
    },
    dataset: datasetDefaults('pride-and-prejudice'),
    training: {
      ...DEFAULT_TRAINING,
      learningRate: 0.005,
      batchSize: 64,
      epochs: 10,
      validationSplit: 0.1,
    },
  },
];

/** The design a first-time visitor sees. */
export const DEFAULT_PRESET: Preset = PRESETS[0] as Preset;

/**
 * The registry of built-in datasets: what the UI and shape inference need to know about each
 * (input shape, classes), without loading any data. The worker owns loading (src/data/load.ts).
 */
import type { Shape } from '../models/spec';

export type DatasetId = 'spiral' | 'xor' | 'circles' | 'gaussians' | 'mnist' | 'reverse' | 'sort';

export interface DatasetInfo {
  id: DatasetId;
  name: string;
  description: string;
  /** Shape of one sample, without the batch dimension. */
  inputShape: Shape;
  classes: readonly string[];
  /** 2-D toys and sequence tasks are generated from the seed; MNIST is fetched. */
  source: 'generated-2d' | 'generated-sequence' | 'file';
  /** 'classification': one label per sample; 'sequence': one label per time step. */
  task: 'classification' | 'sequence';
  /** True when the input holds token ids (whole numbers), which only an Embedding can take. */
  inputIsTokens: boolean;
  /** For token inputs: how many distinct ids there are (an Embedding needs at least this many rows). */
  vocabSize?: number;
}

const TWO_CLASSES = ['blue', 'orange'] as const;
/** Sequence tasks: sequences of SEQUENCE_LENGTH symbols drawn from SEQUENCE_VOCAB digits. */
export const SEQUENCE_LENGTH = 8;
export const SEQUENCE_VOCAB = 10;
const DIGITS = Array.from({ length: SEQUENCE_VOCAB }, (_, i) => String(i));

export const DATASETS: Record<DatasetId, DatasetInfo> = {
  spiral: {
    id: 'spiral',
    name: 'Spiral',
    description: 'Two interleaved spirals: needs a few hidden layers to separate.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
    task: 'classification',
    inputIsTokens: false,
  },
  xor: {
    id: 'xor',
    name: 'XOR',
    description: 'Four quadrants, opposite corners share a class: not linearly separable.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
    task: 'classification',
    inputIsTokens: false,
  },
  circles: {
    id: 'circles',
    name: 'Two circles',
    description: 'A disc inside a ring.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
    task: 'classification',
    inputIsTokens: false,
  },
  gaussians: {
    id: 'gaussians',
    name: 'Two gaussians',
    description: 'Two blobs: a single straight line separates them.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
    task: 'classification',
    inputIsTokens: false,
  },
  mnist: {
    id: 'mnist',
    name: 'MNIST digits',
    description: '10,000 real handwritten digits, 28×28 greyscale (8,000 train, 2,000 test).',
    inputShape: [28, 28, 1],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    source: 'file',
    task: 'classification',
    inputIsTokens: false,
  },
  reverse: {
    id: 'reverse',
    name: 'Sequence reversal',
    description: `Random sequences of ${SEQUENCE_LENGTH} digits; the target at each position is the digit at the mirrored position. Attention learns an anti-diagonal.`,
    inputShape: [SEQUENCE_LENGTH],
    classes: DIGITS,
    source: 'generated-sequence',
    task: 'sequence',
    inputIsTokens: true,
    vocabSize: SEQUENCE_VOCAB,
  },
  sort: {
    id: 'sort',
    name: 'Sequence sorting',
    description: `Random sequences of ${SEQUENCE_LENGTH} digits; the target is the same digits in ascending order.`,
    inputShape: [SEQUENCE_LENGTH],
    classes: DIGITS,
    source: 'generated-sequence',
    task: 'sequence',
    inputIsTokens: true,
    vocabSize: SEQUENCE_VOCAB,
  },
};

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];

export function isDatasetId(value: unknown): value is DatasetId {
  return typeof value === 'string' && Object.hasOwn(DATASETS, value);
}

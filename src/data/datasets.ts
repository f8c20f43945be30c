/**
 * The registry of built-in datasets: what the UI and shape inference need to know about each
 * (input shape, classes), without loading any data. The worker owns loading (src/data/load.ts).
 */
import type { Shape } from '../models/spec';

export type DatasetId = 'spiral' | 'xor' | 'circles' | 'gaussians' | 'mnist';

export interface DatasetInfo {
  id: DatasetId;
  name: string;
  description: string;
  /** Shape of one sample, without the batch dimension. */
  inputShape: Shape;
  classes: readonly string[];
  /** 2-D toys are generated from the seed with a noise setting; MNIST is fetched. */
  source: 'generated-2d' | 'file';
}

const TWO_CLASSES = ['blue', 'orange'] as const;

export const DATASETS: Record<DatasetId, DatasetInfo> = {
  spiral: {
    id: 'spiral',
    name: 'Spiral',
    description: 'Two interleaved spirals: needs a few hidden layers to separate.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
  },
  xor: {
    id: 'xor',
    name: 'XOR',
    description: 'Four quadrants, opposite corners share a class: not linearly separable.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
  },
  circles: {
    id: 'circles',
    name: 'Two circles',
    description: 'A disc inside a ring.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
  },
  gaussians: {
    id: 'gaussians',
    name: 'Two gaussians',
    description: 'Two blobs: a single straight line separates them.',
    inputShape: [2],
    classes: TWO_CLASSES,
    source: 'generated-2d',
  },
  mnist: {
    id: 'mnist',
    name: 'MNIST digits',
    description: '10,000 real handwritten digits, 28×28 greyscale (8,000 train, 2,000 test).',
    inputShape: [28, 28, 1],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    source: 'file',
  },
};

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];

export function isDatasetId(value: unknown): value is DatasetId {
  return typeof value === 'string' && Object.hasOwn(DATASETS, value);
}

import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/datasets';
import { analyzeModel } from './analyze';
import { PRESETS } from './presets';
import { englishText } from '../shared/messages/englishText';
import type { LayerSpec, ModelSpec } from './spec';
import { estimateTrainingBytes, MAX_TRAINING_BYTES } from './trainingMemory';

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

describe('estimateTrainingBytes', () => {
  it('counts the MNIST MLP by hand: weights, gradients, Adam’s two moments, a batch of outputs', () => {
    const p = preset('mnist-mlp');
    const analysis = analyzeModel(p.spec, builtinDataset('mnist'), p.training, p.dataset);
    expect(analysis.totalParams).toBe(55_050); // Keras: 50,240 + 4,160 + 650
    const m = estimateTrainingBytes(analysis, 32, 'adam');
    expect(m.weights).toBe(55_050 * 4);
    expect(m.gradients).toBe(55_050 * 4);
    expect(m.optimizer).toBe(2 * 55_050 * 4);
    // Input 28×28×1, Flatten 784, Dense 64, 64, 10: 1,706 floats a sample, ×2 for their gradients.
    expect(m.activations).toBe(1_706 * 32 * 4 * 2);
    expect(m.total).toBe(m.weights + m.gradients + m.optimizer + m.activations);
  });

  it('keeps no optimizer state for plain SGD and grows with the batch', () => {
    const p = preset('spiral-mlp');
    const analysis = analyzeModel(p.spec, builtinDataset(p.dataset.id), p.training, p.dataset);
    const sgd = estimateTrainingBytes(analysis, 16, 'sgd');
    expect(sgd.optimizer).toBe(0);
    expect(estimateTrainingBytes(analysis, 32, 'sgd').activations).toBe(2 * sgd.activations);
  });

  it('refuses a design that cannot fit in a browser tab, with its estimate, before training', () => {
    // MNIST through five Dense(4,096) layers trained with Adam: 70 million weights, 4 bytes each,
    // ×4 with their gradients and Adam's two moments: about 1.1 GB.
    const wide = (id: string): LayerSpec => ({
      id,
      kind: 'dense',
      units: 4096,
      activation: 'relu',
    });
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'f', kind: 'flatten' },
        wide('a'),
        wide('b'),
        wide('c'),
        wide('d'),
        wide('e'),
        { id: 'o', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    };
    const mnist = builtinDataset('mnist');
    const config = { ...preset('mnist-mlp').training, optimizer: 'adam' as const };
    const analysis = analyzeModel(spec, mnist, config);
    expect(analysis.memory?.total).toBeGreaterThan(MAX_TRAINING_BYTES);
    const reason = englishText(analysis.blockingReason!);
    expect(reason).toMatch(/^Training this model needs about 1\.\d GB: \d+\.\d MB of weights/);
    expect(reason).toContain('A browser tab can spare about 1 GB');
    // Plain SGD keeps no moments: the same design fits.
    const sgd = analyzeModel(spec, mnist, { ...config, optimizer: 'sgd' });
    expect(sgd.memory?.total).toBeLessThan(MAX_TRAINING_BYTES);
    expect(sgd.blockingReason).toBeNull();
  });

  it('splits trainable from non-trainable weights as Keras does, and trains only the first', () => {
    // XOR [2] → Dense(4) → BatchNormalization → Dense(2). Keras's summary: 12 + 16 + 10 = 38
    // parameters, of which 8 (the moving mean and variance) are non-trainable.
    const spec: ModelSpec = {
      version: 1,
      layers: [
        { id: 'a', kind: 'dense', units: 4, activation: 'relu' },
        { id: 'b', kind: 'batchnorm', momentum: 0.99, epsilon: 0.001 },
        { id: 'c', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    };
    const p = preset('spiral-mlp');
    const analysis = analyzeModel(spec, builtinDataset('xor'), {
      ...p.training,
      optimizer: 'adam',
    });
    expect(analysis.totalParams).toBe(38);
    expect(analysis.nonTrainableParams).toBe(8);
    expect(analysis.memory?.weights).toBe(38 * 4);
    expect(analysis.memory?.gradients).toBe(30 * 4);
    expect(analysis.memory?.optimizer).toBe(2 * 30 * 4);
  });
});

import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/datasets';
import { analyzeModel } from './analyze';
import { PRESETS } from './presets';
import { estimateTrainingBytes } from './trainingMemory';

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
});

import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/datasets';
import { analyzeInEnglish } from './testing/englishAnalysis';
import type { ModelSpec } from './spec';
import { DEFAULT_TRAINING } from './trainingConfig';

function withVocabulary(inputDim: number): ModelSpec {
  return {
    version: 1,
    layers: [
      { id: 'e', kind: 'embedding', inputDim, outputDim: 8 },
      { id: 'd', kind: 'dense', units: 10, activation: 'softmax' },
    ],
  };
}

describe('Embedding vocabulary against the data', () => {
  it('is a problem when the embedding has fewer rows than the data has token ids', () => {
    const analysis = analyzeInEnglish(
      withVocabulary(6),
      builtinDataset('reverse'),
      DEFAULT_TRAINING,
    );
    expect(analysis.layers[0]?.problem).toContain('the data uses 10 different token ids');
    expect(analysis.layers[0]?.problem).toContain('at least 10');
    expect(analysis.blockingReason).toBe(analysis.layers[0]?.problem);
  });

  it('accepts a vocabulary as large as the data’s or larger', () => {
    for (const rows of [10, 50]) {
      expect(
        analyzeInEnglish(withVocabulary(rows), builtinDataset('reverse'), DEFAULT_TRAINING)
          .blockingReason,
      ).toBeNull();
    }
  });
});

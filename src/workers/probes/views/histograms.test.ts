import { describe, expect, it } from 'vitest';
import { weightLabel } from './histograms';

describe('a weight’s label', () => {
  it('drops the counter tfjs adds when an earlier model used the name, and nothing else', () => {
    expect(weightLabel('dense_1/kernel_3')).toBe('dense_1/kernel');
    expect(weightLabel('attention_4/query_kernel_12')).toBe('attention_4/query_kernel');
    expect(weightLabel('dense_1/kernel')).toBe('dense_1/kernel');
    expect(weightLabel('lstm_2/recurrent_kernel')).toBe('lstm_2/recurrent_kernel');
    expect(weightLabel('embedding_1/embeddings_3')).toBe('embedding_1/embeddings');
  });
});

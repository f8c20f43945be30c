import { describe, expect, it } from 'vitest';
import { writeBoth } from './savedModelStore';

describe('storing a saved model’s two parts', () => {
  it('takes the weights back out when the list entry cannot be written', async () => {
    const kept = new Set<string>();
    const refusal = new DOMException('no room', 'QuotaExceededError');
    const failed = await writeBoth({
      weights: () => Promise.resolve(void kept.add('weights')),
      entry: () => Promise.reject(refusal),
      removeWeights: () => Promise.resolve(void kept.delete('weights')),
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toBe(refusal);
    expect([...kept]).toEqual([]);
  });

  it('writes no entry when the weights could not be written', async () => {
    const kept = new Set<string>();
    await expect(
      writeBoth({
        weights: () => Promise.reject(new Error('disk')),
        entry: () => Promise.resolve(void kept.add('entry')),
        removeWeights: () => Promise.resolve(),
      }),
    ).rejects.toThrow('disk');
    expect([...kept]).toEqual([]);
  });

  it('keeps both parts when both are written', async () => {
    const kept = new Set<string>();
    await writeBoth({
      weights: () => Promise.resolve(void kept.add('weights')),
      entry: () => Promise.resolve(void kept.add('entry')),
      removeWeights: () => Promise.resolve(void kept.delete('weights')),
    });
    expect([...kept].sort()).toEqual(['entry', 'weights']);
  });
});

import { describe, expect, it } from 'vitest';
import { readProgress, saveProgress } from './lessonProgress';
import { KEPT } from '../shared/storageKeys';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

describe('lesson progress', () => {
  it('keeps the step reached and the goals met, per lesson', () => {
    const storage = memoryStorage();
    saveProgress(storage, 'a', { step: 1 });
    saveProgress(storage, 'a', { met: 1 });
    saveProgress(storage, 'a', { met: 1 });
    saveProgress(storage, 'b', { step: 2, met: 0 });
    expect(readProgress(storage)).toEqual({ a: { step: 1, met: [1] }, b: { step: 2, met: [0] } });
  });

  it('reads junk as no progress', () => {
    const storage = memoryStorage();
    storage.setItem(KEPT.lessonProgress.name, '{"a": {"step": "x"}}');
    expect(readProgress(storage)).toEqual({});
    storage.setItem(KEPT.lessonProgress.name, 'not json');
    expect(readProgress(storage)).toEqual({});
  });
});

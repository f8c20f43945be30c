import { describe, expect, it } from 'vitest';
import { builtinInfo, manifestEntry, SEQUENCE_SYMBOLS } from './datasets';

describe('builtinInfo', () => {
  const reverse = manifestEntry('reverse')!;

  it("names a sequence task's symbols as set", () => {
    expect(builtinInfo(reverse, { vocabularySize: 12 }).classes).toHaveLength(12);
  });

  it('keeps the default symbols for a count outside the range, so a typo cannot build billions', () => {
    const fallback = builtinInfo(reverse).classes.length;
    expect(fallback).toBeGreaterThanOrEqual(SEQUENCE_SYMBOLS.min);
    for (const typed of [1e10, 2 ** 32, 101, 1, 0, -5, 2.5, Number.NaN]) {
      const info = builtinInfo(reverse, { vocabularySize: typed });
      expect(info.classes).toHaveLength(fallback);
      expect(info.vocabSize).toBe(fallback);
    }
  });
});

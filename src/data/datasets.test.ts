import { describe, expect, it } from 'vitest';
import {
  builtinDataset,
  builtinInfo,
  classesIn,
  manifestEntry,
  manifestSchema,
  MANIFEST,
  SEQUENCE_SYMBOLS,
  userInfo,
} from './datasets';

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

describe("class names in the reader's language", () => {
  it('a built-in dataset whose classes are words names them in Chinese on the Chinese page', () => {
    const spiral = builtinDataset('spiral');
    expect(classesIn(spiral, 'en')).toEqual(['blue', 'orange']);
    expect(classesIn(spiral, 'zh')).toEqual(['蓝色', '橙色']);
    expect(classesIn(builtinDataset('iris'), 'zh')).toEqual(['山鸢尾', '变色鸢尾', '维吉尼亚鸢尾']);
  });

  it('every word-named built-in class has a Chinese name; digits and ids stay as they are', () => {
    for (const entry of MANIFEST) {
      const words = (entry.classes ?? []).some((name) => /[a-z]{2}/i.test(name));
      expect(entry.classesZh !== undefined, entry.id).toBe(words);
    }
    const mnist = builtinDataset('mnist');
    expect(classesIn(mnist, 'zh')).toBe(mnist.classes);
  });

  it("a sequence task's symbols and a user's file keep their own names", () => {
    const reverse = builtinInfo(manifestEntry('reverse')!, { vocabularySize: 12 });
    expect(classesIn(reverse, 'zh')).toBe(reverse.classes);
    const upload = userInfo({
      id: 'user:1',
      name: 'colours.csv',
      kind: 'table',
      task: 'classification',
      inputShape: [2],
      classes: ['red', 'green'],
      samples: 10,
      notes: [],
    });
    expect(classesIn(upload, 'zh')).toEqual(['red', 'green']);
  });

  it('the manifest refuses Chinese names that do not match the classes one for one', () => {
    const spiral = manifestEntry('spiral')!;
    const parse = (classesZh: string[]) =>
      manifestSchema.safeParse({ version: 1, datasets: [{ ...spiral, classesZh }] }).success;
    expect(parse(['蓝色', '橙色'])).toBe(true);
    expect(parse(['蓝色'])).toBe(false);
    expect(parse(['蓝色', '橙色', '绿色'])).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildCharVocabulary,
  CHAR_OOV_ID,
  CHAR_OOV_TEXT,
  CHAR_OOV_TOKEN,
  decodeChars,
  encodeChars,
  normalizeChars,
} from './charTokenizer';
import { buildWordVocabulary } from './wordTokenizer';

describe('character tokeniser', () => {
  it('reserves 0 for unknown characters, then orders by frequency, ties in code order', () => {
    const vocab = buildCharVocabulary('abcab b');
    expect(vocab.kind).toBe('char');
    expect(vocab.oovId).toBe(CHAR_OOV_ID);
    expect(vocab.padId).toBeUndefined();
    expect(vocab.tokens).toEqual([CHAR_OOV_TOKEN, 'b', 'a', ' ', 'c']);
  });

  it('round-trips text, case and line breaks included', () => {
    const text = 'Hello, World!\nHi.';
    const vocab = buildCharVocabulary(text);
    const ids = encodeChars(text, vocab);
    expect(ids).toBeInstanceOf(Int32Array);
    expect(ids.length).toBe(text.length);
    expect(decodeChars(ids, vocab)).toBe(text);
  });

  it('treats astral-plane characters (emoji, rare Han) as one character each', () => {
    const text = '我爱🐍 and 𠀋!';
    const vocab = buildCharVocabulary(text);
    expect(vocab.tokens).toContain('🐍');
    expect(vocab.tokens).toContain('𠀋');
    expect(vocab.tokens.every((t, id) => id === 0 || Array.from(t).length === 1)).toBe(true);
    const ids = encodeChars(text, vocab);
    expect(ids.length).toBe(Array.from(text).length);
    expect(ids.length).toBeLessThan(text.length); // fewer ids than UTF-16 units
    expect(decodeChars(ids, vocab)).toBe(text);
  });

  it('maps unknown characters to 0 and decodes them as U+FFFD', () => {
    const vocab = buildCharVocabulary('abc');
    const ids = encodeChars('abz🐍', vocab);
    expect(Array.from(ids.subarray(2))).toEqual([CHAR_OOV_ID, CHAR_OOV_ID]);
    expect(decodeChars(ids, vocab)).toBe(`ab${CHAR_OOV_TEXT}${CHAR_OOV_TEXT}`);
  });

  it('normalises accents and Windows line ends', () => {
    expect(normalizeChars('cafe\u0301\r\nx\ry')).toEqual([
      'c',
      'a',
      'f',
      'é',
      '\n',
      'x',
      '\n',
      'y',
    ]);
  });

  it('keeps at most maxSize ids and is deterministic', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    const small = buildCharVocabulary(text, { maxSize: 3 });
    expect(small.tokens).toEqual([CHAR_OOV_TOKEN, ' ', 'o']);
    expect(buildCharVocabulary(text).tokens).toEqual(buildCharVocabulary(text).tokens);
    expect(() => buildCharVocabulary(text, { maxSize: 1 })).toThrow(/maxSize/);
  });

  it('refuses a word vocabulary and ids outside the vocabulary', () => {
    const words = buildWordVocabulary(['a b']);
    expect(() => encodeChars('a', words)).toThrow(/char vocabulary/);
    expect(() => decodeChars([9], buildCharVocabulary('ab'))).toThrow(/Id 9 at position 0/);
  });
});

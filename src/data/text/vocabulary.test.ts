import { describe, expect, it } from 'vitest';
import { buildCharVocabulary } from './charTokenizer';
import {
  createVocabulary,
  deserializeVocabulary,
  rankByFrequency,
  serializeVocabulary,
} from './vocabulary';
import { buildWordVocabulary, encodeWords } from './wordTokenizer';

describe('vocabulary', () => {
  it('ranks by count, ties in string order, and keeps the limit', () => {
    const counts = new Map([
      ['b', 2],
      ['c', 5],
      ['a', 2],
      ['d', 1],
    ]);
    expect(rankByFrequency(counts, 10)).toEqual(['c', 'a', 'b', 'd']);
    expect(rankByFrequency(counts, 2)).toEqual(['c', 'a']);
    expect(rankByFrequency(counts, 0)).toEqual([]);
  });

  it('survives JSON (and so postMessage and caches) unchanged', () => {
    for (const vocab of [
      buildWordVocabulary(['the cat sat', '我爱你 👍']),
      buildCharVocabulary('Hi 🐍𠀋'),
    ]) {
      const back = deserializeVocabulary(JSON.parse(JSON.stringify(serializeVocabulary(vocab))));
      expect(back).toEqual(vocab);
      expect([...back.index]).toEqual([...vocab.index]);
    }
    const words = buildWordVocabulary(['the cat sat']);
    const back = deserializeVocabulary(JSON.parse(JSON.stringify(serializeVocabulary(words))));
    expect(encodeWords('the dog sat', back, { length: 4 })).toEqual(
      encodeWords('the dog sat', words, { length: 4 }),
    );
  });

  it('rejects malformed JSON with a message naming the problem', () => {
    const good = serializeVocabulary(buildWordVocabulary(['a b']));
    expect(() => deserializeVocabulary(null)).toThrow(/JSON object/);
    expect(() => deserializeVocabulary({ ...good, format: 'x' })).toThrow(/format/);
    expect(() => deserializeVocabulary({ ...good, kind: 'byte' })).toThrow(/kind/);
    expect(() => deserializeVocabulary({ ...good, tokens: 'ab' })).toThrow(/tokens/);
    expect(() => deserializeVocabulary({ ...good, tokens: ['<pad>', '<oov>', 'a', 'a'] })).toThrow(
      /"a" appears twice/,
    );
    expect(() => deserializeVocabulary({ ...good, tokens: ['<pad>', 3] })).toThrow(/not a string/);
    expect(() => deserializeVocabulary({ ...good, oovId: 99 })).toThrow(/oovId/);
    expect(() => deserializeVocabulary({ ...good, padId: 1 })).toThrow(/must differ/);
  });

  it('copies its token list, so later edits to the input do not change it', () => {
    const tokens = ['<oov>', 'a'];
    const vocab = createVocabulary('char', tokens, { oovId: 0 });
    tokens.push('b');
    expect(vocab.tokens).toEqual(['<oov>', 'a']);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeIds } from './vocabulary';
import {
  buildWordVocabulary,
  encodeWords,
  fitToLength,
  normalizeText,
  OOV_TOKEN,
  PAD_TOKEN,
  WORD_OOV_ID,
  WORD_PAD_ID,
} from './wordTokenizer';

describe('normalizeText', () => {
  it('lower-cases, drops punctuation and keeps apostrophes inside words', () => {
    expect(normalizeText("Don’t STOP, rock'n'roll! 'Tis the students' café.")).toEqual([
      "don't",
      'stop',
      "rock'n'roll",
      'tis',
      'the',
      'students',
      'café',
    ]);
  });

  it('splits on hyphens and dots, keeps digits and words in any script', () => {
    expect(normalizeText('well-known 3.5 Привет, мир! नमस्ते 한국어 문장')).toEqual([
      'well',
      'known',
      '3',
      '5',
      'привет',
      'мир',
      'नमस्ते',
      '한국어',
      '문장',
    ]);
  });

  it('makes each Chinese or Japanese character a word, dropping CJK punctuation', () => {
    expect(normalizeText('我爱你，北京。')).toEqual(['我', '爱', '你', '北', '京']);
    expect(normalizeText('I love 北京!')).toEqual(['i', 'love', '北', '京']);
    expect(normalizeText('コーヒーを飲む')).toEqual(['コ', 'ー', 'ヒ', 'ー', 'を', '飲', 'む']);
    // An astral-plane Han character is one word, not two surrogate halves.
    expect(normalizeText('𠀋x')).toEqual(['𠀋', 'x']);
  });

  it('keeps each emoji (skin tones, ZWJ families, flags) as one token', () => {
    expect(normalizeText('great👍🏽 👨‍👩‍👧 🇫🇷 ❤️ ❤')).toEqual(['great', '👍🏽', '👨‍👩‍👧', '🇫🇷', '❤', '❤']);
  });

  it('reads full-width letters and decomposed accents as their ordinary forms', () => {
    expect(normalizeText('ＦＵＬＬ cafe\u0301')).toEqual(['full', 'café']);
  });

  it('yields nothing for empty or punctuation-only text', () => {
    expect(normalizeText('')).toEqual([]);
    expect(normalizeText(' ...!? -- ')).toEqual([]);
  });
});

describe('buildWordVocabulary', () => {
  const texts = ['the cat sat', 'the dog sat', 'a cat!', 'The end'];

  it('reserves 0 for padding and 1 for unknown words, then orders by frequency, ties alphabetically', () => {
    const vocab = buildWordVocabulary(texts);
    expect(vocab.kind).toBe('word');
    expect(vocab.padId).toBe(WORD_PAD_ID);
    expect(vocab.oovId).toBe(WORD_OOV_ID);
    expect(vocab.tokens).toEqual([PAD_TOKEN, OOV_TOKEN, 'the', 'cat', 'sat', 'a', 'dog', 'end']);
    vocab.tokens.forEach((token, id) => expect(vocab.index.get(token)).toBe(id));
  });

  it('is deterministic whatever the order of the texts', () => {
    const a = buildWordVocabulary(texts);
    const b = buildWordVocabulary([...texts].reverse());
    expect(b.tokens).toEqual(a.tokens);
  });

  it('keeps at most maxSize ids, reserved ones included', () => {
    const vocab = buildWordVocabulary(texts, { maxSize: 4 });
    expect(vocab.tokens).toEqual([PAD_TOKEN, OOV_TOKEN, 'the', 'cat']);
    expect(buildWordVocabulary([], { maxSize: 4 }).tokens).toEqual([PAD_TOKEN, OOV_TOKEN]);
  });

  it('rejects a maxSize with no room for a word', () => {
    expect(() => buildWordVocabulary(texts, { maxSize: 2 })).toThrow(/maxSize/);
    expect(() => buildWordVocabulary(texts, { maxSize: 10.5 })).toThrow(/maxSize/);
  });
});

describe('encodeWords / decodeIds', () => {
  const vocab = buildWordVocabulary(['the cat sat on the mat', 'a dog']);

  it('round-trips in-vocabulary text, padding with 0 at the end', () => {
    const ids = encodeWords('The cat sat on the mat.', vocab, { length: 8 });
    expect(ids).toBeInstanceOf(Int32Array);
    expect(Array.from(ids.subarray(6))).toEqual([0, 0]);
    expect(decodeIds(ids, vocab, { skipPadding: true })).toEqual(
      normalizeText('The cat sat on the mat.'),
    );
    expect(decodeIds(ids, vocab).slice(6)).toEqual([PAD_TOKEN, PAD_TOKEN]);
  });

  it('maps unknown words to 1', () => {
    const ids = encodeWords('the zebra sat', vocab, { length: 3 });
    expect(ids[1]).toBe(WORD_OOV_ID);
    expect(decodeIds(ids, vocab)).toEqual(['the', OOV_TOKEN, 'sat']);
  });

  it('truncates at either end and pads at either end', () => {
    const text = 'the cat sat on the mat';
    const words = normalizeText(text);
    const decode = (ids: Int32Array) => decodeIds(ids, vocab, { skipPadding: true });
    expect(decode(encodeWords(text, vocab, { length: 3 }))).toEqual(words.slice(0, 3));
    expect(decode(encodeWords(text, vocab, { length: 3, truncate: 'start' }))).toEqual(
      words.slice(-3),
    );
    const front = encodeWords('a dog', vocab, { length: 4, pad: 'start' });
    expect(Array.from(front.subarray(0, 2))).toEqual([0, 0]);
    expect(decode(front)).toEqual(['a', 'dog']);
    expect(Array.from(encodeWords('', vocab, { length: 3 }))).toEqual([0, 0, 0]);
  });

  it('accepts float ids (as stored in LabelledData.x) and rejects ids outside the vocabulary', () => {
    expect(decodeIds(new Float32Array([2, 1, 0]), vocab)).toEqual(['the', OOV_TOKEN, PAD_TOKEN]);
    expect(() => decodeIds([vocab.tokens.length], vocab)).toThrow(/position 0/);
    expect(() => decodeIds([0, 1.5], vocab)).toThrow(/Id 1.5 at position 1/);
    expect(() => decodeIds([-1], vocab)).toThrow(RangeError);
  });

  it('rejects a bad length', () => {
    expect(() => encodeWords('the', vocab, { length: 0 })).toThrow(/length/);
    expect(() => fitToLength([1], 0, { length: 2.5 })).toThrow(/length/);
  });
});

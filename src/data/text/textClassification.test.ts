import { describe, expect, it } from 'vitest';
import { splitValidation } from '../split';
import { labelsPerSample } from '../types';
import { buildTextClassification, type TextCorpus } from './textClassification';
import { decodeIds } from './vocabulary';
import { normalizeText, OOV_TOKEN } from './wordTokenizer';
import { englishText } from '../../shared/messages/englishText';
import { chineseText } from '../../shared/messages/testing/chineseText';

const corpus: TextCorpus = {
  texts: [
    'A wonderful, moving film.',
    'Terrible acting and a boring plot.',
    'I loved it!',
    'Boring. I walked out.',
    'wonderful wonderful wonderful',
    '...',
  ],
  labels: [1, 0, 1, 0, 1, 0],
  classes: ['negative', 'positive'],
};

describe('buildTextClassification', () => {
  it('makes [count, length] word ids and one class id per text', () => {
    const { data, inputShape, classes, vocabulary, sourceIndex } = buildTextClassification(corpus, {
      sequenceLength: 5,
      seed: 1,
    });
    expect(inputShape).toEqual([5]);
    expect(classes).toEqual(['negative', 'positive']);
    expect(data.count).toBe(6);
    expect(data.x).toBeInstanceOf(Float32Array);
    expect(data.x.length).toBe(6 * 5);
    expect(data.y).toBeInstanceOf(Int32Array);
    expect(labelsPerSample(data)).toBe(1);
    // Each row decodes to its source text's words and carries its source label.
    for (let n = 0; n < data.count; n++) {
      const source = sourceIndex[n] as number;
      const row = data.x.subarray(n * 5, (n + 1) * 5);
      const words = normalizeText(corpus.texts[source] ?? '');
      expect(decodeIds(row, vocabulary, { skipPadding: true })).toEqual(words.slice(0, 5));
      expect(data.y[n]).toBe(corpus.labels[source]);
    }
  });

  it('keeps corpus order without a seed', () => {
    const { sourceIndex, data } = buildTextClassification(corpus);
    expect(Array.from(sourceIndex)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(data.y)).toEqual(corpus.labels);
  });

  it('shuffles by seed (a class-grouped corpus still gets a mixed validation tail)', () => {
    const grouped: TextCorpus = {
      texts: Array.from({ length: 40 }, (_, i) => `text number ${i}`),
      labels: Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 1)),
      classes: ['a', 'b'],
    };
    const a = buildTextClassification(grouped, { seed: 3 });
    const b = buildTextClassification(grouped, { seed: 3 });
    const c = buildTextClassification(grouped, { seed: 4 });
    expect(Array.from(a.data.x)).toEqual(Array.from(b.data.x));
    expect(Array.from(a.sourceIndex)).not.toEqual(Array.from(c.sourceIndex));
    expect([...a.sourceIndex].sort((p, q) => p - q)).toEqual(grouped.texts.map((_, i) => i));
    const { validation } = splitValidation(a.data, 0.25);
    expect(new Set(validation?.y).size).toBe(2);
  });

  it('defaults to the seeds’ Embedding(10000, 16) vocabulary and 64 words', () => {
    const many: TextCorpus = {
      texts: [Array.from({ length: 12000 }, (_, i) => `w${i}`).join(' '), 'w1 w2'],
      labels: [0, 1],
      classes: ['a', 'b'],
    };
    const { vocabulary, inputShape, data } = buildTextClassification(many);
    expect(vocabulary.tokens.length).toBe(10000);
    expect(inputShape).toEqual([64]);
    expect(Math.max(...data.x)).toBeLessThan(10000);
  });

  it('notes truncation, unknown words and empty texts', () => {
    const { notes } = buildTextClassification(corpus, { sequenceLength: 3, vocabSize: 5 });
    const text = notes.map(englishText).join('\n');
    expect(text).toMatch(/the 3 most frequent of \d+ distinct words/);
    // Texts 0, 1 and 3 have more than 3 words.
    expect(text).toMatch(/50\.0% \(3 texts\) are longer than 3 and lose words at the end/);
    // 20 words; the vocabulary keeps wonderful (4), a (2), boring (2): 12 are unknown.
    expect(text).toMatch(/60\.0% of words are outside the vocabulary and read as <oov>/);
    expect(text).toMatch(/1 text has no words/);
  });

  it('writes the same notes in Chinese, numbers in place', () => {
    const { notes } = buildTextClassification(corpus, { sequenceLength: 3, vocabSize: 5 });
    const text = notes.map(chineseText);
    expect(text[0]).toMatch(
      /^词表：5 个编号，即 \d+ 个不同词中最常见的 3 个，加上 <pad>（0）和 <oov>（1）。$/,
    );
    expect(text[1]).toMatch(/；50\.0%（3 条文本）超过 3 个词，末尾的词会被截掉。$/);
    expect(text[2]).toBe('60.0% 的词不在词表中，读作 <oov>。');
    expect(text[3]).toBe('1 条文本没有词（为空或只有标点），将全部是填充。');
  });

  it('notes when nothing is cut and every word is known', () => {
    const { notes, data, vocabulary } = buildTextClassification(corpus, { sequenceLength: 10 });
    expect(notes.map(englishText).join('\n')).toMatch(/none is longer than 10/);
    expect(notes.map(englishText).join('\n')).toMatch(/Every word is in the vocabulary/);
    expect(Array.from(data.x)).not.toContain(vocabulary.oovId);
    expect(decodeIds(data.x, vocabulary)).not.toContain(OOV_TOKEN);
  });

  it('can keep the end of long texts and pad at the start', () => {
    const one: TextCorpus = { texts: ['a b c d', 'e'], labels: [0, 1], classes: ['x', 'y'] };
    const { data, vocabulary } = buildTextClassification(one, {
      sequenceLength: 3,
      truncate: 'start',
      pad: 'start',
    });
    const rows = [0, 1].map((n) => decodeIds(data.x.subarray(n * 3, n * 3 + 3), vocabulary));
    expect(rows).toEqual([
      ['b', 'c', 'd'],
      ['<pad>', '<pad>', 'e'],
    ]);
  });

  it('rejects a malformed corpus with a message naming the problem', () => {
    const build =
      (patch: Partial<TextCorpus>, options = {}) =>
      () =>
        buildTextClassification({ ...corpus, ...patch }, options);
    expect(build({ labels: [0, 1] })).toThrow('The corpus has 6 texts but 2 labels.');
    expect(build({ texts: [], labels: [] })).toThrow('The corpus has no texts.');
    expect(build({ labels: [0, 1, 2, 0, 1, 0] })).toThrow(/Label 2 of text 2 is not a class id/);
    expect(build({ labels: [0, 1, 0.5, 0, 1, 0] })).toThrow(/Label 0.5 of text 2/);
    expect(build({ classes: ['only'] })).toThrow(/at least 2 classes/);
    expect(build({ classes: ['a', 'a'] })).toThrow('Class "a" is listed twice.');
    expect(build({ texts: ['a', 'b', 3 as unknown as string, 'd', 'e', 'f'] })).toThrow(
      'Text 2 is not a string.',
    );
    expect(build({}, { sequenceLength: 0 })).toThrow(/sequenceLength/);
    expect(build({}, { vocabSize: 2 })).toThrow(/maxSize/);
  });

  it('notes a class with no texts', () => {
    const { notes } = buildTextClassification({ ...corpus, classes: ['neg', 'pos', 'meh'] });
    expect(notes.map(englishText).join('\n')).toMatch(/No text is labelled "meh"/);
  });
});

import { describe, expect, it } from 'vitest';
import { classNames, corpusVocabulary } from './corpusVocabulary';
import { builtinDataset, MANIFEST } from './datasets';

describe('corpus vocabularies', () => {
  it('every corpus has one, of the size its manifest entry gives, <oov> first, no repeats', () => {
    for (const entry of MANIFEST.filter((e) => e.kind === 'corpus')) {
      const vocabulary = corpusVocabulary(entry.id);
      expect(vocabulary, entry.id).not.toBeNull();
      expect(vocabulary?.length, entry.id).toBe(entry.vocabularySize);
      expect(vocabulary?.[0], entry.id).toBe('<oov>');
      expect(new Set(vocabulary).size, entry.id).toBe(vocabulary?.length);
    }
  });

  it('a corpus names its classes by character, in id order; other datasets keep their own', () => {
    const corpus = builtinDataset('pride-and-prejudice');
    expect(corpus.classes).toHaveLength(corpus.vocabSize ?? -1);
    expect(classNames(corpus)).toEqual(corpusVocabulary('pride-and-prejudice'));
    expect(classNames(corpus)).toContain('e');
    const iris = builtinDataset('iris');
    expect(classNames(iris)).toBe(iris.classes);
    expect(classNames(iris, 'zh')).toEqual(iris.classesZh);
    expect(classNames(corpus, 'zh')).toEqual(corpusVocabulary('pride-and-prejudice'));
    expect(corpusVocabulary('iris')).toBeNull();
  });
});

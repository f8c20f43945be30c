/**
 * A labelled text corpus → a classification dataset for an Embedding model: each text becomes a
 * fixed-length row of word ids, each label a class id. Notes tell the user what the choices cost
 * (texts cut short, words the vocabulary lacks), since both limit what a model can learn.
 */
import { message, type Message } from '../../shared/messages/message';
import { createRandom, shuffledIndices } from '../random';
import type { LabelledData } from '../types';
import type { Vocabulary } from './vocabulary';
import {
  buildWordVocabularyFromTokens,
  DEFAULT_WORD_VOCABULARY_SIZE,
  fitToLength,
  normalizeText,
  WORD_PAD_ID,
  wordIds,
  type SequenceEnd,
} from './wordTokenizer';

export interface TextCorpus {
  texts: readonly string[];
  /** labels[i] is the class id (index into `classes`) of texts[i]. */
  labels: readonly number[];
  classes: readonly string[];
}

export interface TextClassificationOptions {
  /** Most word ids, <pad> and <oov> included: the Embedding's input dimension (seeds: 10000). */
  vocabSize?: number;
  /** Words per sample; longer texts are cut, shorter ones padded. */
  sequenceLength?: number;
  /** Which end of a long text is cut: 'end' keeps its beginning. */
  truncate?: SequenceEnd;
  /** Which end of a short text is padded: 'start' suits an RNN read at its last step. */
  pad?: SequenceEnd;
  /**
   * Shuffles the samples with this seed. Corpora often come grouped by class and the validation
   * split is the tail, so someone must shuffle before splitting: pass the training seed here, or
   * leave it out to keep corpus order when the caller shuffles (the worker's loader does).
   */
  seed?: number;
}

export const DEFAULT_TEXT_SEQUENCE_LENGTH = 64;
/** Bounds the [count, length] buffer; far beyond what a browser model reads usefully. */
export const MAX_TEXT_SEQUENCE_LENGTH = 2048;

export interface TextClassificationDataset {
  /** x: [count, sequenceLength] word ids as floats; y: [count] class ids. */
  data: LabelledData;
  vocabulary: Vocabulary;
  inputShape: [number];
  classes: string[];
  /** sourceIndex[n] is the corpus index of sample n (0, 1, 2… unless shuffled), to show its text. */
  sourceIndex: Int32Array;
  /** Plain sentences for the user about truncation, unknown words, empty texts. */
  notes: Message[];
}

/**
 * Short texts are padded at the start, as Keras's pad_sequences does: the words then come last, so
 * an LSTM that answers from its final state has just read them instead of a run of <pad>s (which
 * kept the sentiment LSTM at chance). Averaging layers do not care which end is padded.
 */
export const TEXT_PAD: SequenceEnd = 'start';

export function buildTextClassification(
  corpus: TextCorpus,
  {
    vocabSize = DEFAULT_WORD_VOCABULARY_SIZE,
    sequenceLength = DEFAULT_TEXT_SEQUENCE_LENGTH,
    truncate = 'end',
    pad = TEXT_PAD,
    seed,
  }: TextClassificationOptions = {},
): TextClassificationDataset {
  validateCorpus(corpus);
  if (
    !Number.isInteger(sequenceLength) ||
    sequenceLength < 1 ||
    sequenceLength > MAX_TEXT_SEQUENCE_LENGTH
  ) {
    throw new Error(
      `sequenceLength must be a whole number from 1 to ${MAX_TEXT_SEQUENCE_LENGTH}; got ${sequenceLength}.`,
    );
  }
  // Tokenise once: the vocabulary and the encoding both need the words.
  const tokenLists = corpus.texts.map(normalizeText);
  // The vocabulary sees every text, validation ones too: their words then get ids but stay
  // untrained random embeddings, so this does not leak labels.
  const vocabulary = buildWordVocabularyFromTokens(tokenLists, { maxSize: vocabSize });

  const count = corpus.texts.length;
  const sourceIndex =
    seed === undefined
      ? Int32Array.from(corpus.texts, (_, i) => i)
      : shuffledIndices(count, createRandom(seed ^ 0x7e47));
  const x = new Float32Array(count * sequenceLength); // [count, sequenceLength]
  const y = new Int32Array(count); // [count]
  const stats = { words: 0, oov: 0, longest: 0, truncated: 0, empty: 0 };
  sourceIndex.forEach((source, n) => {
    const tokens = tokenLists[source] ?? [];
    const ids = wordIds(tokens, vocabulary);
    x.set(
      fitToLength(ids, vocabulary.padId ?? WORD_PAD_ID, { length: sequenceLength, truncate, pad }),
      n * sequenceLength,
    );
    y[n] = corpus.labels[source] ?? 0;
    stats.words += ids.length;
    stats.oov += ids.filter((id) => id === vocabulary.oovId).length;
    stats.longest = Math.max(stats.longest, ids.length);
    if (ids.length > sequenceLength) stats.truncated++;
    if (ids.length === 0) stats.empty++;
  });

  const distinctWords = new Set(tokenLists.flat()).size;
  return {
    data: { x, y, count },
    vocabulary,
    inputShape: [sequenceLength],
    classes: [...corpus.classes],
    sourceIndex,
    notes: describeDataset(
      stats,
      { count, sequenceLength, truncate, vocabulary, distinctWords },
      corpus,
    ),
  };
}

/** Throws a message naming the first problem, so the user can fix their file. */
function validateCorpus({ texts, labels, classes }: TextCorpus): void {
  if (!Array.isArray(texts) || !Array.isArray(labels) || !Array.isArray(classes)) {
    throw new Error('A text corpus needs "texts", "labels" and "classes" arrays.');
  }
  if (texts.length === 0) throw new Error('The corpus has no texts.');
  if (texts.length !== labels.length) {
    throw new Error(`The corpus has ${texts.length} texts but ${labels.length} labels.`);
  }
  if (classes.length < 2) {
    throw new Error(`A classifier needs at least 2 classes; the corpus lists ${classes.length}.`);
  }
  const seen = new Set<string>();
  for (const name of classes) {
    if (seen.has(name)) throw new Error(`Class "${name}" is listed twice.`);
    seen.add(name);
  }
  texts.forEach((text, i) => {
    if (typeof text !== 'string') throw new Error(`Text ${i} is not a string.`);
  });
  labels.forEach((label, i) => {
    if (!Number.isInteger(label) || label < 0 || label >= classes.length) {
      throw new Error(
        `Label ${label} of text ${i} is not a class id (whole numbers 0..${classes.length - 1}).`,
      );
    }
  });
}

/** A share written with one decimal ("12.5"); the sentence adds the % sign. */
const percent = (part: number, whole: number) =>
  whole === 0 ? '0' : ((100 * part) / whole).toFixed(1);

function describeDataset(
  stats: { words: number; oov: number; longest: number; truncated: number; empty: number },
  setup: {
    count: number;
    sequenceLength: number;
    truncate: SequenceEnd;
    vocabulary: Vocabulary;
    distinctWords: number;
  },
  corpus: TextCorpus,
): Message[] {
  const { count, sequenceLength, vocabulary, distinctWords } = setup;
  const notes: Message[] = [];
  const kept = vocabulary.tokens.length - 2;
  notes.push(
    kept < distinctWords
      ? message('data.note.vocabularyTop', {
          ids: vocabulary.tokens.length,
          kept,
          count: distinctWords,
        })
      : message('data.note.vocabularyAll', { count: distinctWords }),
  );
  const lengths = {
    average: (stats.words / count).toFixed(1),
    longest: stats.longest,
    length: sequenceLength,
  };
  notes.push(
    stats.truncated === 0
      ? message('data.note.lengthsFit', lengths)
      : message(
          setup.truncate === 'start' ? 'data.note.lengthsCutStart' : 'data.note.lengthsCutEnd',
          {
            ...lengths,
            percent: percent(stats.truncated, count),
            count: stats.truncated,
          },
        ),
  );
  notes.push(
    stats.oov === 0
      ? message('data.note.allWordsKnown')
      : message('data.note.unknownWords', { percent: percent(stats.oov, stats.words) }),
  );
  if (stats.empty > 0) notes.push(message('data.note.emptyTexts', { count: stats.empty }));
  const perClass = new Array<number>(corpus.classes.length).fill(0);
  for (const label of corpus.labels) perClass[label] = (perClass[label] ?? 0) + 1;
  const missing = corpus.classes.filter((_, c) => perClass[c] === 0);
  if (missing.length > 0) {
    const classes = missing.map((name) => `"${name}"`).join(', ');
    notes.push(message('data.note.unlabelledClasses', { classes }));
  }
  return notes;
}

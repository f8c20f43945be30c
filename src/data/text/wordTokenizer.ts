/**
 * Word-level tokeniser for text classification: text → lower-case words → ids, padded or cut to a
 * fixed length so a batch is one [count, length] tensor for an Embedding.
 *
 * What counts as a word (normalizeText):
 * - Runs of letters, combining marks and digits in any script (Unicode properties, so "café",
 *   "naïve", "Привет" and Devanagari with its vowel signs stay whole).
 * - An apostrophe between letters stays inside the word ("don't", "rock'n'roll"); the curly ’ is
 *   read as ' so both spellings give one token. Leading/trailing apostrophes are dropped.
 * - Chinese and Japanese are written without spaces, so each Han, Hiragana or Katakana character is
 *   its own word ("我爱你" → 我 爱 你). A dictionary segmenter would give better words but differs
 *   between browsers (Intl.Segmenter follows the ICU build), and ids must be the same everywhere.
 *   Korean puts spaces between words, so Hangul runs stay whole words.
 * - An emoji (with its skin tone / ZWJ / flag parts) is one token: in reviews and posts it often
 *   carries the sentiment. Variation selectors are dropped, so ❤ and ❤️ are the same token.
 * - Punctuation and other symbols are dropped, as in Keras TextVectorization's default
 *   ("lower_and_strip_punctuation"), so the seeds' Embedding(10000, 16) models see the same kind of
 *   tokens as the TensorFlow tutorials they come from. Hyphens and dots split ("well-known" → well
 *   known, "3.5" → 3 5).
 * Text is NFKC-normalised first, so full-width letters, ligatures and half-width kana match their
 * ordinary forms.
 */
import { createVocabulary, rankByFrequency, tokenId, type Vocabulary } from './vocabulary';

/** Reserved ids: 0 pads (so zero-filled buffers are valid padding), 1 stands for unknown words. */
export const WORD_PAD_ID = 0;
export const WORD_OOV_ID = 1;
/** Their display names; normalizeText never yields < or >, so no real word can collide. */
export const PAD_TOKEN = '<pad>';
export const OOV_TOKEN = '<oov>';
/** The seeds' Embedding(10000, 16): ids 0..9999, reserved ids included. */
export const DEFAULT_WORD_VOCABULARY_SIZE = 10000;

const CJK_SCRIPTS = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}`;
/** One CJK letter or numeral (the look-ahead skips CJK punctuation such as 、。). */
const CJK_CHAR = String.raw`(?=[\p{L}\p{N}])[${CJK_SCRIPTS}]`;
/** A letter, mark or digit that is not CJK (CJK characters are words on their own). */
const WORD_CHAR = String.raw`(?:(?![${CJK_SCRIPTS}])[\p{L}\p{M}\p{N}])`;
const WORD = String.raw`${WORD_CHAR}+(?:'${WORD_CHAR}+)*`;
const EMOJI = String.raw`\p{RI}\p{RI}|\p{Extended_Pictographic}\p{EMod}?(?:\u200D\p{Extended_Pictographic}\p{EMod}?)*`;
const TOKEN = new RegExp(`${EMOJI}|${CJK_CHAR}|${WORD}`, 'gu');

/** Text → its words, lower-cased (see the file comment for what a word is). */
export function normalizeText(text: string): string[] {
  const prepared = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2019\u02bc]/g, "'")
    // Variation selectors only choose text or emoji style: ❤ and ❤️ are one word.
    .replace(/[\ufe0e\ufe0f]/g, '');
  return Array.from(prepared.matchAll(TOKEN), (match) => match[0]);
}

export interface WordVocabularyOptions {
  /** Most ids, the two reserved ones included (an Embedding's input dimension). */
  maxSize?: number;
}

/**
 * Vocabulary from already-tokenised texts: <pad>, <oov>, then words by frequency (ties in string
 * order, so it is deterministic). Words that do not fit become OOV.
 */
export function buildWordVocabularyFromTokens(
  tokenLists: Iterable<readonly string[]>,
  { maxSize = DEFAULT_WORD_VOCABULARY_SIZE }: WordVocabularyOptions = {},
): Vocabulary {
  if (!Number.isInteger(maxSize) || maxSize < 3) {
    throw new Error(
      `maxSize must be a whole number of at least 3 (two reserved ids and one word); got ${maxSize}.`,
    );
  }
  const counts = new Map<string, number>();
  for (const tokens of tokenLists) {
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  const words = rankByFrequency(counts, maxSize - 2);
  return createVocabulary('word', [PAD_TOKEN, OOV_TOKEN, ...words], {
    oovId: WORD_OOV_ID,
    padId: WORD_PAD_ID,
  });
}

export function buildWordVocabulary(
  texts: readonly string[],
  options: WordVocabularyOptions = {},
): Vocabulary {
  return buildWordVocabularyFromTokens(texts.map(normalizeText), options);
}

/** Which end loses tokens (truncate) or gains padding (pad) when a text is not `length` long. */
export type SequenceEnd = 'start' | 'end';

export interface FitOptions {
  /** Ids per sequence, the model's input length. */
  length: number;
  /** 'end' keeps the beginning of a long text (as TextVectorization); 'start' keeps its end. */
  truncate?: SequenceEnd;
  /**
   * 'end' puts padding after the words (as TextVectorization). 'start' puts it before them, which
   * suits an LSTM/GRU read at its last step: the words then sit next to the output.
   */
  pad?: SequenceEnd;
}

/** Ids cut or padded to exactly `length`. */
export function fitToLength(
  ids: readonly number[],
  padId: number,
  { length, truncate = 'end', pad = 'end' }: FitOptions,
): Int32Array {
  if (!Number.isInteger(length) || length < 1) {
    throw new Error(`length must be a whole number of at least 1; got ${length}.`);
  }
  const kept =
    ids.length <= length ? ids : truncate === 'end' ? ids.slice(0, length) : ids.slice(-length);
  const out = new Int32Array(length).fill(padId);
  out.set(kept, pad === 'end' ? 0 : length - kept.length);
  return out;
}

/** The ids of each word (OOV for unknown ones), without padding or cutting. */
export function wordIds(tokens: readonly string[], vocabulary: Vocabulary): number[] {
  if (vocabulary.kind !== 'word') {
    throw new Error(`Words need a word vocabulary, not a ${vocabulary.kind} one.`);
  }
  return tokens.map((token) => tokenId(token, vocabulary));
}

/** Text → exactly `length` ids: words, unknown words as 1, padding 0. */
export function encodeWords(text: string, vocabulary: Vocabulary, options: FitOptions): Int32Array {
  return fitToLength(
    wordIds(normalizeText(text), vocabulary),
    vocabulary.padId ?? WORD_PAD_ID,
    options,
  );
}

/**
 * Character-level tokeniser for character language models: every Unicode code point is a token.
 * Iterating by code point (not UTF-16 unit) keeps an emoji or a rare CJK character from the astral
 * planes one token instead of two meaningless surrogate halves. A multi-code-point emoji (skin tone,
 * ZWJ family) is several tokens, as each of its code points is a character of the text.
 *
 * Text is NFC-normalised (an accent typed as a separate combining mark joins its letter, so "é" is
 * one token however it was typed) and Windows line ends become "\n". Case is kept: a character
 * model is meant to learn it.
 *
 * Reserved id: 0 = <oov>, a character outside the vocabulary. There is no padding id: language
 * model windows are cut from one continuous text, so they are always full.
 */
import { createVocabulary, rankByFrequency, tokenId, type Vocabulary } from './vocabulary';

export const CHAR_OOV_ID = 0;
/** The OOV id's display name; it is longer than one code point, so no character can collide. */
export const CHAR_OOV_TOKEN = '<oov>';
/** What decodeChars writes for the OOV id: the Unicode replacement character. */
export const CHAR_OOV_TEXT = '\uFFFD';

/** Text → its characters (code points), normalised as the file comment says. */
export function normalizeChars(text: string): string[] {
  return Array.from(text.normalize('NFC').replace(/\r\n?/g, '\n'));
}

export interface CharVocabularyOptions {
  /** Most ids, the OOV id included; rarer characters become OOV. Default: every character. */
  maxSize?: number;
}

/** <oov>, then the text's characters by frequency (ties in code-unit order: deterministic). */
export function buildCharVocabulary(
  text: string,
  { maxSize = Number.POSITIVE_INFINITY }: CharVocabularyOptions = {},
): Vocabulary {
  if (maxSize !== Number.POSITIVE_INFINITY && (!Number.isInteger(maxSize) || maxSize < 2)) {
    throw new Error(
      `maxSize must be a whole number of at least 2 (the OOV id and one character); got ${maxSize}.`,
    );
  }
  const counts = new Map<string, number>();
  for (const char of normalizeChars(text)) counts.set(char, (counts.get(char) ?? 0) + 1);
  const chars = rankByFrequency(counts, maxSize - 1);
  return createVocabulary('char', [CHAR_OOV_TOKEN, ...chars], { oovId: CHAR_OOV_ID });
}

function requireCharVocabulary(vocabulary: Vocabulary): void {
  if (vocabulary.kind !== 'char') {
    throw new Error(`Characters need a char vocabulary, not a ${vocabulary.kind} one.`);
  }
}

/** Text → one id per character (OOV for characters outside the vocabulary). */
export function encodeChars(text: string, vocabulary: Vocabulary): Int32Array {
  requireCharVocabulary(vocabulary);
  return Int32Array.from(normalizeChars(text), (char) => tokenId(char, vocabulary));
}

/** Ids → text; the OOV id becomes U+FFFD so the gap stays visible. */
export function decodeChars(ids: ArrayLike<number>, vocabulary: Vocabulary): string {
  requireCharVocabulary(vocabulary);
  let out = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const char = Number.isInteger(id) ? vocabulary.tokens[id] : undefined;
    if (char === undefined) {
      throw new RangeError(
        `Id ${id} at position ${i} is not in the vocabulary (ids are whole numbers 0..${vocabulary.tokens.length - 1}).`,
      );
    }
    out += id === vocabulary.oovId ? CHAR_OOV_TEXT : char;
  }
  return out;
}

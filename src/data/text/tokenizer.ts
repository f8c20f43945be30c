/**
 * The tokenisers' public face: one import for the word tokeniser (text classification), the
 * character tokeniser (character language models) and the vocabulary they share. Each lives in its
 * own file; read those for the rules (what a word is, which ids are reserved).
 */
export {
  createVocabulary,
  decodeIds,
  deserializeVocabulary,
  serializeVocabulary,
  tokenId,
  type SerializedVocabulary,
  type Vocabulary,
  type VocabularyKind,
} from './vocabulary';
export {
  buildWordVocabulary,
  buildWordVocabularyFromTokens,
  DEFAULT_WORD_VOCABULARY_SIZE,
  encodeWords,
  fitToLength,
  normalizeText,
  OOV_TOKEN,
  PAD_TOKEN,
  WORD_OOV_ID,
  WORD_PAD_ID,
  wordIds,
  type FitOptions,
  type SequenceEnd,
  type WordVocabularyOptions,
} from './wordTokenizer';
export {
  buildCharVocabulary,
  CHAR_OOV_ID,
  CHAR_OOV_TEXT,
  CHAR_OOV_TOKEN,
  decodeChars,
  encodeChars,
  normalizeChars,
  type CharVocabularyOptions,
} from './charTokenizer';

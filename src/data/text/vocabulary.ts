/**
 * A vocabulary: the table between tokens (words or characters) and the integer ids an Embedding
 * reads. Shared by the word and character tokenisers; pure data, so it runs in Node and in the
 * training worker, and its serialised form is plain JSON (postMessage, caching).
 */

export type VocabularyKind = 'word' | 'char';

export interface Vocabulary {
  /** tokens[id] is the token with that id; reserved ids come first. */
  tokens: string[];
  /** token → id, the inverse of `tokens`. */
  index: Map<string, number>;
  kind: VocabularyKind;
  /** The id every token outside the vocabulary maps to. */
  oovId: number;
  /** The id that fills sequences up to a fixed length; absent where nothing is ever padded. */
  padId?: number;
}

/** The JSON form of a Vocabulary: the Map is rebuilt from `tokens` on the way back. */
export interface SerializedVocabulary {
  format: 'layerlab-vocabulary-v1';
  kind: VocabularyKind;
  tokens: string[];
  oovId: number;
  padId?: number;
}

/**
 * Builds a vocabulary from its token list, checking what the Map would otherwise hide: a repeated
 * token would silently keep only its last id, so encode and decode would disagree.
 */
export function createVocabulary(
  kind: VocabularyKind,
  tokens: readonly string[],
  reserved: { oovId: number; padId?: number },
): Vocabulary {
  const index = new Map<string, number>();
  tokens.forEach((token, id) => {
    if (typeof token !== 'string') {
      throw new Error(`Vocabulary token ${id} is not a string.`);
    }
    if (index.has(token)) {
      throw new Error(
        `Vocabulary token "${token}" appears twice (ids ${index.get(token)} and ${id}).`,
      );
    }
    index.set(token, id);
  });
  checkReservedId('oovId', reserved.oovId, tokens.length);
  const vocabulary: Vocabulary = { tokens: [...tokens], index, kind, oovId: reserved.oovId };
  if (reserved.padId !== undefined) {
    checkReservedId('padId', reserved.padId, tokens.length);
    if (reserved.padId === reserved.oovId) {
      throw new Error(`padId and oovId must differ (both are ${reserved.oovId}).`);
    }
    vocabulary.padId = reserved.padId;
  }
  return vocabulary;
}

function checkReservedId(name: string, id: unknown, size: number): void {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= size) {
    throw new Error(`${name} must be a whole number below the vocabulary size ${size}; got ${id}.`);
  }
}

/**
 * The `limit` most frequent tokens, most frequent first. Ties are broken by plain string order
 * (`<`, UTF-16 code units), not localeCompare, so the same text gives the same ids on every
 * machine and browser language.
 */
export function rankByFrequency(counts: ReadonlyMap<string, number>, limit: number): string[] {
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, Math.max(0, limit))
    .map(([token]) => token);
}

/** The id of one token, or the vocabulary's OOV id. */
export function tokenId(token: string, vocabulary: Vocabulary): number {
  return vocabulary.index.get(token) ?? vocabulary.oovId;
}

/**
 * Ids back to tokens, for showing tokens ↔ ids to the user. Accepts the float ids stored in
 * LabelledData.x. `skipPadding` drops padding ids (the text as the model saw it).
 */
export function decodeIds(
  ids: ArrayLike<number>,
  vocabulary: Vocabulary,
  options: { skipPadding?: boolean } = {},
): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const token = Number.isInteger(id) ? vocabulary.tokens[id] : undefined;
    if (token === undefined) {
      throw new RangeError(
        `Id ${id} at position ${i} is not in the vocabulary (ids are whole numbers 0..${vocabulary.tokens.length - 1}).`,
      );
    }
    if (options.skipPadding && id === vocabulary.padId) continue;
    out.push(token);
  }
  return out;
}

export function serializeVocabulary(vocabulary: Vocabulary): SerializedVocabulary {
  const out: SerializedVocabulary = {
    format: 'layerlab-vocabulary-v1',
    kind: vocabulary.kind,
    tokens: [...vocabulary.tokens],
    oovId: vocabulary.oovId,
  };
  if (vocabulary.padId !== undefined) out.padId = vocabulary.padId;
  return out;
}

/** Reads a vocabulary back from JSON (a cache or a message); throws naming the bad field. */
export function deserializeVocabulary(value: unknown): Vocabulary {
  if (!value || typeof value !== 'object') throw new Error('A vocabulary must be a JSON object.');
  const v = value as Partial<Record<keyof SerializedVocabulary, unknown>>;
  if (v.format !== 'layerlab-vocabulary-v1') {
    throw new Error(`Unknown vocabulary format ${JSON.stringify(v.format)}.`);
  }
  if (v.kind !== 'word' && v.kind !== 'char') {
    throw new Error(`Vocabulary "kind" must be "word" or "char"; got ${JSON.stringify(v.kind)}.`);
  }
  if (!Array.isArray(v.tokens)) throw new Error('Vocabulary "tokens" must be an array.');
  const reserved: { oovId: number; padId?: number } = { oovId: v.oovId as number };
  if (v.padId !== undefined) reserved.padId = v.padId as number;
  return createVocabulary(v.kind, v.tokens as string[], reserved);
}

/** A sentence the user typed, as a text model's input, with the run's dataset vocabulary. */
import {
  fitToLength,
  normalizeText,
  OOV_TOKEN,
  PAD_TOKEN,
  WORD_OOV_ID,
  WORD_PAD_ID,
  wordIds,
} from '../../data/text/wordTokenizer';
import { TEXT_PAD } from '../../data/text/textClassification';
import { createVocabulary, type Vocabulary } from '../../data/text/vocabulary';
import type { ProbedRun } from '../run';

const vocabularies = new WeakMap<ProbedRun, Vocabulary>();

/** A typed text as the model's input: the dataset's word ids, padded or cut to the length. */
export function encodeText(run: ProbedRun, text: string, length: number): Float32Array {
  let vocabulary = vocabularies.get(run);
  if (!vocabulary) {
    vocabulary = createVocabulary('word', run.data.tokens ?? [PAD_TOKEN, OOV_TOKEN], {
      oovId: WORD_OOV_ID,
      padId: WORD_PAD_ID,
    });
    vocabularies.set(run, vocabulary);
  }
  const ids = wordIds(normalizeText(text), vocabulary);
  // Padded like the training texts, or the model would read a sentence unlike any it learned from.
  return Float32Array.from(fitToLength(ids, WORD_PAD_ID, { length, pad: TEXT_PAD }));
}

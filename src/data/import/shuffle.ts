/**
 * LayerLab takes the validation part from the end of a dataset (src/data/split.ts), which is
 * only fair when samples are in random order. Uploads are often sorted by class (iris.csv, one
 * folder per class), so every importer shuffles, seeded, so the same upload gives the same split.
 */
import { message, type Message } from '../../shared/messages/message';
import { createRandom, shuffledIndices } from '../random';
import { reorderData } from '../split';
import type { LabelledData } from '../types';

/** The seed used when the caller gives none. */
export const DEFAULT_IMPORT_SEED = 1;

/** A copy of `data` with its samples (inputs and labels together) in a seeded random order. */
export function shuffleSamples(data: LabelledData, seed: number): LabelledData {
  if (data.count === 0) return data;
  return reorderData(data, shuffledIndices(data.count, createRandom(seed)));
}

/** The note every importer adds, so the student knows why sample 1 is not their first row. */
export function shuffleNote(seed: number): Message {
  return message('data.note.shuffled', { seed });
}

/**
 * Generated sequence tasks for attention and recurrent models: each sample is a sequence of token
 * ids, and the label is a token id per position (copy: the same symbol; reverse: the mirrored
 * symbol; sort: the symbols in ascending order). Deterministic from the seed.
 */
import { createRandom } from './random';
import type { LabelledData } from './types';

export type SequenceTaskId = 'copy' | 'reverse' | 'sort';

const TASKS: Record<SequenceTaskId, (tokens: number[]) => number[]> = {
  // The easiest: each output only needs its own input position (a sanity check for a new model).
  copy: (tokens) => [...tokens],
  reverse: (tokens) => [...tokens].reverse(),
  sort: (tokens) => [...tokens].sort((a, b) => a - b),
};

export const SEQUENCE_TASK_IDS = Object.keys(TASKS) as readonly SequenceTaskId[];

/** Sequence lengths and vocabularies a browser model learns in minutes (and the UI can show). */
export const SEQUENCE_LENGTH_RANGE = { min: 2, max: 64 } as const;
export const SEQUENCE_VOCAB_RANGE = { min: 2, max: 100 } as const;

export function isSequenceTaskId(id: string): id is SequenceTaskId {
  return Object.hasOwn(TASKS, id);
}

/** x: [count, length] token ids (as floats, which Embedding casts); y: [count, length] labels. */
export function generateSequenceTask(
  id: SequenceTaskId,
  count: number,
  length: number,
  vocab: number,
  seed: number,
): LabelledData {
  if (!isSequenceTaskId(id)) {
    throw new Error(
      `Unknown sequence task "${id}"; expected one of ${SEQUENCE_TASK_IDS.join(', ')}.`,
    );
  }
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`count must be a whole number of at least 0; got ${count}.`);
  }
  requireInRange('length', length, SEQUENCE_LENGTH_RANGE);
  requireInRange('vocab', vocab, SEQUENCE_VOCAB_RANGE);
  // The same seed gives the same inputs for every task, and the same numbers as before the labels
  // became Int32Array, so saved experiments reproduce.
  const random = createRandom(seed ^ 0x5e9);
  const x = new Float32Array(count * length);
  const y = new Int32Array(count * length);
  for (let n = 0; n < count; n++) {
    const tokens = Array.from({ length }, () => Math.floor(random() * vocab));
    const target = TASKS[id](tokens);
    x.set(tokens, n * length);
    y.set(target, n * length);
  }
  return { x, y, count };
}

function requireInRange(name: string, value: number, { min, max }: { min: number; max: number }) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got ${value}.`);
  }
}

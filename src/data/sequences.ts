/**
 * Generated sequence tasks for attention and recurrent models: each sample is a sequence of token
 * ids, and the label is a token id per position (reverse: the mirrored symbol; sort: the symbols in
 * ascending order). Deterministic from the seed.
 */
import { createRandom } from './random';
import type { LabelledData } from './toy2d';

export type SequenceTaskId = 'reverse' | 'sort';

const TASKS: Record<SequenceTaskId, (tokens: number[]) => number[]> = {
  reverse: (tokens) => [...tokens].reverse(),
  sort: (tokens) => [...tokens].sort((a, b) => a - b),
};

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
  const random = createRandom(seed ^ 0x5e9);
  const x = new Float32Array(count * length);
  const y = new Uint8Array(count * length);
  for (let n = 0; n < count; n++) {
    const tokens = Array.from({ length }, () => Math.floor(random() * vocab));
    const target = TASKS[id](tokens);
    tokens.forEach((t, i) => (x[n * length + i] = t));
    target.forEach((t, i) => (y[n * length + i] = t));
  }
  return { x, y, count };
}

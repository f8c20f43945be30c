/**
 * "Train A and B": two designs trained side by side on the same data and seed. What must match
 * for that (the data, the split, the seed, the backend), and whether the two fit in memory
 * together (interleaved, a step of each in turn) or train one after the other. Pure.
 */
import type { Experiment } from '../experiment';
import type { TrainingConfig } from '../../models/trainingConfig';
import { diffExperiments, type RunChange } from './runDiff';

export type PairMode = 'interleaved' | 'sequential';

/**
 * The most device memory two designs may need together to train interleaved (both models, their
 * gradients and optimizer state, a batch's activations each). Above it they train one after the
 * other. A school laptop's integrated GPU shares a few GB with everything else.
 */
export const PAIR_MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;

/** Settings that decide which samples train and validate, or where: A and B must share them. */
const SHARED_TRAINING: readonly (keyof TrainingConfig)[] = [
  'seed',
  'validationSplit',
  'testSplit',
  'backend',
];

export type PairCheck =
  | { ok: true; changes: RunChange[] }
  /** Nothing differs: A and B would be the same run twice. */
  | { ok: false; problem: 'same' }
  /** They differ in data, split, seed or backend: these changes must go. */
  | { ok: false; problem: 'data'; changes: RunChange[] };

/** Can `a` and `b` train as a pair? Their changes when they can. */
export function checkPair(a: Experiment, b: Experiment): PairCheck {
  const changes = diffExperiments(a, b);
  if (changes.length === 0) return { ok: false, problem: 'same' };
  const shared = changes.filter(
    (c) =>
      c.kind === 'dataset' ||
      (c.kind === 'training' && (SHARED_TRAINING as readonly string[]).includes(c.field)),
  );
  if (shared.length > 0) return { ok: false, problem: 'data', changes: shared };
  return { ok: true, changes };
}

/** Interleaved when both fit in the budget together, else one after the other. */
export function choosePairMode(
  aBytes: number,
  bBytes: number,
  budget: number = PAIR_MEMORY_BUDGET_BYTES,
): PairMode {
  return aBytes + bBytes <= budget ? 'interleaved' : 'sequential';
}

import { describe, expect, it } from 'vitest';
import { DATASETS, SEQUENCE_LENGTH, SEQUENCE_VOCAB } from './datasets';
import { generateSequenceTask, isSequenceTaskId, type SequenceTaskId } from './sequences';
import { splitValidation } from './split';

/** Sample n's tokens and labels as plain arrays. */
function sample(data: { x: Float32Array; y: Uint8Array }, n: number, length: number) {
  return {
    tokens: Array.from(data.x.subarray(n * length, (n + 1) * length)),
    labels: Array.from(data.y.subarray(n * length, (n + 1) * length)),
  };
}

describe('generateSequenceTask', () => {
  it.each(['reverse', 'sort'] as const)(
    '%s: is deterministic by seed, and another seed gives other data',
    (id: SequenceTaskId) => {
      const a = generateSequenceTask(id, 50, 8, 10, 7);
      const b = generateSequenceTask(id, 50, 8, 10, 7);
      const c = generateSequenceTask(id, 50, 8, 10, 8);
      expect(a.count).toBe(50);
      expect(a.x.length).toBe(50 * 8);
      expect(a.y.length).toBe(50 * 8);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    },
  );

  it('reverse: each label sequence is the input read backwards', () => {
    const length = 8;
    const data = generateSequenceTask('reverse', 200, length, 10, 3);
    for (let n = 0; n < data.count; n++) {
      const { tokens, labels } = sample(data, n, length);
      expect(labels).toEqual([...tokens].reverse());
    }
  });

  it('sort: each label sequence is the input in ascending order', () => {
    const length = 8;
    const data = generateSequenceTask('sort', 200, length, 10, 3);
    for (let n = 0; n < data.count; n++) {
      const { tokens, labels } = sample(data, n, length);
      expect(labels).toEqual([...tokens].sort((p, q) => p - q));
    }
    // Numeric order also holds past 9 (string order would put 10 before 2).
    const wide = generateSequenceTask('sort', 100, 6, 20, 1);
    for (let n = 0; n < wide.count; n++) {
      const { labels } = sample(wide, n, 6);
      expect(labels.slice(1).every((v, i) => v >= (labels[i] ?? 0))).toBe(true);
    }
  });

  it('tokens are whole numbers below the vocabulary, and every symbol occurs', () => {
    const data = generateSequenceTask('reverse', 500, 8, 10, 42);
    const tokens = Array.from(data.x);
    expect(tokens.filter((t) => !Number.isInteger(t) || t < 0 || t >= 10)).toEqual([]);
    expect(new Set(tokens).size).toBe(10);
  });

  it('the same seed gives the same inputs for both tasks (only the labels differ)', () => {
    const r = generateSequenceTask('reverse', 20, 8, 10, 5);
    const s = generateSequenceTask('sort', 20, 8, 10, 5);
    expect(Array.from(r.x)).toEqual(Array.from(s.x));
    expect(Array.from(r.y)).not.toEqual(Array.from(s.y));
  });

  it('splits into train and validation with one label per time step', () => {
    const data = generateSequenceTask('sort', 100, 8, 10, 9);
    const { train, validation } = splitValidation(data, 0.2);
    expect(train.count).toBe(80);
    expect(validation?.count).toBe(20);
    expect(train.y.length).toBe(80 * 8);
    expect(validation?.y.length).toBe(20 * 8);
    expect(Array.from(validation?.y ?? [])).toEqual(Array.from(data.y.subarray(80 * 8)));
  });

  it('the registry describes the tasks as generated token sequences', () => {
    expect(isSequenceTaskId('reverse')).toBe(true);
    expect(isSequenceTaskId('sort')).toBe(true);
    expect(isSequenceTaskId('spiral')).toBe(false);
    expect(isSequenceTaskId('toString')).toBe(false);
    for (const id of ['reverse', 'sort'] as const) {
      expect(DATASETS[id].inputShape).toEqual([SEQUENCE_LENGTH]);
      expect(DATASETS[id].classes.length).toBe(SEQUENCE_VOCAB);
      expect(DATASETS[id].inputIsTokens).toBe(true);
      expect(DATASETS[id].task).toBe('sequence');
    }
  });
});

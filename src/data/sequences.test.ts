import { describe, expect, it } from 'vitest';
import { builtinDataset } from './datasets';
import {
  generateSequenceTask,
  isSequenceTaskId,
  SEQUENCE_TASK_IDS,
  type SequenceTaskId,
} from './sequences';
import { splitValidation } from './split';
import type { LabelledData } from './types';

/** generateSequenceTask('reverse', 2, 4, 10, 1).x as the generator made it before this change. */
const RECORDED_REVERSE_SEED_1 = [5, 3, 5, 5, 8, 4, 1, 4];

/** Sample n's tokens and labels as plain arrays. */
function sample(data: LabelledData, n: number, length: number) {
  return {
    tokens: Array.from(data.x.subarray(n * length, (n + 1) * length)),
    labels: Array.from(data.y.subarray(n * length, (n + 1) * length)),
  };
}

describe('generateSequenceTask', () => {
  it.each(['copy', 'reverse', 'sort'] as const)(
    '%s: is deterministic by seed, and another seed gives other data',
    (id: SequenceTaskId) => {
      const a = generateSequenceTask(id, 50, 8, 10, 7);
      const b = generateSequenceTask(id, 50, 8, 10, 7);
      const c = generateSequenceTask(id, 50, 8, 10, 8);
      expect(a.count).toBe(50);
      expect(a.x).toBeInstanceOf(Float32Array);
      expect(a.y).toBeInstanceOf(Int32Array);
      expect(a.x.length).toBe(50 * 8);
      expect(a.y.length).toBe(50 * 8);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    },
  );

  it('keeps the data saved experiments were made with (same seed, same tokens as before)', () => {
    const data = generateSequenceTask('reverse', 2, 4, 10, 1);
    expect(Array.from(data.x)).toEqual(RECORDED_REVERSE_SEED_1);
  });

  it('copy: each label sequence is the input itself', () => {
    const length = 8;
    const data = generateSequenceTask('copy', 200, length, 10, 3);
    for (let n = 0; n < data.count; n++) {
      const { tokens, labels } = sample(data, n, length);
      expect(labels).toEqual(tokens);
    }
  });

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

  it('the same seed gives the same inputs for every task (only the labels differ)', () => {
    const r = generateSequenceTask('reverse', 20, 8, 10, 5);
    const s = generateSequenceTask('sort', 20, 8, 10, 5);
    const c = generateSequenceTask('copy', 20, 8, 10, 5);
    expect(Array.from(r.x)).toEqual(Array.from(s.x));
    expect(Array.from(c.x)).toEqual(Array.from(s.x));
    expect(Array.from(r.y)).not.toEqual(Array.from(s.y));
    expect(Array.from(c.y)).toEqual(Array.from(c.x));
  });

  it('accepts the bounds and rejects lengths, vocabularies and counts outside them', () => {
    expect(generateSequenceTask('sort', 3, 2, 2, 1).y.length).toBe(6);
    expect(generateSequenceTask('sort', 3, 64, 100, 1).y.length).toBe(3 * 64);
    expect(generateSequenceTask('copy', 0, 8, 10, 1).count).toBe(0);
    expect(Math.max(...generateSequenceTask('copy', 50, 64, 100, 2).x)).toBe(99);
    const bad: [number, number, number, RegExp][] = [
      [10, 1, 10, /length must be a whole number from 2 to 64; got 1\./],
      [10, 65, 10, /length .* got 65/],
      [10, 8.5, 10, /length .* got 8\.5/],
      [10, 8, 1, /vocab must be a whole number from 2 to 100; got 1\./],
      [10, 8, 101, /vocab .* got 101/],
      [-1, 8, 10, /count must be a whole number of at least 0; got -1/],
      [2.5, 8, 10, /count/],
    ];
    for (const [count, length, vocab, message] of bad) {
      expect(() => generateSequenceTask('reverse', count, length, vocab, 1)).toThrow(message);
    }
    expect(() => generateSequenceTask('spiral' as SequenceTaskId, 1, 8, 10, 1)).toThrow(
      /Unknown sequence task "spiral"; expected one of copy, reverse, sort/,
    );
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
    expect(SEQUENCE_TASK_IDS).toEqual(['copy', 'reverse', 'sort']);
    expect(SEQUENCE_TASK_IDS.every(isSequenceTaskId)).toBe(true);
    expect(isSequenceTaskId('reverse')).toBe(true);
    expect(isSequenceTaskId('sort')).toBe(true);
    expect(isSequenceTaskId('spiral')).toBe(false);
    expect(isSequenceTaskId('toString')).toBe(false);
    // The manifest's defaults: 8 digits from 0..9, within the generator's bounds.
    for (const id of SEQUENCE_TASK_IDS) {
      const info = builtinDataset(id);
      expect(info.kind).toBe('sequence');
      expect(info.inputShape).toEqual([8]);
      expect(info.classes.length).toBe(10);
      expect(info.vocabSize).toBe(10);
      expect(info.inputIsTokens).toBe(true);
      expect(info.task).toBe('sequence');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { splitData, splitValidation, takeRange } from './split';
import type { LabelledData } from './types';

/** count samples of `features` values each; sample i has features i*10 + f and label i % 3. */
function make(count: number, features: number): LabelledData {
  const x = new Float32Array(count * features);
  for (let i = 0; i < count; i++)
    for (let f = 0; f < features; f++) x[i * features + f] = i * 10 + f;
  const y = Int32Array.from({ length: count }, (_, i) => i % 3);
  return { x, y, count };
}

describe('takeRange', () => {
  it('copies the samples [start, end) with all their features', () => {
    const part = takeRange(make(10, 3), 2, 5);
    expect(part.count).toBe(3);
    expect(Array.from(part.x)).toEqual([20, 21, 22, 30, 31, 32, 40, 41, 42]);
    expect(Array.from(part.y)).toEqual([2, 0, 1]);
  });

  it('does not share memory with the source', () => {
    const data = make(4, 2);
    const part = takeRange(data, 0, 2);
    part.x[0] = -1;
    part.y[0] = 9;
    expect(data.x[0]).toBe(0);
    expect(data.y[0]).toBe(0);
  });
});

describe('splitValidation', () => {
  it('keeps the tail as validation data', () => {
    const { train, validation } = splitValidation(make(10, 2), 0.2);
    expect(train.count).toBe(8);
    expect(validation?.count).toBe(2);
    expect(Array.from(train.y)).toEqual([0, 1, 2, 0, 1, 2, 0, 1]);
    expect(Array.from(validation?.x ?? [])).toEqual([80, 81, 90, 91]);
    expect(train.x.length).toBe(16);
  });

  it('rounds the validation count down and gives null when it is 0', () => {
    expect(splitValidation(make(10, 1), 0.25).validation?.count).toBe(2);
    const none = splitValidation(make(10, 1), 0.05);
    expect(none.validation).toBeNull();
    expect(none.train.count).toBe(10);
    expect(splitValidation(make(10, 1), 0).validation).toBeNull();
  });
});

describe('splitData', () => {
  it('takes the test part from the tail and validation from what remains', () => {
    const data = make(100, 2);
    const { train, validation, test } = splitData(data, 0.25, 0.2);
    expect([train.count, validation?.count, test?.count]).toEqual([60, 20, 20]);
    expect(Array.from(test?.x.subarray(0, 2) ?? [])).toEqual(Array.from(data.x.subarray(160, 162)));
    expect(Array.from(validation?.x.subarray(0, 2) ?? [])).toEqual(
      Array.from(data.x.subarray(120, 122)),
    );
  });

  it('uses a fixed test set instead of a split when the dataset has one', () => {
    const fixed = make(7, 2);
    const { train, validation, test } = splitData(make(100, 2), 0.1, 0.3, fixed);
    expect([train.count, validation?.count, test]).toEqual([90, 10, fixed]);
  });

  it('has no test part for a zero fraction', () => {
    expect(splitData(make(10, 1), 0, 0).test).toBeNull();
  });
});

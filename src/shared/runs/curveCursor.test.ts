import { describe, expect, it } from 'vitest';
import { readSince, takeRead } from './curveCursor';
import type { RunCurves } from './runTypes';

const curvesOf = (trainSteps: number, validationSteps: number[]): RunCurves => ({
  train: Array.from({ length: trainSteps }, (_, i) => ({
    step: i + 1,
    epoch: 0,
    batches: 1,
    loss: 1 / (i + 1),
    accuracy: null,
    samplesPerSec: 100,
    learningRate: 0.01,
    tensors: 10,
    gpuBytes: 0,
    timeMs: i * 10,
  })),
  validation: validationSteps.map((step) => ({
    step,
    epoch: 0,
    loss: 1 / step,
    accuracy: null,
    timeMs: step * 10,
  })),
});

describe('reading a run’s curves a piece at a time', () => {
  it('sends everything to a reader that holds nothing, with the cursor for its next read', () => {
    const curves = curvesOf(5, [5]);
    const read = readSince(curves, 0, undefined);
    expect(read).toEqual({
      curves,
      appended: false,
      cursor: { reopened: 0, train: 5, validation: 1 },
    });
  });

  it('sends only the records after the cursor, and the pieces join up to the whole', () => {
    const early = curvesOf(5, [5]);
    const later = curvesOf(12, [5, 10]);
    const first = readSince(early, 0, undefined);
    const next = readSince(later, 0, first.cursor);
    expect(next.appended).toBe(true);
    expect(next.curves.train.map((r) => r.step)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(next.curves.validation.map((r) => r.step)).toEqual([10]);
    expect(takeRead(first.curves, next)).toEqual(later);
    // Nothing new: an empty piece, and the same cursor.
    const same = readSince(later, 0, next.cursor);
    expect(same.curves).toEqual({ train: [], validation: [] });
    expect(same.cursor).toEqual(next.cursor);
  });

  it('sends everything again once the run was reopened, or when the cursor is past its end', () => {
    const held = readSince(curvesOf(12, [5, 10]), 0, undefined);
    const cut = curvesOf(14, [5]);
    const afterReopening = readSince(cut, 1, held.cursor);
    expect(afterReopening.appended).toBe(false);
    expect(takeRead(held.curves, afterReopening)).toEqual(cut);
    // Same count yet fewer records than the reader holds (it cannot be a prefix): all again.
    expect(readSince(curvesOf(3, []), 0, held.cursor).appended).toBe(false);
  });
});

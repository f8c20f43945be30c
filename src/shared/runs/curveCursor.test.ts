import { describe, expect, it } from 'vitest';
import { chunkHolding, readSince, readTail, takeRead, type CurveCursor } from './curveCursor';
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

describe('reading only the chunks a reader lacks', () => {
  // A run's records in the order they came (a validation pass every 70 steps), stored in chunks
  // of 50 training records as the recorder stores them: a chunk closes once it holds 50.
  const CHUNK = 50;
  const all = curvesOf(180, [70, 140]);
  const events = all.train.flatMap((record) => [
    { train: record },
    ...all.validation.filter((v) => v.step === record.step).map((v) => ({ validation: v })),
  ]);
  const chunks: RunCurves[] = [{ train: [], validation: [] }];
  const positions: CurveCursor[] = [{ reopened: 0, train: 0, validation: 0 }];
  for (const event of events) {
    const filling = chunks.at(-1)!;
    if ('train' in event) filling.train.push(event.train);
    else filling.validation.push(event.validation);
    const last = positions.at(-1)!;
    positions.push({
      reopened: 0,
      train: last.train + ('train' in event ? 1 : 0),
      validation: last.validation + ('validation' in event ? 1 : 0),
    });
    if (filling.train.length === CHUNK) chunks.push({ train: [], validation: [] });
  }
  const closedValidation = chunks.slice(0, -1).map((chunk) => chunk.validation.length);
  const joined = (from: number): RunCurves => ({
    train: chunks.slice(from).flatMap((chunk) => chunk.train),
    validation: chunks.slice(from).flatMap((chunk) => chunk.validation),
  });

  it('gives every reader what a read of the whole history would, from its own chunk on', () => {
    // Validation records fell into the chunks that were filling: 1 in the second, 1 in the third.
    expect(closedValidation).toEqual([0, 1, 1]);
    for (const since of positions) {
      const start = chunkHolding(since, closedValidation, CHUNK);
      expect(start.index).toBe(Math.min(Math.floor(since.train / CHUNK), chunks.length - 1));
      const tail = readTail(joined(start.index), start, 0, since);
      expect(tail).toEqual(readSince(all, 0, since));
    }
  });

  it('declines a cursor of another reopening or past the end, for a read of the whole history', () => {
    const end = positions.at(-1)!;
    const start = chunkHolding(end, closedValidation, CHUNK);
    expect(readTail(joined(start.index), start, 1, end)).toBeNull();
    const past = { ...end, train: end.train + 1 };
    expect(
      readTail(joined(start.index), chunkHolding(past, closedValidation, CHUNK), 0, past),
    ).toBeNull();
  });
});

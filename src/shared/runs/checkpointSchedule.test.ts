import { describe, expect, it } from 'vitest';
import { checkpointReason, checkpointSteps, isEpochEnd, isLogStep } from './checkpointSchedule';

describe('checkpoint schedule', () => {
  it('keeps 0 and 1, 2, 5 in every decade', () => {
    const kept = Array.from({ length: 1001 }, (_, step) => step).filter(isLogStep);
    expect(kept).toEqual([0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(isLogStep(20_000)).toBe(true);
    expect(isLogStep(25_000)).toBe(false);
    expect(isLogStep(-1)).toBe(false);
    expect(isLogStep(2.5)).toBe(false);
  });

  it('adds every epoch end', () => {
    expect(isEpochEnd(0, 13)).toBe(false);
    expect(isEpochEnd(13, 13)).toBe(true);
    expect(isEpochEnd(14, 13)).toBe(false);
    expect(checkpointSteps(60, 13)).toEqual([0, 1, 2, 5, 10, 13, 20, 26, 39, 50, 52]);
  });

  it('names the log reason when an epoch ends on a log step', () => {
    expect(checkpointReason(10, 5)).toBe('log');
    expect(checkpointReason(15, 5)).toBe('epoch');
    expect(checkpointReason(16, 5)).toBeNull();
  });

  it('stays small for a long run: MNIST MLP, 3 epochs of 1,875 steps', () => {
    const steps = checkpointSteps(3 * 1875, 1875);
    expect(steps).toEqual([
      0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1875, 2000, 3750, 5000, 5625,
    ]);
  });
});

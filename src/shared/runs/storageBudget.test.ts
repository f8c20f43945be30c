import { describe, expect, it } from 'vitest';
import { checkpointSteps } from './checkpointSchedule';
import { fitCheckpoint, planEviction, type CheckpointSize } from './storageBudget';

const sized = (steps: number[], bytes: number): CheckpointSize[] =>
  steps.map((step) => ({ step, bytes }));

describe('fitCheckpoint', () => {
  it('drops nothing while the run is under budget', () => {
    expect(fitCheckpoint(sized([0, 1, 2], 10), { step: 5, bytes: 10 }, 100)).toEqual({
      fits: true,
      drop: [],
    });
  });

  it('thins dense late epoch ends before the early log-spaced steps', () => {
    // 13 steps an epoch for 50 epochs: log steps up to 500 and 50 epoch ends.
    const kept = sized(checkpointSteps(637, 13), 1);
    const fit = fitCheckpoint(kept, { step: 650, bytes: 1 }, 40);
    if (!fit.fits) throw new Error('should fit');
    const dropped = new Set<number>(fit.drop);
    const left = kept.map((c) => c.step).filter((step) => !dropped.has(step));
    expect(left.length + 1).toBe(40);
    for (const early of [0, 1, 2, 5, 10]) expect(left).toContain(early);
    expect([...dropped].every((step) => step > 100)).toBe(true);
  });

  it('always keeps step 0 and the incoming checkpoint', () => {
    const fit = fitCheckpoint(sized([0, 1, 2, 5, 10], 10), { step: 20, bytes: 10 }, 20);
    expect(fit).toEqual({ fits: true, drop: [1, 2, 5, 10] });
  });

  it('refuses a checkpoint bigger than the whole budget', () => {
    expect(fitCheckpoint([], { step: 0, bytes: 30 }, 20)).toEqual({ fits: false, drop: [] });
    expect(fitCheckpoint(sized([0], 15), { step: 1, bytes: 15 }, 20)).toEqual({
      fits: false,
      drop: [],
    });
  });
});

describe('planEviction', () => {
  const runs = [
    { id: 'b', createdAt: 2, pinned: false, bytes: 50 },
    { id: 'a', createdAt: 1, pinned: true, bytes: 50 },
    { id: 'c', createdAt: 3, pinned: false, bytes: 50 },
    { id: 'd', createdAt: 4, pinned: false, bytes: 50 },
  ];

  it('evicts nothing while there is room', () => {
    expect(planEviction(runs, 0, 200)).toEqual({ evict: [], fits: true });
  });

  it('evicts the oldest unpinned runs first, never a pinned or protected one', () => {
    expect(planEviction(runs, 60, 200)).toEqual({ evict: ['b', 'c'], fits: true });
    expect(planEviction(runs, 60, 200, new Set(['b']))).toEqual({ evict: ['c', 'd'], fits: true });
  });

  it('says when even evicting every candidate does not make room', () => {
    expect(planEviction(runs, 500, 200, new Set(['d']))).toEqual({
      evict: ['b', 'c'],
      fits: false,
    });
  });
});

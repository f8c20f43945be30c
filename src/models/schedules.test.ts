import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, scheduledRate, type LrSchedule } from './schedules';

const run = { stepsPerEpoch: 10, totalSteps: 100 };
const rate = (patch: Partial<LrSchedule>, step: number) =>
  scheduledRate({ ...DEFAULT_SCHEDULE, ...patch }, 0.1, step, run);

describe('scheduledRate', () => {
  it('constant: the base rate at every step', () => {
    for (const step of [0, 1, 55, 99, 500]) expect(rate({}, step)).toBe(0.1);
  });

  it('step decay: × gamma every stepEpochs epochs (PyTorch StepLR)', () => {
    const s = { kind: 'step', gamma: 0.5, stepEpochs: 3 } as const;
    // lr_t = lr · γ^⌊t / (3 · 10)⌋
    expect(rate(s, 0)).toBe(0.1);
    expect(rate(s, 29)).toBe(0.1);
    expect(rate(s, 30)).toBeCloseTo(0.05, 12);
    expect(rate(s, 60)).toBeCloseTo(0.025, 12);
    expect(rate(s, 95)).toBeCloseTo(0.0125, 12);
  });

  it('exponential: × gamma per epoch, spread over its steps', () => {
    const s = { kind: 'exponential', gamma: 0.9 } as const;
    for (const step of [0, 5, 10, 37, 99]) {
      expect(rate(s, step)).toBeCloseTo(0.1 * 0.9 ** (step / 10), 12);
    }
    expect(rate(s, 20)).toBeCloseTo(0.1 * 0.81, 12);
  });

  it('cosine: half a cosine from the base rate to the floor over the run', () => {
    const s = { kind: 'cosine', floor: 0.1 } as const;
    // η_t = η_min + (η_max − η_min)(1 + cos(π t / T)) / 2 with η_min = 0.01, T = 100
    for (const step of [0, 13, 50, 77, 100]) {
      const expected = 0.01 + (0.09 * (1 + Math.cos((Math.PI * step) / 100))) / 2;
      expect(rate(s, step)).toBeCloseTo(expected, 12);
    }
    expect(rate(s, 50)).toBeCloseTo(0.055, 12);
    expect(rate(s, 250), 'stays at the floor past the end').toBeCloseTo(0.01, 12);
  });

  it('warm-up: linear from base / n, then the schedule counts from the end of the warm-up', () => {
    const s = { kind: 'cosine', floor: 0, warmupSteps: 20 } as const;
    expect(rate(s, 0)).toBeCloseTo(0.005, 12);
    expect(rate(s, 9)).toBeCloseTo(0.05, 12);
    expect(rate(s, 19)).toBeCloseTo(0.1, 12);
    expect(rate(s, 20), 'the cosine starts at the base rate').toBeCloseTo(0.1, 12);
    // Over the remaining 80 steps: halfway at step 20 + 40.
    expect(rate(s, 60)).toBeCloseTo(0.05, 12);
    expect(rate({ kind: 'constant', warmupSteps: 4 }, 1)).toBeCloseTo(0.05, 12);
    // One warm-up step is none: the schedule starts at step 0 (as the exported programs do).
    expect(rate({ kind: 'step', stepEpochs: 1, warmupSteps: 1 }, 10)).toBeCloseTo(0.05, 12);
    expect(rate({ kind: 'step', stepEpochs: 1, warmupSteps: 5 }, 14)).toBe(0.1);
    expect(rate({ kind: 'step', stepEpochs: 1, warmupSteps: 5 }, 15)).toBeCloseTo(0.05, 12);
  });
});

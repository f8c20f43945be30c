import { describe, expect, it } from 'vitest';
import { nextTimingChunk, TIMING_MAX_STEPS } from './timingChunks';

/** Runs the plan on a backend whose step takes `stepMs` and whose readback costs `readMs`. */
function timing(stepMs: number, readMs: number, budgetMs: number) {
  let steps = 0;
  let elapsed = 0;
  let chunk = 0;
  const chunks: number[] = [];
  while ((chunk = nextTimingChunk(steps, elapsed, budgetMs, chunk)) > 0) {
    chunks.push(chunk);
    steps += chunk;
    elapsed += chunk * stepMs + readMs;
  }
  return { chunks, steps, elapsed, msPerStep: elapsed / steps };
}

describe('the steps a backend timing runs between readbacks', () => {
  it('reads a fast backend back a handful of times, not every other step', () => {
    const { chunks, steps } = timing(1, 2, 500);
    expect(steps).toBe(TIMING_MAX_STEPS);
    expect(chunks).toEqual([2, 4, 8, 16, 32, 2]);
    // A GPU step of 1 ms with a 2 ms round trip: read every 2 steps, the timing would see 2 ms a
    // step, half what training gets; read as planned, within a fifth of the true 1 ms.
    expect(timing(1, 2, 500).msPerStep).toBeLessThan(1.2);
  });

  it('keeps a slow backend within its budget, overrunning by at most one step and one readback', () => {
    const { chunks, elapsed } = timing(40, 5, 300);
    expect(chunks[0]).toBe(2);
    expect(elapsed).toBeLessThanOrEqual(300 + 40 + 5);
    // A step longer than the whole budget: the two steps of the first chunk, then no more.
    expect(timing(400, 5, 300).chunks).toEqual([2]);
  });

  it('stops at once when there is no budget or the steps are used up', () => {
    expect(nextTimingChunk(0, 0, 0, 0)).toBe(0);
    expect(nextTimingChunk(TIMING_MAX_STEPS, 10, 500, 32)).toBe(0);
    expect(nextTimingChunk(10, 500, 500, 8)).toBe(0);
  });
});

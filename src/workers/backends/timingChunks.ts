/**
 * How a backend's timing reads its loss back. Training never waits for a readback: it reads the
 * metrics back about every 250 ms in the background while further steps queue behind the read. A
 * timing that waited for the loss every step or two would charge each step a round trip to the
 * device and its pipeline drained, ranking a real GPU below what it trains at. So the timing runs
 * its steps in chunks that double (2, 4, 8, …), waiting for the loss once per chunk, and shrinks
 * the next chunk to what the time left allows at the rate measured so far, so a slow backend
 * overruns its share of the budget by at most one step and one readback.
 */

/** Timing stops after its budget or this many steps, whichever comes first. */
export const TIMING_MAX_STEPS = 64;

/** The first chunk: two steps, the least that shows a rate. */
const FIRST_CHUNK = 2;

/**
 * Steps to run before the next readback, given the steps timed so far, the time they took and
 * the chunk before; 0 when the timing is over.
 */
export function nextTimingChunk(
  stepsDone: number,
  elapsedMs: number,
  budgetMs: number,
  previousChunk: number,
): number {
  const left = TIMING_MAX_STEPS - stepsDone;
  if (left <= 0 || elapsedMs >= budgetMs) return 0;
  const doubled = previousChunk > 0 ? previousChunk * 2 : FIRST_CHUNK;
  if (stepsDone === 0 || elapsedMs <= 0) return Math.min(doubled, left);
  const fits = Math.floor((budgetMs - elapsedMs) / (elapsedMs / stepsDone));
  return Math.max(1, Math.min(doubled, left, fits));
}

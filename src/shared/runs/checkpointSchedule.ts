/**
 * When a run keeps a checkpoint (its weights and optimizer state): at steps spaced roughly
 * logarithmically — 0, 1, 2, 5, 10, 20, 50, 100, … (1, 2 and 5 in every decade) — so the early
 * steps, where a model changes fastest, are dense, and at the end of every epoch, so the timeline
 * has a regular beat too. `step` counts finished steps: checkpoint 0 is the model before training.
 */

/** True for 0 and for 1, 2 and 5 times a power of ten. */
export function isLogStep(step: number): boolean {
  if (!Number.isInteger(step) || step < 0) return false;
  if (step === 0) return true;
  let scaled = step;
  while (scaled % 10 === 0) scaled /= 10;
  return scaled === 1 || scaled === 2 || scaled === 5;
}

/** True when `step` closes an epoch of `stepsPerEpoch` steps (never step 0). */
export function isEpochEnd(step: number, stepsPerEpoch: number): boolean {
  return stepsPerEpoch > 0 && step > 0 && step % stepsPerEpoch === 0;
}

/** Why a step is kept; an epoch end that is also a log step counts as a log step. */
export type CheckpointReason = 'log' | 'epoch';

/** The reason to keep the model as it is after `step` steps, or null to skip it. */
export function checkpointReason(step: number, stepsPerEpoch: number): CheckpointReason | null {
  if (isLogStep(step)) return 'log';
  if (isEpochEnd(step, stepsPerEpoch)) return 'epoch';
  return null;
}

/** Every checkpoint step from 0 to `lastStep` inclusive, in order. */
export function checkpointSteps(lastStep: number, stepsPerEpoch: number): number[] {
  const steps: number[] = [];
  for (let step = 0; step <= lastStep; step++) {
    if (checkpointReason(step, stepsPerEpoch) !== null) steps.push(step);
  }
  return steps;
}

/**
 * Learning-rate schedules: the rate a step uses, from the base rate the user set. Pure, so the
 * trainer, the chart of the rate in use and the code export all follow one definition.
 *
 * Every schedule runs after an optional linear warm-up, and counts its own steps from the end of
 * the warm-up (as PyTorch's SequentialLR hands over to the next scheduler):
 * - constant: the base rate;
 * - step: × gamma every `stepEpochs` epochs (PyTorch's StepLR);
 * - exponential: × gamma per epoch, applied a little at every step (ExponentialLR with
 *   gamma^(1/steps per epoch), stepped per batch);
 * - cosine: from the base rate down to base × floor along half a cosine over the rest of the run
 *   (CosineAnnealingLR with eta_min = base × floor).
 * Warm-up: step s < warmupSteps uses base × (s + 1) / warmupSteps, so the first step is not zero
 * (PyTorch's LinearLR from 1 / warmupSteps over warmupSteps − 1 steps); 0 or 1 step: none.
 */

export const SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

export interface LrSchedule {
  /** Which curve the rate follows after the warm-up. */
  kind: ScheduleName;
  /** step: the factor every `stepEpochs` epochs; exponential: the factor per epoch. */
  gamma: number;
  /** step: epochs between two cuts. */
  stepEpochs: number;
  /** cosine: where it ends, as a fraction of the base rate (0: all the way down). */
  floor: number;
  /** Steps of linear warm-up before the schedule (0: none). */
  warmupSteps: number;
}

export const DEFAULT_SCHEDULE: LrSchedule = {
  kind: 'constant',
  gamma: 0.5,
  stepEpochs: 10,
  floor: 0,
  warmupSteps: 0,
};

/** What a schedule needs to know about the run. */
export interface ScheduleRun {
  stepsPerEpoch: number;
  /** Steps in the whole run (epochs × steps per epoch). */
  totalSteps: number;
}

/** The rate step `step` (0-based) uses, given the base rate. */
export function scheduledRate(
  schedule: LrSchedule,
  base: number,
  step: number,
  run: ScheduleRun,
): number {
  // One warm-up step would be the base rate anyway: 0 and 1 both mean none (as the export has it).
  const steps = Math.floor(schedule.warmupSteps);
  const warmup = steps >= 2 ? steps : 0;
  if (step < warmup) return (base * (step + 1)) / warmup;
  const t = step - warmup; // the schedule's own step count
  const perEpoch = Math.max(1, run.stepsPerEpoch);
  switch (schedule.kind) {
    case 'constant':
      return base;
    case 'step':
      return base * schedule.gamma ** Math.floor(t / (Math.max(1, schedule.stepEpochs) * perEpoch));
    case 'exponential':
      return base * schedule.gamma ** (t / perEpoch);
    case 'cosine': {
      const span = Math.max(1, run.totalSteps - warmup);
      const low = base * schedule.floor;
      return low + ((base - low) * (1 + Math.cos((Math.PI * Math.min(t, span)) / span))) / 2;
    }
    default: {
      const unknown: never = schedule.kind;
      throw new Error(`Unknown schedule: ${String(unknown)}`);
    }
  }
}

/** Does this schedule ever change the rate? (Constant with no warm-up does not.) */
export function isScheduled(schedule: LrSchedule): boolean {
  return schedule.kind !== 'constant' || schedule.warmupSteps >= 2;
}

/**
 * Where early stopping ended a run, for the curves: the step of the epoch it stopped at and the
 * step of its best epoch (whose weights it restored, when it did). Read from the run's end message
 * and the validation records, so the worker sends nothing extra.
 */
import type { Message } from '../../shared/messages/message';
import type { ValidationRecord } from '../../shared/protocol';

export interface EarlyStopMarks {
  /** The step of the last validation: the end of the epoch it stopped at. */
  stop: number;
  /** The step that ended the best epoch, when it was validated. */
  best: number | null;
  /** The best epoch's weights were put back. */
  restored: boolean;
}

export function earlyStopMarks(
  phaseMessage: Message | null,
  validation: readonly ValidationRecord[],
): EarlyStopMarks | null {
  if (!phaseMessage) return null;
  const restored = phaseMessage.key === 'worker.earlyStoppedRestored';
  if (!restored && phaseMessage.key !== 'worker.earlyStopped') return null;
  const epoch = phaseMessage.values?.['epoch'];
  const bestEpoch = phaseMessage.values?.['bestEpoch'];
  // A record's epoch counts the epochs completed, so epoch e's end is its first record: a run
  // stopped by hand partway through the next epoch is validated there with the same e.
  const stepOf = (e: unknown) => validation.find((r) => r.epoch === e)?.step ?? null;
  const stop = stepOf(epoch);
  if (stop === null) return null;
  return { stop, best: bestEpoch === epoch ? null : stepOf(bestEpoch), restored };
}

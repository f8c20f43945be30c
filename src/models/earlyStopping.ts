/**
 * Early stopping as Keras's EarlyStopping callback does it: after each epoch's validation, the
 * watched metric either improves on the best so far by at least `minDelta` (the loss falls, the
 * accuracy rises) or one more epoch of patience is used; when `patience` epochs in a row bring no
 * improvement, training stops. Pure: the session keeps the state and the best weights.
 */
import type { EarlyStopping } from './trainingConfig';

export interface EarlyStopState {
  /** The best value so far and where it was reached; null before the first validation. */
  best: { value: number; step: number; epoch: number } | null;
  /** Validations in a row without an improvement. */
  waited: number;
}

export const NO_EARLY_STOP_STATE: EarlyStopState = { best: null, waited: 0 };

export interface EpochResult {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number | null;
}

export interface EarlyStopVerdict {
  state: EarlyStopState;
  /** This epoch is the new best (keep its weights to restore). */
  improved: boolean;
  /** Patience ran out: stop now. */
  stop: boolean;
}

/** The verdict after one validation. A metric the task lacks (accuracy in a regression) never stops it. */
export function observeEpoch(
  config: EarlyStopping,
  state: EarlyStopState,
  result: EpochResult,
): EarlyStopVerdict {
  const value = config.metric === 'valLoss' ? result.loss : result.accuracy;
  if (value === null || !Number.isFinite(value)) return { state, improved: false, stop: false };
  const best = state.best?.value;
  const improved =
    best === undefined ||
    (config.metric === 'valLoss' ? value < best - config.minDelta : value > best + config.minDelta);
  if (improved) {
    return {
      state: { best: { value, step: result.step, epoch: result.epoch }, waited: 0 },
      improved: true,
      stop: false,
    };
  }
  const waited = state.waited + 1;
  return { state: { ...state, waited }, improved: false, stop: waited >= config.patience };
}

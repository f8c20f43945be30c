import { describe, expect, it } from 'vitest';
import { NO_EARLY_STOP_STATE, observeEpoch, type EarlyStopState } from './earlyStopping';
import { DEFAULT_TRAINING, type EarlyStopping } from './trainingConfig';

const config = (patch: Partial<EarlyStopping> = {}): EarlyStopping => ({
  ...DEFAULT_TRAINING.earlyStopping,
  enabled: true,
  ...patch,
});

/** Feeds one value per epoch; returns the epoch it stopped at (or null) and the best. */
function feed(values: (number | null)[], settings: EarlyStopping) {
  let state: EarlyStopState = NO_EARLY_STOP_STATE;
  for (const [i, v] of values.entries()) {
    const metric =
      settings.metric === 'valLoss' ? { loss: v ?? NaN, accuracy: 0 } : { loss: 0, accuracy: v };
    const verdict = observeEpoch(settings, state, { step: (i + 1) * 10, epoch: i + 1, ...metric });
    state = verdict.state;
    if (verdict.stop) return { stoppedAt: i + 1, best: state.best };
  }
  return { stoppedAt: null, best: state.best };
}

describe('observeEpoch', () => {
  it('stops after `patience` validations without a lower loss, remembering the best epoch', () => {
    const r = feed([1.0, 0.8, 0.6, 0.65, 0.7, 0.61, 0.9, 0.5], config({ patience: 3 }));
    expect(r.stoppedAt).toBe(6);
    expect(r.best).toEqual({ value: 0.6, step: 30, epoch: 3 });
  });

  it('an improvement resets the patience', () => {
    const r = feed([1.0, 1.1, 1.2, 0.9, 1.0, 1.1], config({ patience: 3 }));
    expect(r.stoppedAt).toBeNull();
    expect(r.best?.epoch).toBe(4);
  });

  it('counts only improvements larger than minDelta', () => {
    const r = feed([1.0, 0.995, 0.99, 0.985], config({ patience: 3, minDelta: 0.02 }));
    expect(r.stoppedAt).toBe(4);
    expect(r.best?.epoch).toBe(1);
  });

  it('watches accuracy upwards', () => {
    const r = feed([0.5, 0.7, 0.69, 0.7, 0.71], config({ metric: 'valAccuracy', patience: 2 }));
    expect(r.stoppedAt).toBe(4);
    expect(r.best).toEqual({ value: 0.7, step: 20, epoch: 2 });
  });

  it('a missing accuracy (regression) or a NaN loss never stops a run by itself', () => {
    expect(
      feed([null, null, null], config({ metric: 'valAccuracy', patience: 1 })).stoppedAt,
    ).toBeNull();
    expect(feed([Number.NaN, Number.NaN], config({ patience: 1 })).stoppedAt).toBeNull();
  });
});

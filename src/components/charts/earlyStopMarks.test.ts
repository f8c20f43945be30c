import { describe, expect, it } from 'vitest';
import { message } from '../../shared/messages/message';
import { earlyStopMarks } from './earlyStopMarks';

const validation = [1, 2, 3, 4, 5].map((epoch) => ({
  step: epoch * 10,
  epoch,
  loss: 1 / epoch,
  accuracy: null,
}));
const stopped = (restore: boolean, epoch: number, bestEpoch: number) =>
  message(restore ? 'worker.earlyStoppedRestored' : 'worker.earlyStopped', {
    epoch,
    bestEpoch,
    count: 2,
    metric: message('worker.valLoss'),
  });

describe('earlyStopMarks', () => {
  it('marks the stop and the restored best epoch by their steps', () => {
    expect(earlyStopMarks(stopped(true, 5, 3), validation)).toEqual({
      stop: 50,
      best: 30,
      restored: true,
    });
    expect(earlyStopMarks(stopped(false, 4, 2), validation)).toEqual({
      stop: 40,
      best: 20,
      restored: false,
    });
  });

  it('marks the end of the best epoch, not a stop by hand later in the next one', () => {
    // Stopped by hand at step 25 (epoch 2 done, 5 of 10 steps into the third), then continued.
    const continued = [
      ...validation.slice(0, 2),
      { ...validation[1]!, step: 25 },
      ...validation.slice(2),
    ];
    expect(earlyStopMarks(stopped(true, 5, 2), continued)).toEqual({
      stop: 50,
      best: 20,
      restored: true,
    });
  });

  it('has no marks for another message, or before the records have come', () => {
    expect(earlyStopMarks(null, validation)).toBeNull();
    expect(earlyStopMarks(message('worker.valLoss'), validation)).toBeNull();
    expect(earlyStopMarks(stopped(true, 5, 3), [])).toBeNull();
  });
});

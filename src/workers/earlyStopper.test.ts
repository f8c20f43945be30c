import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from '../models/trainingConfig';
import { EarlyStopper } from './earlyStopper';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = {
  ...DEFAULT_TRAINING.earlyStopping,
  enabled: true,
  patience: 2,
  minDelta: 0,
  restoreBest: true,
};
const epoch = (n: number, loss: number) => ({ step: n * 10, epoch: n, loss, accuracy: null });

describe('EarlyStopper', () => {
  it('stops after `patience` epochs without improvement; raising Epochs trains on with fresh patience', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    const stopper = new EarlyStopper(config, model);
    expect(stopper.observe(epoch(1, 1.0))).toBe(false);
    expect(stopper.observe(epoch(2, 1.1))).toBe(false);
    expect(stopper.observe(epoch(3, 1.2))).toBe(true);
    expect(stopper.stopped?.values?.['bestEpoch']).toBe(1);

    stopper.trainOn();
    expect(stopper.stopped).toBeNull();
    // Patience starts again; the bar is still epoch 1's loss.
    expect(stopper.observe(epoch(4, 1.05))).toBe(false);
    expect(stopper.observe(epoch(5, 1.05))).toBe(true);
    expect(stopper.stopped?.values?.['epoch']).toBe(5);
    expect(stopper.stopped?.values?.['bestEpoch']).toBe(1);
    stopper.dispose();
    model.dispose();
  });

  it('puts the best weights back only after it stopped, and counts each time it did', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    const bias = () =>
      model
        .getWeights()[1]!
        .data()
        .then((d) => d[0]);
    const setBias = (value: number) =>
      model.setWeights([model.getWeights()[0]!, tf.tensor1d([value])]);
    const stopper = new EarlyStopper(config, model);
    setBias(1);
    stopper.observe(epoch(1, 1.0)); // best: bias 1 is kept
    setBias(2);
    stopper.restoreBest(); // not stopped yet: nothing to put back
    expect(stopper.restorations).toBe(0);
    expect(await bias()).toBe(2);
    stopper.observe(epoch(2, 1.1));
    stopper.observe(epoch(3, 1.2)); // stops
    stopper.restoreBest();
    expect(stopper.restorations).toBe(1);
    expect(await bias()).toBe(1);
    stopper.dispose();
    model.dispose();
  });
});

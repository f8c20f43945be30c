import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeLoss, countCorrect, createOptimizer, setOptimizerLearningRate } from './losses';
import { DEFAULT_TRAINING, OPTIMIZERS, type OptimizerName } from './trainingConfig';

const make = (optimizer: OptimizerName, learningRate: number, patch = {}) =>
  createOptimizer({ ...DEFAULT_TRAINING, optimizer, learningRate, ...patch });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const value = async (t: tf.Tensor): Promise<number> => {
  const [v = NaN] = await t.data();
  t.dispose();
  return v;
};

describe('computeLoss', () => {
  const yTrue = () =>
    tf.tensor2d([
      [1, 0],
      [0, 1],
    ]);
  const yPred = () =>
    tf.tensor2d([
      [0.8, 0.2],
      [0.4, 0.6],
    ]);

  it('mean squared error is the mean over all entries', async () => {
    const loss = await value(computeLoss('meanSquaredError', yTrue(), yPred()));
    expect(loss).toBeCloseTo((0.04 + 0.04 + 0.16 + 0.16) / 4, 6);
  });

  it('categorical cross-entropy is the mean of −log p(true class)', async () => {
    const loss = await value(computeLoss('categoricalCrossentropy', yTrue(), yPred()));
    expect(loss).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 5);
  });

  it('binary cross-entropy on one sigmoid output', async () => {
    const loss = await value(
      computeLoss('binaryCrossentropy', tf.tensor2d([[1], [0]]), tf.tensor2d([[0.9], [0.3]])),
    );
    expect(loss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.7)) / 2, 5);
  });

  it('returns a scalar and leaks nothing', () => {
    const a = yTrue();
    const b = yPred();
    const before = tf.memory().numTensors;
    const loss = computeLoss('categoricalCrossentropy', a, b);
    expect(loss.rank).toBe(0);
    expect(tf.memory().numTensors).toBe(before + 1);
    tf.dispose([a, b, loss]);
  });
});

describe('countCorrect', () => {
  it('several outputs: compares the argmax', async () => {
    const correct = countCorrect(
      tf.tensor2d([
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]),
      tf.tensor2d([
        [0.5, 0.3, 0.2],
        [0.6, 0.3, 0.1],
        [0.1, 0.1, 0.8],
      ]),
    );
    expect(await value(correct)).toBe(2);
  });

  it('one output: class 1 when the output is above 0.5', async () => {
    const correct = countCorrect(
      tf.tensor2d([[1], [0], [1], [0]]),
      tf.tensor2d([[0.7], [0.2], [0.4], [0.6]]),
    );
    expect(await value(correct)).toBe(2);
  });
});

describe('createOptimizer', () => {
  it('uses the Keras settings by default', () => {
    const adam = make('adam', 0.01).getConfig();
    expect(adam).toMatchObject({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(make('adamw', 0.01).getConfig()).toMatchObject(adam);
    const rms = make('rmsprop', 0.02).getConfig();
    expect(rms).toMatchObject({ learningRate: 0.02, decay: 0.9, momentum: 0, epsilon: 1e-7 });
    const momentum = make('momentum', 0.03).getConfig();
    expect(momentum).toMatchObject({ learningRate: 0.03, momentum: 0.9, useNesterov: false });
    expect(make('adagrad', 0.04).getConfig()).toMatchObject({
      learningRate: 0.04,
      initialAccumulatorValue: 0.1,
    });
    expect(make('sgd', 0.05).getConfig()).toMatchObject({ learningRate: 0.05 });
  });

  it('takes the user’s optimizer settings', () => {
    const settings = {
      momentum: 0.5,
      nesterov: true,
      beta1: 0.8,
      beta2: 0.99,
      epsilon: 1e-5,
      rho: 0.7,
    };
    expect(make('momentum', 0.1, settings).getConfig()).toMatchObject({
      momentum: 0.5,
      useNesterov: true,
    });
    expect(make('adam', 0.1, settings).getConfig()).toMatchObject({
      beta1: 0.8,
      beta2: 0.99,
      epsilon: 1e-5,
    });
    expect(make('rmsprop', 0.1, settings).getConfig()).toMatchObject({ decay: 0.7, epsilon: 1e-5 });
  });

  it.each(OPTIMIZERS)('%s: setOptimizerLearningRate updates the learning rate', (name) => {
    const optimizer = make(name, 0.1);
    setOptimizerLearningRate(optimizer, 0.003);
    expect(optimizer.getConfig()['learningRate']).toBe(0.003);
    optimizer.dispose();
  });
});

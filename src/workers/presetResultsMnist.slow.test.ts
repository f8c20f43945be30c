/**
 * The issue's own target for the MNIST MLP 784-64-64-10 (Adam): at least 95 % test accuracy
 * within 3 epochs, trained exactly as the preset's Train button does, on MNIST's 60,000 training
 * digits and scored on its 10,000 test digits. Measured on the CPU backend: 97.2 % test (96.9 %
 * validation) in 167 s. See presetResults.slow.test.ts for the other presets.
 */
import { expect, it } from 'vitest';
import { PRESETS } from '../models/presets';
import { expectSensible, RUN_TIMEOUT_MS } from './testing/presetRuns';

it(
  'mnist-mlp: ≥ 95 % on the 10,000 test digits after its 3 epochs',
  async () => {
    expect(PRESETS.find((p) => p.id === 'mnist-mlp')?.training.epochs).toBe(3);
    await expectSensible({
      preset: 'mnist-mlp',
      check: ({ test }) => {
        expect(test?.count).toBeGreaterThan(9900);
        expect(test?.accuracy).toBeGreaterThanOrEqual(0.95);
      },
    });
  },
  RUN_TIMEOUT_MS,
);

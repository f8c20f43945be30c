import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION } from '../../shared/generationOptions';
import { MessageError } from '../../shared/messages/messageError';
import type { RequestCommand } from '../../shared/protocol';
import type { Run } from '../run';
import { generationHandlers } from './generationService';

const TOKENS = ['<oov>', ' ', 'a', 'b', 'c'];
const T = 4;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const model = tf.sequential({
  layers: [
    tf.layers.embedding({ inputDim: TOKENS.length, outputDim: 3, inputLength: T }),
    tf.layers.dense({ units: TOKENS.length, activation: 'softmax' }),
  ],
});
afterAll(() => model.dispose());

/**
 * A live run whose model calls `during` at each position it writes: what happens to the run
 * meanwhile (training on, early stopping putting the best weights back).
 */
function liveRun(during: (run: Run, position: number) => void): Run {
  let position = 0;
  const run = {
    id: 1,
    request: { datasetInfo: { kind: 'corpus', inputShape: [T] } },
    data: { tokens: TOKENS },
    layerOutputs: new Map(),
    trainer: { step: 30 },
    earlyStopper: { restorations: 0 },
    model: {
      apply: (input: tf.Tensor, args: object) => {
        during(run, position++);
        return model.apply(input, args);
      },
    },
  } as unknown as Run;
  return run;
}

const command = (length: number): RequestCommand<'generate'> => ({
  type: 'generate',
  requestId: 1,
  prompt: 'abc',
  options: { ...DEFAULT_GENERATION, length, seed: 1 },
  step: null,
});

const handlersFor = (run: Run) =>
  generationHandlers({
    currentRun: () => run,
    rewound: () => Promise.reject(new Error('not rewound')),
    stillRewound: () => false,
  });

describe('generate (live model)', () => {
  it('writes on while the run trains, and says which steps the text spans', async () => {
    const run = liveRun((r) => {
      r.trainer.step++;
    });
    const answer = await handlersFor(run).generate(command(50));
    expect(answer.result.tokens).toHaveLength(50);
    expect(answer.result.step).toBe(30);
    expect(answer.result.endStep).toBe(80);
  });

  it('stops when early stopping puts the best epoch’s weights back mid-writing', async () => {
    // Restored while the first chunk of 40 is written: the second would be other weights'.
    const run = liveRun((r, position) => {
      if (position === 10 && r.earlyStopper) r.earlyStopper.restorations++;
    });
    const error = await handlersFor(run)
      .generate(command(50))
      .catch((e: unknown) => e);
    expect(error instanceof MessageError && error.userMessage.key).toBe(
      'worker.generateInterrupted',
    );
  });
});

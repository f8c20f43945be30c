import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION, type GenerationOptions } from '../../shared/generationOptions';
import { MessageError } from '../../shared/messages/messageError';
import type { ProbedRun } from '../run';
import { encodePrompt, writeFromPrompt } from './promptWriter';

const TOKENS = ['<oov>', ' ', 'e', 't', 'a', 'o', 'n', 'h', 's', '\n', 'é'];
const T = 6;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** An untrained character model over TOKENS: ids [1, T] → next-character probabilities [1, T, V]. */
function charModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.embedding({
        inputDim: TOKENS.length,
        outputDim: 8,
        inputLength: T,
        embeddingsInitializer: tf.initializers.randomNormal({ stddev: 1, seed: 3 }),
      }),
      tf.layers.dense({
        units: TOKENS.length,
        activation: 'softmax',
        kernelInitializer: tf.initializers.randomNormal({ stddev: 1, seed: 4 }),
      }),
    ],
  });
}

const model = charModel();
afterAll(() => model.dispose());

function fakeRun(kind: 'corpus' | 'text' = 'corpus', withModel = model): ProbedRun {
  return {
    id: 1,
    request: { datasetInfo: { kind, inputShape: [T] } },
    model: withModel,
    data: { tokens: TOKENS },
    layerOutputs: new Map(),
    trainer: { step: 12 },
  } as unknown as ProbedRun;
}

const options = (patch: Partial<GenerationOptions>): GenerationOptions => ({
  ...DEFAULT_GENERATION,
  length: 50,
  ...patch,
});

/** Greedy decoding written out independently: predict, take the argmax of the last position. */
async function argmaxDecode(window: Float32Array, count: number): Promise<string> {
  const ids = Array.from(window);
  let out = '';
  for (let i = 0; i < count; i++) {
    const input = tf.tensor2d(ids.slice(-T), [1, T]);
    const p = model.predict(input) as tf.Tensor3D;
    const last = (await p.array())[0]?.[T - 1] ?? [];
    const id = last.indexOf(Math.max(...last));
    tf.dispose([input, p]);
    ids.push(id);
    out += TOKENS[id];
  }
  return out;
}

const written = (r: { tokens: { text: string }[] }) => r.tokens.map((t) => t.text).join('');

describe('encodePrompt', () => {
  it('pads a short prompt in front with spaces and keeps the end of a long one', () => {
    expect(encodePrompt('tea', TOKENS, T).shown).toBe('   tea');
    expect(Array.from(encodePrompt('tea', TOKENS, T).window)).toEqual([1, 1, 1, 3, 2, 4]);
    expect(encodePrompt('hot tea seen', TOKENS, T).shown).toBe('a seen');
  });

  it('names characters outside the vocabulary and reads them as the unknown character', () => {
    const encoded = encodePrompt('eat!!x', TOKENS, T);
    expect(encoded.unknown).toEqual(['!', 'x']);
    expect(encoded.shown).toBe('eat\uFFFD\uFFFD\uFFFD');
    // NFC: an e and a combining acute accent are the vocabulary's é.
    expect(encodePrompt('te\u0301', TOKENS, T).unknown).toEqual([]);
  });
});

describe('writeFromPrompt', () => {
  it('temperature 0 is argmax decoding, and temperature → 0 writes the same', async () => {
    const expected = await argmaxDecode(encodePrompt('tea', TOKENS, T).window, 50);
    const greedy = await writeFromPrompt(fakeRun(), 'tea', options({ temperature: 0 }));
    expect(written(greedy)).toBe(expected);
    const cold = await writeFromPrompt(fakeRun(), 'tea', options({ temperature: 1e-4 }));
    expect(written(cold)).toBe(expected);
    // Greedy takes the likeliest: the first alternative, drawn with probability 1.
    for (const token of greedy.tokens) {
      expect(token.alternatives[0]?.text).toBe(token.text);
      expect(token.probability).toBeCloseTo(token.alternatives[0]?.probability ?? NaN, 6);
      expect(token.sampledProbability).toBe(1);
    }
  });

  it('the same seed writes the same text; another seed other text', async () => {
    const warm = options({ temperature: 1.5, seed: 7 });
    const a = await writeFromPrompt(fakeRun(), 'the', warm);
    const b = await writeFromPrompt(fakeRun(), 'the', warm);
    const c = await writeFromPrompt(fakeRun(), 'the', { ...warm, seed: 8 });
    expect(written(a)).toBe(written(b));
    expect(written(a)).not.toBe(written(c));
    expect(a.tokens).toHaveLength(50);
    expect(a.step).toBe(12);
    expect(a.window).toBe('   the');
  });

  it('top-k keeps every drawn character among the k likeliest, with its probabilities', async () => {
    const result = await writeFromPrompt(fakeRun(), 'on', options({ temperature: 2, topK: 3 }));
    for (const token of result.tokens) {
      const top3 = token.alternatives.slice(0, 3).map((a) => a.text);
      expect(top3).toContain(token.text);
      expect(token.probability).toBeGreaterThan(0);
      expect(token.probability).toBeLessThanOrEqual(1);
      expect(token.sampledProbability).toBeGreaterThan(0);
      const p = token.alternatives.map((a) => a.probability);
      expect([...p].sort((x, y) => y - x)).toEqual(p);
    }
  });

  it('says what is wrong: not a language model, no prompt, settings out of range', async () => {
    const problem = async (run: ProbedRun, prompt: string, o: GenerationOptions) => {
      try {
        await writeFromPrompt(run, prompt, o);
        return null;
      } catch (error) {
        return error instanceof MessageError ? error.userMessage.key : String(error);
      }
    };
    expect(await problem(fakeRun('text'), 'a', options({}))).toBe(
      'worker.generateNotLanguageModel',
    );
    expect(await problem(fakeRun(), '', options({}))).toBe('worker.generateEmptyPrompt');
    expect(await problem(fakeRun(), 'a', options({ temperature: -1 }))).toBe(
      'worker.generateOptions',
    );
    expect(await problem(fakeRun(), 'a', options({ length: 0 }))).toBe('worker.generateOptions');
  });

  it('stops with a message when the model it began with is gone after a chunk', async () => {
    let checks = 0;
    // Checked before and after each chunk of 40: there through the first, gone after the second.
    const gone = () => ++checks < 4;
    const error = await writeFromPrompt(fakeRun(), 'tea', options({ length: 50 }), gone).catch(
      (e: unknown) => e,
    );
    expect(error instanceof MessageError && error.userMessage.key).toBe(
      'worker.generateInterrupted',
    );
    expect(checks).toBe(4);
  });

  it('writes nothing when the model is already gone before the first chunk', async () => {
    // A model that must not run: the check comes before it.
    const untouchable = {
      apply: () => {
        throw new Error('the model ran');
      },
    } as unknown as tf.LayersModel;
    const before = tf.memory().numTensors;
    const error = await writeFromPrompt(
      fakeRun('corpus', untouchable),
      'tea',
      options({}),
      () => false,
    ).catch((e: unknown) => e);
    expect(error instanceof MessageError && error.userMessage.key).toBe(
      'worker.generateInterrupted',
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a diverged model (NaN probabilities) is refused with a message, not written as NaN%', async () => {
    const diverged = tf.sequential({
      layers: [
        tf.layers.embedding({
          inputDim: TOKENS.length,
          outputDim: 4,
          inputLength: T,
          embeddingsInitializer: tf.initializers.constant({ value: NaN }),
        }),
        tf.layers.dense({ units: TOKENS.length, activation: 'softmax' }),
      ],
    });
    for (const temperature of [0, 1]) {
      const error = await writeFromPrompt(
        fakeRun('corpus', diverged),
        'tea',
        options({ temperature }),
      ).catch((e: unknown) => e);
      expect(error instanceof MessageError && error.userMessage.key).toBe(
        'worker.generateNotFinite',
      );
    }
    diverged.dispose();
  });

  it('leaves no tensors behind', async () => {
    await writeFromPrompt(fakeRun(), 'a', options({ length: 3 }));
    const before = tf.memory().numTensors;
    await writeFromPrompt(fakeRun(), 'hat', options({ length: 45, topK: 2 }));
    expect(tf.memory().numTensors).toBe(before);
  });
});

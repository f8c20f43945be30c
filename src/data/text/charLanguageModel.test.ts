import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { labelsPerSample } from '../types';
import { buildCharLanguageModel, sampleNextChar } from './charLanguageModel';
import { decodeChars } from './charTokenizer';
import { englishText } from '../../shared/messages/englishText';

const TEXT = 'to be or not to be, that is the question 🐍';

describe('buildCharLanguageModel', () => {
  it('targets are the inputs shifted by one character', () => {
    const { data, vocabulary, inputShape } = buildCharLanguageModel(TEXT, {
      sequenceLength: 8,
      stride: 3,
    });
    expect(inputShape).toEqual([8]);
    expect(data.y).toBeInstanceOf(Int32Array);
    expect(labelsPerSample(data)).toBe(8);
    const chars = Array.from(TEXT);
    expect(data.count).toBe(Math.floor((chars.length - 9) / 3) + 1);
    for (let n = 0; n < data.count; n++) {
      const input = decodeChars(data.x.subarray(n * 8, n * 8 + 8), vocabulary);
      const target = decodeChars(data.y.subarray(n * 8, n * 8 + 8), vocabulary);
      expect(input).toBe(chars.slice(n * 3, n * 3 + 8).join(''));
      expect(target).toBe(chars.slice(n * 3 + 1, n * 3 + 9).join(''));
    }
  });

  it('defaults to non-overlapping windows of 32 and ends with the emoji as one target', () => {
    const text = 'abcdefghij'.repeat(10) + '🐍';
    const { data, vocabulary } = buildCharLanguageModel(text);
    expect(data.count).toBe(3); // 101 characters: windows at 0, 32, 64
    const last = buildCharLanguageModel(text, { sequenceLength: 100 });
    expect(last.data.count).toBe(1);
    expect(decodeChars(last.data.y.subarray(99, 100), last.vocabulary)).toBe('🐍');
    expect(vocabulary.tokens).toContain('🐍');
  });

  it('caps windows at maxSamples, spread evenly over the text, and says so', () => {
    const text = 'x'.repeat(1000);
    const { data, notes } = buildCharLanguageModel(text, {
      sequenceLength: 4,
      stride: 1,
      maxSamples: 10,
    });
    expect(data.count).toBe(10);
    expect(notes.map(englishText).join('\n')).toMatch(/spread evenly over the 996 possible/);
  });

  it('maps characters beyond vocabSize to <oov> and notes it', () => {
    const { vocabulary, data, notes } = buildCharLanguageModel('aaaabbbc', {
      sequenceLength: 3,
      stride: 1,
      vocabSize: 3,
    });
    expect(vocabulary.tokens).toEqual(['<oov>', 'a', 'b']);
    expect(Array.from(data.y.subarray(-1))).toEqual([0]);
    expect(notes.map(englishText).join('\n')).toMatch(
      /12\.5% of characters are outside the vocabulary/,
    );
  });

  it('rejects a text too short and bad options, naming them', () => {
    expect(() => buildCharLanguageModel('abc', { sequenceLength: 3 })).toThrow(
      /has 3 characters; a sequenceLength of 3 needs at least 4/,
    );
    expect(() => buildCharLanguageModel(TEXT, { sequenceLength: 0 })).toThrow(/sequenceLength/);
    expect(() => buildCharLanguageModel(TEXT, { stride: 1.5 })).toThrow(/stride/);
    expect(() => buildCharLanguageModel(TEXT, { maxSamples: 0 })).toThrow(/maxSamples/);
  });
});

describe('sampleNextChar', () => {
  const probabilities = new Float32Array([0.1, 0.6, 0, 0.3]);

  function histogram(temperature: number, draws = 20000, seed = 1): number[] {
    const random = createRandom(seed);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < draws; i++) {
      const id = sampleNextChar(probabilities, temperature, random);
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts.map((c) => c / draws);
  }

  it('at temperature 1 draws each id with its probability, never a zero one', () => {
    const freq = histogram(1);
    expect(freq[0]).toBeCloseTo(0.1, 1);
    expect(freq[1]).toBeCloseTo(0.6, 1);
    expect(freq[2]).toBe(0);
    expect(freq[3]).toBeCloseTo(0.3, 1);
  });

  it('matches p^(1/t) renormalised at other temperatures', () => {
    for (const t of [0.5, 2]) {
      const w = Array.from(probabilities, (p) => p ** (1 / t));
      const total = w.reduce((a, b) => a + b, 0);
      histogram(t).forEach((f, i) => expect(f).toBeCloseTo((w[i] ?? 0) / total, 1));
    }
  });

  it('takes the most likely id at temperature 0 and tiny temperatures do not underflow', () => {
    const random = createRandom(2);
    expect(sampleNextChar(probabilities, 0, random)).toBe(1);
    expect(sampleNextChar(probabilities, 1e-6, random)).toBe(1);
    expect(sampleNextChar(new Float32Array([1e-30, 2e-30]), 0.01, random)).toBe(1);
  });

  it('is deterministic for a seeded random source and accepts unnormalised weights', () => {
    expect(histogram(0.8, 500, 9)).toEqual(histogram(0.8, 500, 9));
    const scaled = Float32Array.from(probabilities, (p) => p * 7);
    const a = createRandom(5);
    const b = createRandom(5);
    for (let i = 0; i < 50; i++) {
      expect(sampleNextChar(scaled, 1, a)).toBe(sampleNextChar(probabilities, 1, b));
    }
  });

  it('rejects bad input', () => {
    const random = createRandom(1);
    expect(() => sampleNextChar(new Float32Array(0), 1, random)).toThrow(/empty/);
    expect(() => sampleNextChar(new Float32Array([0, 0]), 1, random)).toThrow(/all 0/);
    expect(() => sampleNextChar(new Float32Array([0.5, NaN]), 1, random)).toThrow(
      /probabilities\[1\] is NaN/,
    );
    expect(() => sampleNextChar(new Float32Array([-1, 2]), 1, random)).toThrow(/at least 0/);
    expect(() => sampleNextChar(probabilities, -1, random)).toThrow(/temperature/);
    expect(() => sampleNextChar(probabilities, Infinity, random)).toThrow(/temperature/);
  });
});

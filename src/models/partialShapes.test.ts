/**
 * Partial shape inference: an invalid layer no longer blanks the layers around it. The valid
 * prefix keeps its shapes and counts, the suffix keeps every dimension and count that does not
 * depend on the broken layer, and a layer whose own problem leaves its shape known (an Embedding
 * too small for the chosen dataset's vocabulary) still counts its weights.
 */
import { describe, expect, it } from 'vitest';
import { inferStack } from './inferStack';
import { formatPartialShape } from './sketchShape';
import type { LayerSpec } from './spec';

const dense = (id: string, units: number): LayerSpec => ({
  id,
  kind: 'dense',
  units,
  activation: 'relu',
});
const conv = (id: string, filters: number, kernelSize: number): LayerSpec => ({
  id,
  kind: 'conv2d',
  filters,
  kernelSize,
  strides: 1,
  padding: 'valid',
  activation: 'relu',
});
const flatten = (id: string): LayerSpec => ({ id, kind: 'flatten' });

/** Each layer's shape as the designer prints it, its count (null: unknown) and whether it has a problem. */
function walk(layers: LayerSpec[], input: number[], tokens = false, tokenVocab?: number) {
  const r = inferStack(layers, input, { inputIsTokens: tokens, tokenVocab });
  return {
    rows: r.layers.map((l) => [
      formatPartialShape(l.sketch.shape),
      l.sketch.params,
      l.problem !== null,
    ]),
    total: r.totalParams,
    known: r.paramsKnown,
    output: r.output,
  };
}

describe('partial shape inference', () => {
  it('keeps the valid prefix and the suffix of a stack broken in the middle', () => {
    // MNIST: Flatten → Dense(64) → Conv2D on a vector (invalid) → Flatten → Dense(64) → Dense(10).
    const r = walk(
      [
        flatten('f'),
        dense('d1', 64),
        conv('c', 8, 3),
        flatten('f2'),
        dense('d2', 64),
        dense('d3', 10),
      ],
      [28, 28, 1],
    );
    expect(r.rows).toEqual([
      ['[784]', 0, false],
      ['[64]', 784 * 64 + 64, false],
      // A Conv2D needs an image: its output has 8 channels, the rest cannot be known.
      ['[?, ?, 8]', null, true],
      ['[?]', 0, false],
      // Its input size is unknown, its output is not.
      ['[64]', null, false],
      // Keras: 64 × 10 + 10.
      ['[10]', 650, false],
    ]);
    expect(r.known).toBe(false);
    expect(r.total).toBe(784 * 64 + 64 + 650);
    expect(r.output).toBeNull();
  });

  it('names a second problem past the first when its input is known', () => {
    // Dense(0) is invalid: a vector of unknown width, whose size the next Dense cannot count.
    const r = walk([dense('d1', 0), flatten('f'), dense('d2', 16)], [4]);
    expect(r.rows).toEqual([
      ['[?]', null, true],
      ['[?]', 0, false],
      ['[16]', null, false],
    ]);
    // Past the break, a layer whose input is known again is judged: Conv2D on [10] is wrong too.
    const two = walk([conv('c1', 4, 3), flatten('f'), dense('d', 10), conv('c2', 4, 3)], [6]);
    expect(two.rows.map((row) => row[2])).toEqual([true, false, false, true]);
    expect(two.rows.map((row) => row[0])).toEqual(['[?, ?, 4]', '[?]', '[10]', '[?, ?, 4]']);
  });

  it('counts an Embedding smaller than the dataset vocabulary as its own fields say (Keras)', () => {
    // A Keras text model: Embedding(10,000 × 16) → GlobalAveragePooling1D → Dense(1), on a
    // dataset whose vocabulary is 20,000.
    const layers: LayerSpec[] = [
      { id: 'e', kind: 'embedding', inputDim: 10_000, outputDim: 16 },
      { id: 'g', kind: 'globalavgpool1d' },
      { id: 'o', kind: 'dense', units: 1, activation: 'sigmoid' },
    ];
    const r = walk(layers, [200], true, 20_000);
    expect(r.rows).toEqual([
      ['[200, 16]', 160_000, true],
      ['[16]', 0, false],
      ['[1]', 17, false],
    ]);
    // Keras's summary of this model: 160,017 parameters.
    expect(r.total).toBe(160_017);
    expect(r.known).toBe(true);
    expect(r.output).toBeNull();
    // The problem comes with its one-click fix, and the fix repairs it.
    const bad = inferStack(layers, [200], { inputIsTokens: true, tokenVocab: 20_000 }).layers[0];
    expect(bad?.fix?.patch).toEqual({ inputDim: 20_000 });
    const fixed = layers.map((l) =>
      l.id === 'e' ? { ...l, ...bad?.fix?.patch } : l,
    ) as LayerSpec[];
    const after = inferStack(fixed, [200], { inputIsTokens: true, tokenVocab: 20_000 });
    expect(after.output).toEqual([1]);
    expect(after.totalParams).toBe(20_000 * 16 + 17);
  });

  it('a merge past a problem reads the sketched source', () => {
    const layers: LayerSpec[] = [
      dense('a', 8),
      { id: 'bad', kind: 'dropout', rate: 2 },
      { id: 'add', kind: 'add', from: 'a' },
      dense('out', 3),
    ];
    const r = walk(layers, [5]);
    expect(r.rows.map((row) => row[0])).toEqual(['[8]', '[8]', '[8]', '[3]']);
    expect(r.rows.map((row) => row[2])).toEqual([false, true, false, false]);
    expect(r.total).toBe(5 * 8 + 8 + 8 * 3 + 3);
  });

  it("holds every design to the designer's ranges, wherever it came from", () => {
    // A file or a share link could hold what no card allows: Dense's units go up to 4,096.
    const r = inferStack([flatten('f'), dense('d', 2_000_000_000)], [28, 28, 1], {
      inputIsTokens: false,
    });
    expect(r.problems.map((p) => p.problem)).toEqual([
      expect.objectContaining({ key: 'layers.outOfRange' }),
    ]);
    expect(r.output).toBeNull();
    // Its width stays unknown: the designer does not pretend to know it.
    expect(formatPartialShape(r.layers[1]?.sketch.shape ?? null)).toBe('[?]');
  });

  it('leaves a valid stack exactly as before', () => {
    const r = inferStack([flatten('f'), dense('d', 10)], [28, 28, 1], { inputIsTokens: false });
    expect(r.output).toEqual([10]);
    expect(r.paramsKnown).toBe(true);
    expect(r.layers.map((l) => l.outputShape)).toEqual([[784], [10]]);
  });
});

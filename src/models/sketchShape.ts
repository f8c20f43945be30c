/**
 * What can still be said of a layer's output when the layers before it are not all valid: its
 * shape with the dimensions that do not depend on the broken part (the rest `null`, shown as "?"),
 * and its parameter count when that does not depend on them either. This keeps the designer from
 * going blank: after an invalid layer, a Flatten → Dense(64) → Dense(10) still shows [64] and
 * [10] and Dense(10)'s 650 parameters.
 *
 * The layer types' own shape rules answer it, run on stand-ins: every unknown dimension is filled
 * with one placeholder size, twice with two different sizes. A dimension (or parameter count) that
 * comes out the same both times does not depend on the unknown ones. When even the rank is unknown
 * (after a layer whose output cannot be guessed), ranks 1 to 3 are tried, and the ones the layer
 * accepts must agree on the rank of what it gives.
 */
import { fieldExtremes } from './fieldExtremes';
import { inferLayer } from './layerRegistry';
import type { InferContext, LayerShapeResult } from './layerTypes/types';
import type { LayerSpec, Shape } from './spec';

/** A shape whose unknown dimensions are null; a whole unknown shape (even its rank) is null. */
export type PartialShape = readonly (number | null)[];

export interface Sketch {
  shape: PartialShape | null;
  /** Null when the count depends on an unknown dimension. */
  params: number | null;
}

export const UNKNOWN: Sketch = { shape: null, params: null };

/** Two sizes unlikely to be anybody's real dimension, small enough for kernels and pools to fit. */
const PLACEHOLDERS = [13, 29] as const;
/** The ranks LayerLab's layers produce: vectors, sequences [T, d] and images [h, w, c]. */
const RANKS = [1, 2, 3] as const;

export function isComplete(shape: PartialShape | null): shape is Shape {
  return shape !== null && shape.every((d) => d !== null);
}

export function formatPartialShape(shape: PartialShape | null): string {
  return shape === null ? '—' : `[${shape.map((d) => d ?? '?').join(', ')}]`;
}

/** The shape with every unknown dimension set to `size`. */
function fill(shape: PartialShape, size: number): Shape {
  return shape.map((d) => d ?? size);
}

/** Where the layers before are known only in part, `outputOf` for one stand-in size. */
export type SketchOutputs = ReadonlyMap<string, Sketch>;

/**
 * The sketch of `layer` on `input`. `ctx` is the walk's context; earlier layers (for merges) are
 * read from `sketches`, filled with the same stand-in as the input so that equal unknown sizes
 * stay equal.
 */
export function sketchLayer(
  layer: LayerSpec,
  input: PartialShape | null,
  ctx: InferContext,
  sketches: SketchOutputs,
): Sketch {
  const candidates: Shape[][] =
    input === null
      ? RANKS.map((rank) => PLACEHOLDERS.map((size) => Array<number>(rank).fill(size)))
      : [PLACEHOLDERS.map((size) => fill(input, size))];
  const agreed: Sketch[] = [];
  for (const pair of candidates) {
    const results = pair.map((stand, i) => {
      const size = PLACEHOLDERS[i] ?? 0;
      const outputOf = (id: string): Shape | null | undefined => {
        const known = ctx.outputOf(id);
        if (known !== null) return known;
        const sketch = sketches.get(id);
        return sketch?.shape ? fill(sketch.shape, size) : null;
      };
      return inferLayer(layer, stand, { ...ctx, outputOf });
    });
    const sketch = agree(results);
    if (sketch) agreed.push(sketch);
  }
  const first = agreed[0];
  if (!first) return UNKNOWN;
  return (
    agreed.slice(1).reduce<Sketch | null>((a, b) => (a ? merge(a, b) : null), first) ?? UNKNOWN
  );
}

/** What two runs on different stand-ins agree on, or null when either failed. */
function agree(results: LayerShapeResult[]): Sketch | null {
  const [a, b] = results;
  if (!a?.ok || !b?.ok) return null;
  return merge(
    { shape: a.outputShape, params: a.params },
    { shape: b.outputShape, params: b.params },
  );
}

/** The dimensions and count two sketches share; null when their ranks differ. */
function merge(a: Sketch, b: Sketch): Sketch | null {
  if (a.shape === null || b.shape === null || a.shape.length !== b.shape.length) return null;
  const other = b.shape;
  return {
    shape: a.shape.map((d, i) => (d === other[i] ? d : null)),
    params: a.params === b.params ? a.params : null,
  };
}

/**
 * A layer whose own rule failed: what it would give were its problem fixed, as far as that can be
 * told. In turn: on its real input with no vocabulary check (an imported Embedding smaller than the
 * chosen dataset's vocabulary still has its own shape and Keras's count); with its out-of-range
 * settings at either end of their range (a Dropout of rate 2 still passes its input on); on
 * stand-ins of any rank (a Conv2D after a Dense still gives [?, ?, filters]).
 */
export function sketchFailedLayer(
  layer: LayerSpec,
  input: Shape,
  ctx: InferContext,
  sketches: SketchOutputs,
): Sketch {
  const relaxedCtx = { ...ctx, tokenVocab: null };
  const relaxed = inferLayer(layer, input, relaxedCtx);
  if (relaxed.ok) return { shape: relaxed.outputShape, params: relaxed.params };
  const ends = fieldExtremes(layer);
  if (ends) {
    const sketch = agree(ends.map((end) => inferLayer(end, input, relaxedCtx)));
    if (sketch) return sketch;
  }
  return sketchLayer(layer, null, relaxedCtx, sketches);
}

/**
 * Reading a decision-boundary grid's probabilities, stored either as p(class 1) per grid point
 * (binary: numClasses 2 and one value per point) or as [points, numClasses] row-major.
 */

export function isBinary(probs: ArrayLike<number>, points: number, numClasses: number): boolean {
  return numClasses === 2 && probs.length === points;
}

/** p(class c) at grid point `point`; NaN when missing. */
export function classProbability(
  probs: ArrayLike<number>,
  points: number,
  numClasses: number,
  point: number,
  c: number,
): number {
  if (isBinary(probs, points, numClasses)) {
    const p1 = probs[point] ?? NaN;
    return c === 1 ? p1 : 1 - p1;
  }
  return probs[point * numClasses + c] ?? NaN;
}

/** The most likely class at a grid point and its probability (-1 and NaN when missing). */
export function topClass(
  probs: ArrayLike<number>,
  points: number,
  numClasses: number,
  point: number,
): { readonly cls: number; readonly p: number } {
  let cls = -1;
  let p = NaN;
  for (let c = 0; c < numClasses; c++) {
    const q = classProbability(probs, points, numClasses, point, c);
    if (!Number.isNaN(q) && (cls < 0 || q > p)) {
      cls = c;
      p = q;
    }
  }
  return { cls, p };
}

/**
 * What a head attends to, in numbers a student can compare: the mean weight on the diagonal
 * (each position looks at itself: copying) and on the anti-diagonal (position i looks at T−1−i:
 * reversal). Chance is 1/T for either.
 */
export interface HeadFocus {
  diagonal: number;
  mirror: number;
}

/** maps: [heads, T, T] row-major (queries down, keys across). */
export function headFocus(maps: Float32Array, heads: number, length: number): HeadFocus[] {
  return Array.from({ length: heads }, (_, h) => {
    let diagonal = 0;
    let mirror = 0;
    for (let i = 0; i < length; i++) {
      const row = (h * length + i) * length;
      diagonal += maps[row + i] ?? 0;
      mirror += maps[row + (length - 1 - i)] ?? 0;
    }
    return { diagonal: diagonal / length, mirror: mirror / length };
  });
}

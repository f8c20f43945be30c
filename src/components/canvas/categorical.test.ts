import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS } from '../PointsPlot';
import { CATEGORICAL, classColour, classRgb } from './categorical';

describe('categorical palette', () => {
  it("keeps the dataset browser's class colours first, so a class keeps its colour", () => {
    expect(CATEGORICAL.slice(0, CLASS_COLOURS.length)).toEqual(CLASS_COLOURS);
  });

  it('has ten distinct colours (enough for MNIST)', () => {
    expect(new Set(CATEGORICAL).size).toBe(10);
  });

  it('wraps round and gives odd ids the first colour', () => {
    expect(classColour(10)).toBe(CATEGORICAL[0]);
    expect(classColour(11)).toBe(CATEGORICAL[1]);
    expect(classColour(-1)).toBe(CATEGORICAL[0]);
    expect(classColour(NaN)).toBe(CATEGORICAL[0]);
    expect(classRgb(0)).toEqual([0, 114, 178]);
  });
});

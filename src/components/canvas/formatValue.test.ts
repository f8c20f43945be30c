import { describe, expect, it } from 'vitest';
import { describeCell, describeStep, formatValue } from './formatValue';

describe('formatValue', () => {
  it('keeps counts whole and rounds the rest to 3 significant digits', () => {
    expect(formatValue(42)).toBe('42');
    expect(formatValue(Math.fround(0.3))).toBe('0.3');
    expect(formatValue(-0.123456)).toBe('-0.123');
    expect(formatValue(12.3456)).toBe('12.3');
  });

  it('uses exponents for tiny and huge values and names non-finite ones', () => {
    expect(formatValue(0.00001234)).toBe('1.23e-5');
    expect(formatValue(123456.7)).toBe('1.23e+5');
    expect(formatValue(NaN)).toBe('NaN');
    expect(formatValue(-Infinity)).toBe('−∞');
  });
});

describe('describeCell', () => {
  it('reads "row → col: value" with labels, or indices without', () => {
    expect(describeCell(1, 2, 0.5, ['the', 'cat'], ['a', 'b', 'sat'])).toBe('cat → sat: 0.5');
    expect(describeCell(3, 0, 7)).toBe('row 3 → col 0: 7');
  });
});

describe('describeStep', () => {
  it('names the time step, its token when known, and the unit', () => {
    expect(describeStep(3, 5, 0.4213, ['a', 'b', 'c', 'cat'])).toBe('t 3 (cat) · unit 5: 0.421');
    expect(describeStep(0, 1, -1)).toBe('t 0 · unit 1: -1');
  });
});

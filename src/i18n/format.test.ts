import { describe, expect, it } from 'vitest';
import { numberFormats } from './format';

describe('numberFormats', () => {
  const en = numberFormats('en');

  it('writes at most the decimals asked for, and none that are not needed', () => {
    expect(en.upTo(1.5, 2)).toBe('1.5');
    expect(en.upTo(2, 2)).toBe('2');
    expect(en.upTo(0.7333, 2)).toBe('0.73');
    expect(en.upTo(12345.6, 1)).toBe('12345.6');
  });

  it('writes small and large values with significant digits', () => {
    expect(en.significant(0.000123, 2)).toBe('0.00012');
    expect(en.significant(2.3456, 3)).toBe('2.35');
    expect(en.significant(1000, 3)).toBe('1000');
  });

  it('shows non-finite values as they are', () => {
    expect(en.upTo(Number.NaN, 2)).toBe('NaN');
    expect(en.significant(Number.POSITIVE_INFINITY, 3)).toBe('∞');
  });
});

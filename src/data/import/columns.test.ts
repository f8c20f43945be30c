import { describe, expect, it } from 'vitest';
import { describeColumns, isMissing, parseNumber } from './columns';
import { parseTableText } from './csv';

describe('value rules', () => {
  it('treats the usual "unknown" markers as missing, in any case', () => {
    for (const value of ['', 'NA', 'na', 'NaN', '?', 'null', 'NULL', 'N/A']) {
      expect(isMissing(value)).toBe(true);
    }
    expect(isMissing('0')).toBe(false);
    expect(isMissing('none')).toBe(false);
  });

  it('reads plain decimal numbers only', () => {
    expect(['1', '-2.5', '+3', '.5', '4.', '1e3', '2E-2'].map(parseNumber)).toEqual([
      1, -2.5, 3, 0.5, 4, 1000, 0.02,
    ]);
    for (const value of ['', '0x10', 'Infinity', '1,5', '1 2', 'abc']) {
      expect(parseNumber(value)).toBeNull();
    }
  });
});

describe('describeColumns', () => {
  const rows = Array.from({ length: 30 }, (_, i) =>
    [i * 1.5, i % 3, ['red', 'green', 'blue'][i % 3], i === 4 ? 'NA' : i, ''].join(','),
  );
  const table = parseTableText('t.csv', `price,grade,colour,age,notes\n${rows.join('\n')}\n`);
  const [price, grade, colour, age, notes] = describeColumns(table);

  it('tells numbers, categories and empty columns apart', () => {
    expect([price, grade, colour, age, notes].map((c) => c?.kind)).toEqual([
      'numeric',
      'numeric',
      'categorical',
      'numeric',
      'empty',
    ]);
  });

  it('counts distinct and missing values and shows a few examples', () => {
    expect(colour).toMatchObject({ name: 'colour', distinct: 3, missing: 0 });
    expect(colour?.examples).toEqual(['red', 'green', 'blue']);
    expect(age).toMatchObject({ distinct: 29, missing: 1 });
    expect(age?.examples).toHaveLength(5);
    expect(notes).toMatchObject({ distinct: 0, missing: 30, examples: [] });
  });

  it('suggests classification for text or few numbers, regression for many numbers', () => {
    expect(price?.defaultTask).toBe('regression');
    expect(grade?.defaultTask).toBe('classification');
    expect(colour?.defaultTask).toBe('classification');
  });

  it('counts "1" and "1.0" as one value in a numeric column', () => {
    const [only] = describeColumns(parseTableText('n.csv', 'v\n1\n1.0\n01\n2\n'));
    expect(only?.distinct).toBe(2);
  });
});

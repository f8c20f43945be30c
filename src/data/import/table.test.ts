import { describe, expect, it } from 'vitest';
import { parseTableText, type Table } from './csv';
import { thrown } from './testing/fixtures';
import { tableToDataset } from './table';
import type { ImportedDataset } from './types';
import { englishText } from '../../shared/messages/englishText';

const table = (text: string): Table => parseTableText('t.csv', text);

/** Sample i as [raw inputs..., label], undoing the standardisation, rounded for comparison. */
function sample(ds: ImportedDataset, i: number): (number | string)[] {
  const width = ds.inputShape[0] ?? 0;
  const norm = ds.normalization;
  if (norm.kind !== 'standardize') throw new Error('expected standardised inputs');
  const raw = Array.from(
    ds.data.x.subarray(i * width, (i + 1) * width),
    (v, f) => Number((v * (norm.std[f] ?? 1) + (norm.mean[f] ?? 0)).toFixed(4)) + 0, // + 0: no -0
  );
  const y = ds.data.y[i] ?? -1;
  return [...raw, ds.task === 'classification' ? (ds.classes[y] ?? '?') : y];
}
const samples = (ds: ImportedDataset) =>
  Array.from({ length: ds.data.count }, (_, i) => sample(ds, i)).sort((a, b) =>
    String(a).localeCompare(String(b)),
  );

describe('tableToDataset: numbers', () => {
  const iris = table('length,width,species\n1,10,b\n2,20,a\n3,30,b\n4,40,a\n');
  const ds = tableToDataset(iris, { labelColumn: 'species' });

  it('standardises each numeric column and keeps mean and std to undo it', () => {
    expect(ds.inputShape).toEqual([2]);
    expect(ds.featureNames).toEqual(['length', 'width']);
    expect(ds.normalization).toEqual({
      kind: 'standardize',
      mean: [2.5, 25],
      std: [Math.sqrt(1.25), Math.sqrt(125)],
    });
    // Standardised columns have mean 0.
    const column0 = Array.from({ length: 4 }, (_, i) => ds.data.x[i * 2] ?? NaN);
    expect(column0.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
  });

  it('keeps each row’s inputs with its own label', () => {
    expect(ds.task).toBe('classification');
    expect(ds.classes).toEqual(['a', 'b']);
    expect(ds.data.y).toBeInstanceOf(Int32Array);
    expect(samples(ds)).toEqual([
      [1, 10, 'b'],
      [2, 20, 'a'],
      [3, 30, 'b'],
      [4, 40, 'a'],
    ]);
    expect(ds.notes.map(englishText)).toContain('2 classes: a (2), b (2).');
  });

  it('makes a constant column zeros instead of dividing by zero, and says so', () => {
    const flat = tableToDataset(table('k,v,label\n7,1,a\n7,2,b\n7,3,a\n'), {
      labelColumn: 'label',
    });
    expect(flat.normalization).toMatchObject({ mean: [7, 2], std: [1, expect.any(Number)] });
    expect([0, 1, 2].map((i) => flat.data.x[i * 2])).toEqual([0, 0, 0]);
    expect(flat.notes.map(englishText)).toContain(
      'Column "k" is 7 in every row, so it cannot help the model.',
    );
  });
});

describe('tableToDataset: categories', () => {
  it('one-hot encodes text columns, categories in natural order', () => {
    const ds = tableToDataset(
      table('size,colour,label\n1,red,x\n2,blue,y\n3,green,x\n4,red,y\n5,Blue2,x\n6,blue10,y\n'),
      { labelColumn: 'label' },
    );
    expect(ds.featureNames).toEqual([
      'size',
      'colour=blue',
      'colour=Blue2',
      'colour=blue10',
      'colour=green',
      'colour=red',
    ]);
    expect(ds.normalization).toMatchObject({
      mean: [3.5, 0, 0, 0, 0, 0],
      std: [expect.any(Number), 1, 1, 1, 1, 1],
    });
    expect(samples(ds)).toEqual([
      [1, 0, 0, 0, 0, 1, 'x'],
      [2, 1, 0, 0, 0, 0, 'y'],
      [3, 0, 0, 0, 1, 0, 'x'],
      [4, 0, 0, 0, 0, 1, 'y'],
      [5, 0, 1, 0, 0, 0, 'x'],
      [6, 0, 0, 1, 0, 0, 'y'],
    ]);
  });

  it('orders numeric classes numerically and merges "1" with "1.0"', () => {
    const ds = tableToDataset(table('v,grade\n1,10\n2,2\n3,1\n4,1.0\n'), { labelColumn: 'grade' });
    expect(ds.classes).toEqual(['1', '2', '10']);
    // Rows v = 1..4 had grades 10, 2, 1 and 1.0.
    expect(samples(ds)).toEqual([
      [1, '10'],
      [2, '2'],
      [3, '1'],
      [4, '1'],
    ]);
  });

  it('leaves out ID-like text columns by default, and refuses them when asked for', () => {
    const rows = Array.from({ length: 60 }, (_, i) => `person${i},${i % 7},${i % 2}`).join('\n');
    const people = table(`name,age,label\n${rows}\n`);
    const ds = tableToDataset(people, { labelColumn: 'label' });
    expect(ds.featureNames).toEqual(['age']);
    expect(
      ds.notes
        .map(englishText)
        .some((n) => n.startsWith('Left out column "name": it has 60 different text values')),
    ).toBe(true);
    expect(() =>
      tableToDataset(people, { labelColumn: 'label', featureColumns: ['name'] }),
    ).toThrow(/t\.csv: column "name" cannot be an input: it has 60 different text values/);
  });
});

describe('tableToDataset: missing values', () => {
  const gaps = table('age,port,label\n20,S,a\nNA,C,b\n40,,a\n?,S,b\n30,Q,\n60,null,NaN\n');
  const ds = tableToDataset(gaps, { labelColumn: 'label' });

  it('drops rows without a label, saying how many and which lines', () => {
    expect(ds.data.count).toBe(4);
    expect(ds.notes.map(englishText)).toContain(
      'Dropped 2 rows with no "label" value (lines 6, 7).',
    );
  });

  it('leaves missing numbers for each run to fill with its training mean, and reports the count', () => {
    // Scaled by the labelled rows' present ages: (20 + 40) / 2; the gaps wait for the split.
    expect(ds.normalization).toMatchObject({ mean: [30, 0, 0], std: [10, 1, 1] });
    expect(ds.notes.map(englishText)).toContain(
      'Column "age" has 2 missing values; each run fills them with the column mean over its training rows.',
    );
    expect(samples(ds).filter((s) => Number.isNaN(s[0]))).toHaveLength(2);
  });

  it('encodes a missing category as none of the categories and reports it', () => {
    expect(ds.featureNames).toEqual(['age', 'port=C', 'port=S']);
    expect(ds.notes.map(englishText)).toContain(
      'Column "port" has 1 missing values; they were encoded as "none of the categories".',
    );
    expect(samples(ds)).toContainEqual([40, 0, 0, 'a']);
  });
});

describe('tableToDataset: regression', () => {
  const rows = Array.from({ length: 25 }, (_, i) => `${i},${i % 2 ? 'a' : 'b'},${i * 1000 + 0.5}`);
  const houses = table(`rooms,town,price\n${rows.join('\n')}\n`);

  it('predicts a number when the label has more than 20 different numbers', () => {
    const ds = tableToDataset(houses, { labelColumn: 'price' });
    expect(ds.task).toBe('regression');
    expect(ds.classes).toEqual(['price']);
    expect(ds.data.y).toBeInstanceOf(Float32Array);
    expect(ds.data.y.length).toBe(25);
    expect(ds.featureNames).toEqual(['rooms', 'town=a', 'town=b']);
    expect(samples(ds)).toContainEqual([7, 1, 0, 7000.5]);
    expect(ds.notes.map(englishText)).toContain(
      'The targets range from 0.5 to 24000.5 and are used in their own units.',
    );
    expect(
      ds.notes
        .map(englishText)
        .some((n) => n.includes('25 different numbers, so this is regression')),
    ).toBe(true);
  });

  it('lets the student choose either task', () => {
    expect(tableToDataset(houses, { labelColumn: 'rooms', task: 'regression' }).task).toBe(
      'regression',
    );
    expect(
      tableToDataset(houses, { labelColumn: 'price', task: 'classification' }).classes,
    ).toHaveLength(25);
  });

  it('refuses text in a regression label, naming its line', () => {
    const bad = table('x,y\n1,2\n2,3\n3,lots\n');
    const error = thrown(() => tableToDataset(bad, { labelColumn: 'y', task: 'regression' }));
    expect(error.message).toBe(
      't.csv, line 4: regression needs a number in "y", but this row has "lots". Fix the value, or choose classification.',
    );
  });
});

describe('tableToDataset: column choice', () => {
  const t = table('a,b,c,label\n1,2,3,x\n4,5,6,y\n');

  it('uses the asked columns in the asked order', () => {
    const ds = tableToDataset(t, { labelColumn: 'label', featureColumns: ['c', 'a'] });
    expect(ds.featureNames).toEqual(['c', 'a']);
    expect(samples(ds)).toEqual([
      [3, 1, 'x'],
      [6, 4, 'y'],
    ]);
  });

  it('names a missing label column and lists the real ones', () => {
    expect(() => tableToDataset(t, { labelColumn: 'Label' })).toThrow(
      't.csv: there is no column called "Label". The columns are: a, b, c, label.',
    );
  });

  it('refuses the label as an input, a repeated input and no inputs', () => {
    expect(() =>
      tableToDataset(t, { labelColumn: 'label', featureColumns: ['a', 'label'] }),
    ).toThrow(/"label" is the label, so it cannot also be an input/);
    expect(() => tableToDataset(t, { labelColumn: 'label', featureColumns: ['a', 'a'] })).toThrow(
      /"a" is chosen twice/,
    );
    expect(() => tableToDataset(t, { labelColumn: 'label', featureColumns: [] })).toThrow(
      /at least one column/,
    );
  });

  it('needs two classes', () => {
    expect(() => tableToDataset(table('a,label\n1,x\n2,x\n'), { labelColumn: 'label' })).toThrow(
      /the label "label" has only one value \("x"\)/,
    );
  });
});

describe('tableToDataset: order', () => {
  // Sorted by class, as iris.csv is: the tail must not be all one class after import.
  const sorted = table(
    `v,label\n${Array.from({ length: 40 }, (_, i) => `${i},${i < 20 ? 'a' : 'b'}`).join('\n')}\n`,
  );

  it('shuffles with a seed: the same seed gives the same order, the tail mixes classes', () => {
    const one = tableToDataset(sorted, { labelColumn: 'label', seed: 3 });
    const again = tableToDataset(sorted, { labelColumn: 'label', seed: 3 });
    const other = tableToDataset(sorted, { labelColumn: 'label', seed: 4 });
    expect(Array.from(again.data.x)).toEqual(Array.from(one.data.x));
    expect(Array.from(other.data.x)).not.toEqual(Array.from(one.data.x));
    expect(new Set(one.data.y.subarray(30))).toEqual(new Set([0, 1]));
    expect(one.notes.map(englishText).at(-1)).toMatch(/shuffled \(seed 3\)/);
  });
});

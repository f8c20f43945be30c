import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/messages/englishText';
import { parseTable, parseTableText } from './csv';
import { file, thrown } from './testing/fixtures';

describe('parseTableText', () => {
  it('splits header and trimmed rows, keeping each row’s line number', () => {
    const table = parseTableText('t.csv', 'a, b\n1, x \n\n2,"y, z"\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      ['1', 'x'],
      ['2', 'y, z'],
    ]);
    expect(table.lines).toEqual([2, 4]);
  });

  it('counts lines inside quoted values, so later messages point at the right line', () => {
    const text = 'id,comment\n1,"line one\nline two\nline three"\n2,ok\n3,ok,extra\n';
    const error = thrown(() => parseTableText('notes.csv', text));
    expect(error.where && englishText(error.where)).toBe('line 6');
    expect(error.message).toMatch(
      /^notes\.csv, line 6: expected 2 fields like the header, but found 3/,
    );
  });

  it('names the line, the expected and the found field count of a ragged row', () => {
    const text = 'x,y,label\n1,2,a\n3,4,b\n5,6,c,7\n';
    const error = thrown(() => parseTableText('data.csv', text));
    expect(error.message).toBe(
      'data.csv, line 4: expected 3 fields like the header, but found 4. Look for an extra separator, or a value containing one that should be in quotes.',
    );
    expect(error.file).toBe('data.csv');
  });

  it('reports a row with too few fields', () => {
    expect(() => parseTableText('d.csv', 'x,y,label\n1,2\n')).toThrow(
      /d\.csv, line 2: expected 3 fields like the header, but found 2\. Look for a missing value/,
    );
  });

  it('refuses an empty file, a blank one, and a header with no rows', () => {
    expect(() => parseTableText('e.csv', '')).toThrow('e.csv: the file is empty.');
    expect(() => parseTableText('e.csv', ' \n\n ')).toThrow('e.csv: the file is empty.');
    expect(() => parseTableText('h.csv', 'x,y,label\n')).toThrow(
      'h.csv, line 1: there is a header (x, y, label) but no data rows below it.',
    );
  });

  it('refuses unnamed and repeated column names', () => {
    expect(() => parseTableText('u.csv', 'x,,label\n1,2,a\n')).toThrow(
      'u.csv, line 1 (the header): column 2 has no name.',
    );
    expect(() => parseTableText('r.csv', 'x,y,x\n1,2,3\n')).toThrow(
      'r.csv, line 1 (the header): columns 1 and 3 are both called "x".',
    );
  });

  it('explains an unclosed quote with its line', () => {
    expect(() => parseTableText('q.csv', 'a,b\n1,2\n3,"oops\n')).toThrow(
      /^q\.csv, line 3: a value opens a quote/,
    );
  });

  it('guesses semicolons and reads single-column files', () => {
    expect(parseTableText('eu.csv', 'a;b\n1,5;2\n').rows).toEqual([['1,5', '2']]);
    expect(parseTableText('one.csv', 'value\n1\n2\n').rows).toEqual([['1'], ['2']]);
  });
});

describe('parseTable', () => {
  it('reads tabs in a .tsv even when values contain commas', () => {
    const table = parseTable(file('t.tsv', 'name\tcity\nAda\tLondon, UK\n'));
    expect(table.rows).toEqual([['Ada', 'London, UK']]);
  });

  it('refuses binary junk given as a CSV, naming the file and the byte', () => {
    const junk = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    expect(() => parseTable(file('data.csv', junk))).toThrow(
      /^data\.csv: this is not a text file \(byte 0x03 at offset 2\)/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { message } from '../../shared/messages/message';
import { file, hugeFile, thrown } from './testing/fixtures';
import {
  MAX_UPLOAD_BYTES,
  checkInputValues,
  checkUnpackedSize,
  checkUploadSize,
  checkUploadSizes,
  decodeText,
  findBinaryByte,
  formatBytes,
  looksLikeText,
} from './limits';
import { ImportError } from './types';

describe('formatBytes', () => {
  it('uses the unit that keeps the number small', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(3.4 * 1024)).toBe('3.4 KB');
    expect(formatBytes(MAX_UPLOAD_BYTES)).toBe('256 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(2.5 * 1024 ** 3)).toBe('2.5 GB');
  });
});

describe('upload size', () => {
  it('refuses a 2 GB file with its size and the limit, naming the file', () => {
    const error = thrown(() => checkUploadSize('huge.csv', 2 * 1024 ** 3));
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toBe(
      'huge.csv: 2 GB, more than LayerLab can import at once (256 MB). Use a smaller part of the data.',
    );
    expect(error.file).toBe('huge.csv');
  });

  it('accepts a file exactly at the limit', () => {
    expect(() => checkUploadSize('ok.csv', MAX_UPLOAD_BYTES)).not.toThrow();
  });

  it('refuses files that are small one by one but too big together', () => {
    const files = [1, 2, 3].map((i) => hugeFile(`cats/${i}.png`, 100 * 2 ** 20));
    expect(() => checkUploadSizes(files.slice(0, 2))).not.toThrow();
    expect(() => checkUploadSizes(files)).toThrow(/The 3 files together: 300 MB/);
  });

  it('refuses archives that unpack too big and datasets that would not fit in memory', () => {
    expect(() => checkUnpackedSize('bomb.zip', 4 * 1024 ** 3)).toThrow(
      /bomb\.zip: it unpacks to 4 GB/,
    );
    const hint = message('dataImport.hint.fewerRows');
    expect(() => checkInputValues('big.csv', 2 ** 28, hint)).toThrow(
      /big\.csv: .*1 GB of memory.*Use fewer rows or columns\./,
    );
    expect(() => checkInputValues('ok.csv', 1000, hint)).not.toThrow();
  });
});

describe('text detection', () => {
  it('accepts UTF-8 text with accents, CJK, emoji, tabs and CRLF', () => {
    expect(looksLikeText(new TextEncoder().encode('name\tcity\r\nZoë\t北京 🚲\r\n'))).toBe(true);
  });

  it('finds the first NUL byte of binary junk', () => {
    const bytes = new TextEncoder().encode('a,b\n'.repeat(10));
    const junk = new Uint8Array(60);
    junk.set(bytes.subarray(0, 37));
    expect(findBinaryByte(junk)).toEqual({ offset: 37, byte: 0, reason: 'control' });
    expect(thrown(() => decodeText(file('x.csv', junk))).message).toMatch(
      /^x\.csv: this is not a text file \(byte 0x00 at offset 37\)/,
    );
  });

  it('reports Latin-1 bytes as not UTF-8, with advice for Excel users', () => {
    const latin1 = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31]); // "café,1" in Latin-1
    expect(findBinaryByte(latin1)).toEqual({ offset: 3, byte: 0xe9, reason: 'utf8' });
    expect(() => decodeText(file('prices.csv', latin1))).toThrow(
      /prices\.csv: this is not UTF-8 text \(byte 0xE9 at offset 3\).*CSV UTF-8/,
    );
  });

  it('rejects overlong encodings, surrogates and sequences cut off at the end', () => {
    expect(findBinaryByte(Uint8Array.from([0x41, 0xc0, 0x80]))?.offset).toBe(1);
    expect(findBinaryByte(Uint8Array.from([0xed, 0xa0, 0x80]))?.offset).toBe(0);
    expect(findBinaryByte(Uint8Array.from([0x41, 0x42, 0xe4, 0xb8]))?.offset).toBe(2);
  });

  it('names UTF-16 text instead of calling it binary', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x61, 0x00, 0x2c, 0x00]);
    expect(() => decodeText(file('excel.txt', utf16))).toThrow(/excel\.txt: this is UTF-16 text/);
  });

  it('drops a UTF-8 byte-order mark so it does not stick to the first column name', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a,b')]);
    expect(decodeText(file('bom.csv', bytes))).toBe('a,b');
  });
});

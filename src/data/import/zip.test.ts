import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { file, pngBytes } from './testing/fixtures';
import { unzipEntries } from './zip';

describe('unzipEntries', () => {
  const archive = file(
    'pets.zip',
    zipSync({
      'pets/cats/1.png': pngBytes(1),
      'pets/birds/': new Uint8Array(0),
      '__MACOSX/pets/cats/._1.png': strToU8('resource fork'),
      'pets/.DS_Store': strToU8('finder'),
    }),
  );

  it('returns the members with their paths, keeping folders and skipping system junk', () => {
    const entries = unzipEntries(archive);
    expect(entries.map((e) => e.name).sort()).toEqual(['pets/birds/', 'pets/cats/1.png']);
    expect(entries.find((e) => e.name === 'pets/cats/1.png')?.bytes).toEqual(pngBytes(1));
  });

  it('normalises Windows-style names', () => {
    const windows = file('w.zip', zipSync({ 'a\\b\\c.png': pngBytes() }));
    expect(unzipEntries(windows).map((e) => e.name)).toEqual(['a/b/c.png']);
  });

  it('reports a damaged or truncated zip, naming it', () => {
    expect(() => unzipEntries(file('cut.zip', archive.bytes.subarray(0, 40)))).toThrow(
      /^cut\.zip: this zip file is damaged or incomplete \(.+\)\. Make the zip again/,
    );
    expect(() => unzipEntries(file('junk.zip', new Uint8Array(100).fill(7)))).toThrow(
      /^junk\.zip: this zip file is damaged/,
    );
  });

  it('refuses a zip whose members would unpack past the limit, before inflating them', () => {
    const bytes = zipSync({ 'a/1.png': pngBytes(), 'b/2.png': pngBytes() });
    // Claim 300 MB for each member in the central directory, where sizes are read first.
    const view = new DataView(bytes.buffer);
    for (let at = 0; at + 4 <= bytes.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 300 * 2 ** 20, true);
    }
    expect(() => unzipEntries(file('bomb.zip', bytes))).toThrow(
      /^bomb\.zip: it unpacks to 600 MB, more than LayerLab can import/,
    );
  });
});

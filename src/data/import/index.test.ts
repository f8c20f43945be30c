import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { file, hugeFile, idxBytes, pngBytes, solidColourDecoder } from './testing/fixtures';
import { ACCEPTED_UPLOADS, importFiles, sniffUpload } from './index';
import type { FileEntry } from './types';
import { englishText } from '../../shared/messages/englishText';

const images = file(
  'train-images-idx3-ubyte.gz',
  gzipSync(idxBytes([4, 2, 2], new Array(16).fill(128))),
);
const labels = file('train-labels-idx1-ubyte', idxBytes([4], [3, 1, 3, 1]));
const pets = [
  file('pets/cats/1.png', pngBytes(10)),
  file('pets/dogs/1.png', pngBytes(20)),
  file('pets/dogs/2.png', pngBytes(20)),
];
const csv = file('iris.csv', 'length,width,species\n1,2,a\n2,3,b\n3,4,a\n');
const defaults = { imageSize: [4, 4] as [number, number], channels: 1 as const };
const run = (files: FileEntry[], options = {}) =>
  importFiles(files, { ...defaults, ...options }, solidColourDecoder);

describe('importFiles', () => {
  it('imports a table, taking the last column as the label by default', async () => {
    const ds = await run([csv]);
    expect(ds).toMatchObject({ format: 'csv', name: 'iris', classes: ['a', 'b'], inputShape: [2] });
    expect(ds.notes.map(englishText)[0]).toBe(
      'No label column was chosen, so the last column, "species", is the label.',
    );
  });

  it('passes the table options through', async () => {
    const ds = await run([csv], {
      labelColumn: 'length',
      featureColumns: ['width'],
      task: 'regression',
    });
    expect(ds).toMatchObject({ task: 'regression', classes: ['length'], featureNames: ['width'] });
  });

  it('finds which IDX file holds the images, whatever the order and compression', async () => {
    for (const pair of [
      [images, labels],
      [labels, images],
    ]) {
      const ds = await run(pair);
      expect(ds).toMatchObject({ format: 'idx', inputShape: [2, 2, 1], classes: ['1', '3'] });
      expect(ds.data.count).toBe(4);
    }
  });

  it('imports a zip of class folders, naming it after the zip', async () => {
    const zip = file(
      'My Pets.zip',
      zipSync(Object.fromEntries(pets.map((p) => [p.name.replace('pets/', ''), p.bytes]))),
    );
    const ds = await run([zip], { imageSize: [3, 3], channels: 3 });
    expect(ds).toMatchObject({ format: 'images', name: 'My Pets', classes: ['cats', 'dogs'] });
    expect(ds.inputShape).toEqual([3, 3, 3]);
  });

  it('imports a folder upload of images, ignoring system files', async () => {
    const ds = await run([...pets, file('pets/.DS_Store', [0, 0])]);
    expect(ds).toMatchObject({ format: 'images', name: 'pets', inputShape: [4, 4, 1] });
    expect(ds.data.count).toBe(3);
  });

  it('refuses a 2 GB file by its size before reading a byte of it', async () => {
    await expect(run([hugeFile('all-of-wikipedia.csv', 2 * 1024 ** 3)])).rejects.toThrow(
      'all-of-wikipedia.csv: 2 GB, more than LayerLab can import at once (256 MB). Use a smaller part of the data.',
    );
    await expect(run([...pets, hugeFile('pets/cats/big.png', 300 * 2 ** 20)])).rejects.toThrow(
      /^pets\/cats\/big\.png: 300 MB/,
    );
  });

  it('refuses binary junk named .csv as not text', async () => {
    const junk = file('scores.csv', Uint8Array.from([0x31, 0x2c, 0x00, 0x07]));
    await expect(run([junk])).rejects.toThrow(
      /^scores\.csv: this is not a text file \(byte 0x00 at offset 2\)/,
    );
  });

  it('reports a damaged zip by name', async () => {
    const fake = file('pets.zip', 'this is not a zip');
    await expect(run([fake])).rejects.toThrow(/^pets\.zip: this zip file is damaged/);
  });

  it('lets the image importer name a stray file among images', async () => {
    await expect(run([...pets, file('pets/dogs/readme.md', '# dogs')])).rejects.toThrow(
      /^pets\/dogs\/readme\.md: this is not an image/,
    );
  });

  it('reports image decoding progress', async () => {
    const onProgress = vi.fn();
    await run(pets, { onProgress });
    expect(onProgress).toHaveBeenLastCalledWith(3, 3);
  });
});

describe('sniffUpload', () => {
  it('asks for both IDX files when only one is given', () => {
    expect(() => sniffUpload([images])).toThrow(
      /^train-images-idx3-ubyte\.gz: an IDX dataset needs two files/,
    );
  });

  it('asks for exactly two IDX files, and one of each kind', async () => {
    expect(() => sniffUpload([images, labels, labels])).toThrow(
      /^The 3 IDX files: choose exactly two/,
    );
    await expect(run([labels, labels])).rejects.toThrow(/both are label files/);
    await expect(run([images, images])).rejects.toThrow(/neither is a labels file/);
  });

  it('asks for CSV when given a spreadsheet, though it is a zip inside', () => {
    const xlsx = file('grades.xlsx', zipSync({ '[Content_Types].xml': new Uint8Array(3) }));
    expect(() => sniffUpload([xlsx])).toThrow(/^grades\.xlsx: this is a spreadsheet; .*CSV UTF-8/);
  });

  it('explains that one image is not a dataset', () => {
    expect(() => sniffUpload([file('cat.png', pngBytes())])).toThrow(
      /^cat\.png: this is a single image/,
    );
  });

  it('lists what LayerLab accepts for anything else', () => {
    expect(() => sniffUpload([file('report.pdf', '%PDF-1.7')])).toThrow(
      `report.pdf: LayerLab does not know this kind of file. ${ACCEPTED_UPLOADS}`,
    );
    expect(() => sniffUpload([csv, file('b.csv', 'x\n1\n')])).toThrow(
      /^The 2 files: they do not form a dataset/,
    );
    expect(() => sniffUpload([])).toThrow('Your upload: no files were chosen.');
  });

  it('sees a table in a folder upload that also holds system files', () => {
    const upload = sniffUpload([file('data/.DS_Store', [0]), file('data/iris.csv', 'a,b\n1,2\n')]);
    expect(upload).toMatchObject({ kind: 'table', file: { name: 'data/iris.csv' } });
  });
});

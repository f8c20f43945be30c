import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { file, idxBytes, thrown } from './testing/fixtures';
import { idxPairToDataset, parseIdx } from './idx';

// Three 2 × 2 images whose pixels tell them apart, and their labels.
const pixels = [0, 51, 102, 255, 10, 10, 10, 10, 20, 20, 20, 20];
const imagesFile = file('train-images-idx3-ubyte', idxBytes([3, 2, 2], pixels));
const labelsFile = file('train-labels-idx1-ubyte', idxBytes([3], [7, 2, 7]));

describe('parseIdx', () => {
  it('reads the dimensions and the bytes of a raw file', () => {
    const array = parseIdx(imagesFile);
    expect(array.dims).toEqual([3, 2, 2]);
    expect(Array.from(array.data)).toEqual(pixels);
  });

  it('reads a gzipped file the same way', () => {
    const gz = file('train-images-idx3-ubyte.gz', gzipSync(imagesFile.bytes));
    const array = parseIdx(gz);
    expect(array.dims).toEqual([3, 2, 2]);
    expect(Array.from(array.data)).toEqual(pixels);
  });

  it('reads dimensions as big-endian 32-bit numbers', () => {
    const big = idxBytes([300], new Array<number>(300).fill(1));
    expect(Array.from(big.subarray(4, 8))).toEqual([0, 0, 1, 44]);
    expect(parseIdx(file('l', big)).dims).toEqual([300]);
  });

  it('says how many bytes a truncated file promised and has', () => {
    const cut = file('t10k-images-idx3-ubyte', imagesFile.bytes.subarray(0, 16 + 5));
    const error = thrown(() => parseIdx(cut));
    expect(error.message).toBe(
      't10k-images-idx3-ubyte: this IDX file is truncated: its header promises 3 × 2 × 2 = 12 values after the 16-byte header, but only 5 bytes follow. Download it again.',
    );
    expect(error.file).toBe('t10k-images-idx3-ubyte');
  });

  it('reports a file cut inside its header and one with bytes to spare', () => {
    expect(() => parseIdx(file('h', imagesFile.bytes.subarray(0, 9)))).toThrow(
      'h: this IDX file is cut short inside its header (9 bytes, the header alone needs 16).',
    );
    const extra = file('x', Uint8Array.from([...labelsFile.bytes, 1, 2]));
    expect(() => parseIdx(extra)).toThrow(
      /x: this IDX file has 2 bytes more than its header \(3\)/,
    );
  });

  it('calls binary junk "not an IDX file", showing its first bytes', () => {
    const junk = file('photo.idx', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]));
    expect(() => parseIdx(junk)).toThrow(
      'photo.idx: this is not an IDX file: one starts with the bytes 00 00 08, this one with 89 50 4E 47.',
    );
    expect(() => parseIdx(file('z', [0, 0, 0x42, 1, 0, 0, 0, 0]))).toThrow(
      /z: this is not an IDX file: its element type 0x42/,
    );
    expect(() => parseIdx(file('empty', []))).toThrow(/with nothing\./);
  });

  it('refuses element types other than unsigned bytes by name', () => {
    const floats = file('f', idxBytes([1], [0, 0, 0, 0], 0x0d));
    expect(() => parseIdx(floats)).toThrow(
      'f: this IDX file holds 32-bit floats; LayerLab reads only unsigned bytes (type 0x08), as in MNIST.',
    );
  });

  it('reports a damaged gzip file', () => {
    const gz = gzipSync(imagesFile.bytes);
    expect(() => parseIdx(file('a.gz', gz.subarray(0, gz.length - 6)))).toThrow(
      /^a\.gz: this gzip file is damaged or incomplete \(.+\); download it again\.$/,
    );
    const garbled = gz.slice();
    garbled.fill(0xff, 10, gz.length - 8);
    expect(() => parseIdx(file('b.gz', garbled))).toThrow(/b\.gz: this gzip file is damaged/);
  });

  it('refuses a gzip file that would unpack past the limit, before inflating it', () => {
    // 600 KB of incompressible bytes whose trailer claims 600 MB: a plausible ratio for deflate.
    const random = createRandom(1);
    const noise = Uint8Array.from({ length: 600 * 1024 }, () => Math.floor(random() * 256));
    const gz = gzipSync(noise, { level: 0 });
    new DataView(gz.buffer).setUint32(gz.length - 4, 600 * 2 ** 20, true);
    expect(() => parseIdx(file('bomb.gz', gz))).toThrow(
      /^bomb\.gz: it unpacks to 600 MB, more than/,
    );
  });

  it('does not call a file too big when its size claim is impossible (a garbled trailer)', () => {
    const gz = gzipSync(imagesFile.bytes);
    gz.set([0, 0, 0, 0xf0], gz.length - 4); // 3.75 GB from 40 bytes: not a real claim
    expect(parseIdx(file('odd.gz', gz)).dims).toEqual([3, 2, 2]);
  });
});

describe('idxPairToDataset', () => {
  const ds = idxPairToDataset(parseIdx(imagesFile), parseIdx(labelsFile), { seed: 5 });

  it('scales pixels to [0, 1] with shape [rows, cols, 1]', () => {
    expect(ds.format).toBe('idx');
    expect(ds.task).toBe('classification');
    expect(ds.inputShape).toEqual([2, 2, 1]);
    expect(ds.normalization).toEqual({ kind: 'scale', divisor: 255 });
    expect(ds.data.count).toBe(3);
    expect(ds.name).toBe('train-images-idx3-ubyte');
  });

  it('numbers the classes by sorted label value and keeps each image with its label', () => {
    expect(ds.classes).toEqual(['2', '7']);
    const byFirstPixel = new Map<number, string>();
    for (let i = 0; i < 3; i++) {
      const first = Math.round((ds.data.x[i * 4] ?? 0) * 255);
      byFirstPixel.set(first, ds.classes[ds.data.y[i] ?? -1] ?? '?');
    }
    expect(byFirstPixel).toEqual(
      new Map([
        [0, '7'],
        [10, '2'],
        [20, '7'],
      ]),
    );
    const first = Array.from({ length: 3 }, (_, i) => i).find((i) => ds.data.x[i * 4] === 0) ?? -1;
    expect(ds.data.x.subarray(first * 4, first * 4 + 4)).toEqual(
      Float32Array.from([0, 0.2, 0.4, 1]),
    );
  });

  it('sorts class names numerically, not as text', () => {
    const labels = parseIdx(file('l', idxBytes([3], [10, 9, 100])));
    expect(idxPairToDataset(parseIdx(imagesFile), labels).classes).toEqual(['9', '10', '100']);
  });

  it('keeps channels from a 4-D images file', () => {
    const rgb = parseIdx(file('rgb', idxBytes([3, 1, 1, 3], new Array<number>(9).fill(255))));
    expect(idxPairToDataset(rgb, parseIdx(labelsFile)).inputShape).toEqual([1, 1, 3]);
  });

  it('names the labels file when the counts differ', () => {
    const four = parseIdx(file('test-labels', idxBytes([4], [1, 2, 3, 4])));
    expect(() => idxPairToDataset(parseIdx(imagesFile), four)).toThrow(
      'test-labels: it has 4 labels but train-images-idx3-ubyte has 3 images; they must come in pairs (the same set, e.g. both "train").',
    );
  });

  it('notices a labels file given as the images, and images given as labels', () => {
    const labels = parseIdx(labelsFile);
    const images = parseIdx(imagesFile);
    expect(() => idxPairToDataset(labels, labels)).toThrow(
      /^train-labels-idx1-ubyte: this is a labels file \(1 dimension, 3 values\), but it was given as the images\./,
    );
    expect(() => idxPairToDataset(images, images)).toThrow(
      /^train-images-idx3-ubyte: labels should have 1 dimension .* but this file has 3: 3 × 2 × 2\./,
    );
    const flat = parseIdx(file('flat', idxBytes([3, 4], pixels)));
    expect(() => idxPairToDataset(flat, labels)).toThrow(/flat: images should have 3 dimensions/);
  });

  it('needs two classes', () => {
    const same = parseIdx(file('same', idxBytes([3], [4, 4, 4])));
    expect(() => idxPairToDataset(parseIdx(imagesFile), same)).toThrow(/same: every label is 4/);
  });
});

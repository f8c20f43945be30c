import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from './datasets';
import { decodeMnist, parseMnistManifest, type MnistManifest } from './mnist';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'public', 'datasets', 'mnist.bin.gz');
const JSON_PATH = join(ROOT, 'public', 'datasets', 'mnist.json');

/** Three 2×2×1 images (pixels 0..11 × 20) then their labels 2, 0, 1. */
function tiny(): { bytes: Uint8Array; manifest: MnistManifest } {
  const bytes = new Uint8Array(3 * 4 + 3);
  for (let i = 0; i < 12; i++) bytes[i] = i * 20;
  bytes[11] = 255;
  bytes.set([2, 0, 1], 12);
  const manifest = parseMnistManifest({
    format: 'layerlab-uint8-v1',
    file: 'tiny.bin',
    count: 3,
    imageShape: [2, 2, 1],
    imagesOffset: 0,
    labelsOffset: 12,
    byteLength: 15,
    classes: ['0', '1', '2'],
    split: { train: [0, 2], test: [2, 3] },
  });
  return { bytes, manifest };
}

describe('decodeMnist on a hand-made file', () => {
  it('decodes a range into features in [0, 1] and labels', () => {
    const { bytes, manifest } = tiny();
    const train = decodeMnist(bytes, manifest, manifest.split.train);
    expect(train.count).toBe(2);
    expect(train.x).toBeInstanceOf(Float32Array);
    expect(Array.from(train.x)).toEqual(
      [0, 20, 40, 60, 80, 100, 120, 140].map((v) => Math.fround(v / 255)),
    );
    expect(Array.from(train.y)).toEqual([2, 0]);
    const test = decodeMnist(bytes, manifest, manifest.split.test);
    expect(test.count).toBe(1);
    expect(Array.from(test.x)).toEqual([160, 180, 200, 255].map((v) => Math.fround(v / 255)));
    expect(test.x[3]).toBe(1);
    expect(Array.from(test.y)).toEqual([1]);
  });

  it('does not alias the file bytes', () => {
    const { bytes, manifest } = tiny();
    const data = decodeMnist(bytes, manifest, [0, 3]);
    data.y[0] = 7;
    expect(bytes[12]).toBe(2);
  });

  it('rejects a truncated file, naming the byte counts', () => {
    const { bytes, manifest } = tiny();
    expect(() => decodeMnist(bytes.slice(0, 14), manifest, [0, 2])).toThrow(
      /14 bytes but its manifest says 15: it is truncated/,
    );
  });

  it('rejects a label outside the classes', () => {
    const { bytes, manifest } = tiny();
    bytes[13] = 3;
    expect(() => decodeMnist(bytes, manifest, [0, 3])).toThrow('invalid label 3');
  });
});

describe('parseMnistManifest', () => {
  const valid = () => ({
    format: 'layerlab-uint8-v1',
    file: 'mnist.bin',
    count: 10,
    imageShape: [28, 28, 1],
    imagesOffset: 0,
    labelsOffset: 7840,
    byteLength: 7850,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    split: { train: [0, 8], test: [8, 10] },
  });

  it('accepts a well-formed manifest', () => {
    expect(parseMnistManifest(valid()).count).toBe(10);
  });

  it.each([
    ['format', { format: undefined }],
    ['format', { format: 'layerlab-uint8-v2' }],
    ['file', { file: 3 }],
    ['count', { count: 0 }],
    ['count', { count: 2.5 }],
    ['imageShape', { imageShape: [28, 28] }],
    ['imageShape', { imageShape: '28x28' }],
    ['imageShape', { imageShape: [28, 28, 0] }],
    ['imageShape', { imageShape: ['28', '28', '1'] }],
    ['byteLength', { byteLength: undefined }],
    ['labelsOffset', { labelsOffset: undefined }],
    ['classes', { classes: 'digits' }],
    ['split', { split: { train: [0, 8] } }],
  ])('names "%s" when it is missing or wrong (%o)', (field, patch) => {
    const manifest = { ...valid(), ...patch };
    expect(() => parseMnistManifest(manifest)).toThrow(
      `The MNIST manifest is malformed: "${field}" is missing or wrong.`,
    );
  });

  it('rejects something that is not an object', () => {
    expect(() => parseMnistManifest(null)).toThrow('not a JSON object');
    expect(() => parseMnistManifest('mnist')).toThrow('not a JSON object');
  });
});

describe('the bundled MNIST file', () => {
  let manifest: MnistManifest;
  let bytes: Uint8Array;

  beforeAll(() => {
    if (!existsSync(BIN) || !existsSync(JSON_PATH)) {
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-mnist.mjs')], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    }
    manifest = parseMnistManifest(JSON.parse(readFileSync(JSON_PATH, 'utf8')));
    const packed = new Uint8Array(readFileSync(BIN));
    expect(manifest.compression).toBe('gzip');
    expect(packed.byteLength).toBe((manifest as { fileBytes?: number }).fileBytes);
    bytes = gunzipSync(packed);
  });

  it("is the whole MNIST database: 70,000 28×28×1 digits, MNIST's own 60,000 / 10,000 split", () => {
    expect(manifest.count).toBe(70_000);
    expect(manifest.imageShape).toEqual([...builtinDataset('mnist').inputShape]);
    expect(manifest.classes).toEqual([...builtinDataset('mnist').classes]);
    expect(manifest.byteLength).toBe(bytes.byteLength);
    expect(manifest.split.train).toEqual([0, 60_000]);
    expect(manifest.split.test).toEqual([60_000, 70_000]);
  });

  it('decodes to pixels in [0, 1] with the class counts LeCun et al. publish', () => {
    const train = decodeMnist(bytes, manifest, manifest.split.train);
    const test = decodeMnist(bytes, manifest, manifest.split.test);
    expect(train.x.length).toBe(60_000 * 784);
    expect(test.x.length).toBe(10_000 * 784);
    for (const data of [train, test]) {
      let min = Infinity;
      let max = -Infinity;
      for (const v of data.x) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
      expect(min).toBe(0);
      expect(max).toBe(1);
    }
    const perClass = (labels: ArrayLike<number>) => {
      const counts = new Array<number>(10).fill(0);
      for (let i = 0; i < labels.length; i++) {
        const label = labels[i] ?? 0;
        counts[label] = (counts[label] ?? 0) + 1;
      }
      return counts;
    };
    expect(perClass(train.y)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(perClass(test.y)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    // The famous first training digit is a 5, the first test digit a 7.
    expect(train.y[0]).toBe(5);
    expect(test.y[0]).toBe(7);
    // Real digits: ink covers a minority of each image (about 10–25 % of pixels).
    const firstImage = train.x.subarray(0, 784);
    const ink = firstImage.filter((v) => v > 0.5).length;
    expect(ink).toBeGreaterThan(30);
    expect(ink).toBeLessThan(400);
  });
});

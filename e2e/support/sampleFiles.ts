// Files to upload, built in memory for the data tests: a CSV table, an MNIST-format IDX pair, PNG
// images (a minimal encoder, so the browser's real decoder is exercised) and zips of class folders.
import { gzipSync, zipSync, zlibSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../src/data/random';

/** A seeded source, so the files are identical on every run. */
const random = createRandom;

/**
 * A learnable table: two numbers, a colour and a label "inside" when the point lies inside the
 * unit circle. A few values are missing on purpose (the import must report them).
 */
export function circleCsv(rows = 240): Buffer {
  const r = random(5);
  const lines = ['x,y,colour,label'];
  for (let i = 0; i < rows; i++) {
    const x = (r() * 2 - 1) * 1.4;
    const y = (r() * 2 - 1) * 1.4;
    const colour = ['red', 'green', 'blue'][i % 3]!;
    const label = x * x + y * y < 1 ? 'inside' : 'outside';
    lines.push(`${i === 7 ? '' : x.toFixed(3)},${y.toFixed(3)},${colour},${label}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

function idx(dims: number[], values: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.set([0, 0, 0x08, dims.length]);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(values)]);
}

/** count 8×8 images: class 0 a horizontal bar, class 1 a vertical bar, at random places. */
export function barsIdx(count = 320): { images: Buffer; labels: Buffer } {
  const r = random(9);
  const pixels = new Uint8Array(count * 64);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    const label = n % 2;
    const at = 1 + Math.floor(r() * 6);
    for (let k = 0; k < 8; k++) {
      const [row, col] = label === 0 ? [at, k] : [k, at];
      pixels[n * 64 + row * 8 + col] = 255;
    }
    labels[n] = label;
  }
  return { images: idx([count, 8, 8], pixels), labels: idx([count], labels) };
}

export function gzip(buffer: Buffer): Buffer {
  return Buffer.from(gzipSync(buffer));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG of `size`×`size` whose pixel (row, col) is paint(row, col) in 0..255. */
export function png(size: number, paint: (row: number, col: number) => number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const raw = Buffer.alloc(size * (size + 1));
  for (let row = 0; row < size; row++) {
    raw[row * (size + 1)] = 0; // filter: none
    for (let col = 0; col < size; col++) raw[row * (size + 1) + 1 + col] = paint(row, col);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', Buffer.from(zlibSync(raw))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Class folders of 16×16 PNGs: "light" images are bright, "dark" ones dim, with noise. */
export function shadeImages(perClass = 40): Record<string, Buffer> {
  const r = random(13);
  const files: Record<string, Buffer> = {};
  for (const [name, base] of [
    ['light', 200],
    ['dark', 40],
  ] as const) {
    for (let i = 0; i < perClass; i++) {
      files[`shades/${name}/${i}.png`] = png(16, () => Math.round(base + (r() - 0.5) * 60));
    }
  }
  return files;
}

/** Writes files ({ 'a/b.png': bytes }) under dir, for a folder upload. */
export function writeTree(dir: string, files: Record<string, Buffer>): void {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
}

/** A zip of { path: bytes }; a path ending in "/" is an (empty) folder. */
export function zip(files: Record<string, Buffer | null>): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, bytes] of Object.entries(files)) {
    entries[path] = path.endsWith('/') || !bytes ? new Uint8Array(0) : new Uint8Array(bytes);
  }
  return Buffer.from(zipSync(entries));
}

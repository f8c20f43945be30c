/**
 * Decodes the bundled MNIST file (made by scripts/build-mnist.mjs): uint8 pixels then uint8 labels.
 * Pure: the worker fetches the bytes, this turns them into float features in [0, 1].
 */
import type { LabelledData } from './types';

export interface MnistManifest {
  format: 'layerlab-uint8-v1';
  file: string;
  /** The file is gzip-compressed (the worker unpacks it); absent: stored as it is. */
  compression?: 'gzip';
  count: number;
  imageShape: [number, number, number];
  imagesOffset: number;
  labelsOffset: number;
  byteLength: number;
  classes: string[];
  split: { train: [number, number]; test: [number, number] };
}

/** Checks a manifest read from JSON; throws a message naming the bad field. */
export function parseMnistManifest(value: unknown): MnistManifest {
  const m = value as Partial<MnistManifest> | null;
  const problem = (field: string) =>
    new Error(`The MNIST manifest is malformed: "${field}" is missing or wrong.`);
  if (!m || typeof m !== 'object') throw new Error('The MNIST manifest is not a JSON object.');
  if (m.format !== 'layerlab-uint8-v1') throw problem('format');
  if (typeof m.file !== 'string') throw problem('file');
  if (!Number.isInteger(m.count) || (m.count ?? 0) <= 0) throw problem('count');
  if (
    !Array.isArray(m.imageShape) ||
    m.imageShape.length !== 3 ||
    !m.imageShape.every((n) => Number.isInteger(n) && n > 0)
  ) {
    throw problem('imageShape');
  }
  if (!Number.isInteger(m.labelsOffset) || !Number.isInteger(m.imagesOffset))
    throw problem('labelsOffset');
  if (!Number.isInteger(m.byteLength)) throw problem('byteLength');
  if (!Array.isArray(m.classes)) throw problem('classes');
  if (!m.split || !Array.isArray(m.split.train) || !Array.isArray(m.split.test))
    throw problem('split');
  return m as MnistManifest;
}

/** Decodes samples [start, end) of the file into features in [0, 1] and class labels. */
export function decodeMnist(
  bytes: Uint8Array,
  manifest: MnistManifest,
  range: [number, number],
): LabelledData {
  const [start, end] = range;
  const pixels = manifest.imageShape.reduce((a, b) => a * b, 1);
  if (bytes.byteLength !== manifest.byteLength) {
    throw new Error(
      `The MNIST file has ${bytes.byteLength} bytes but its manifest says ${manifest.byteLength}: it is truncated or from another version. Reload the page.`,
    );
  }
  const count = end - start;
  const x = new Float32Array(count * pixels);
  for (let i = 0; i < x.length; i++)
    x[i] = (bytes[manifest.imagesOffset + start * pixels + i] ?? 0) / 255;
  const y = Int32Array.from(
    bytes.subarray(manifest.labelsOffset + start, manifest.labelsOffset + end),
  );
  for (const label of y) {
    if (label >= manifest.classes.length)
      throw new Error(`The MNIST file has an invalid label ${label}.`);
  }
  return { x, y, count };
}

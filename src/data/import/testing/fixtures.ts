/**
 * Builders for the importer tests: uploads are made in memory (IDX headers written by hand,
 * images as signature bytes), so the tests need no binary files in the repository. Test-only.
 */
import type { Message, MessageValue } from '../../../shared/messages/message';
import type { FileEntry, ImageDecoder } from '../types';

const encoder = new TextEncoder();

/** A file entry from text or bytes. */
export function file(name: string, content: string | Uint8Array | readonly number[]): FileEntry {
  const bytes =
    typeof content === 'string'
      ? encoder.encode(content)
      : content instanceof Uint8Array
        ? content
        : Uint8Array.from(content);
  return { name, bytes };
}

/** A file that claims `byteLength` bytes without allocating them (size checks read only that). */
export function hugeFile(name: string, byteLength: number): FileEntry {
  return { name, bytes: { byteLength, length: byteLength } as unknown as Uint8Array };
}

/** An IDX file: 00 00 type rank, big-endian dims, then `values` (ubyte unless `type` says). */
export function idxBytes(dims: number[], values: ArrayLike<number>, type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * dims.length);
  const view = new DataView(header.buffer);
  header.set([0, 0, type, dims.length]);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  const out = new Uint8Array(header.length + values.length);
  out.set(header);
  out.set(Array.from(values), header.length);
  return out;
}

/** Bytes that pass LayerLab's image sniffing; `tag` is appended so the fake decoder can read it. */
export function pngBytes(tag = 0): Uint8Array {
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, tag]);
}

export function jpegBytes(tag = 0): Uint8Array {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, tag]);
}

/**
 * A decoder that paints the whole image one colour, [tag, 2 * tag, 3 * tag] where tag is the
 * file's last byte (keep it ≤ 85), so tests can tell which file each sample came from.
 */
export const solidColourDecoder: ImageDecoder = (entry, [height, width]) => {
  const tag = entry.bytes[entry.bytes.length - 1] ?? 0;
  const rgba = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p++) rgba.set([tag, 2 * tag, 3 * tag, 255], 4 * p);
  return Promise.resolve(rgba);
};

/** Runs `f`, expecting an ImportError-like throw; returns it for closer checks. */
export function thrown(
  f: () => unknown,
): Error & { file?: MessageValue; where?: Message | undefined } {
  try {
    f();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`threw a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('expected an error, but none was thrown');
}

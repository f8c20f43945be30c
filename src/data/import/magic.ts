/**
 * File signatures ("magic bytes"). Names and extensions lie (a renamed file, a browser that
 * adds ".txt"), the first bytes do not, so every format decision looks here first.
 */

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);

/** gzip: 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x1f, 0x8b]);
}

/** zip: "PK\3\4" (a local file header), or "PK\5\6" for an empty archive. */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/** IDX: two zero bytes, a known element type, then at least one dimension. */
export function isIdx(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 8 &&
    startsWith(bytes, [0, 0]) &&
    [0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e].includes(bytes[2] as number) &&
    (bytes[3] as number) > 0
  );
}

/** The image formats browsers decode everywhere. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';

/** Which image format the bytes are, or null when they are none of those LayerLab reads. */
export function imageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif'; // "GIF8" (87a and 89a)
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) return 'bmp'; // "BM" + header
  // "RIFF" <size> "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return 'webp';
  return null;
}

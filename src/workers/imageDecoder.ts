/**
 * The browser's image decoder for src/data/import (ImageDecoder): decodes and resizes in one
 * step with createImageBitmap, then reads the pixels from an OffscreenCanvas. Both exist in
 * workers, so the main thread never touches the bytes. Not unit-tested: Node has neither API.
 */
import type { FileEntry, ImageDecoder } from '../data/import/types';

export const decodeImage: ImageDecoder = async (
  entry: FileEntry,
  [height, width]: [number, number],
) => {
  // Blob wants bytes backed by a plain ArrayBuffer; copy only when they are not.
  const bytes =
    entry.bytes.buffer instanceof ArrayBuffer
      ? (entry.bytes as Uint8Array<ArrayBuffer>)
      : new Uint8Array(entry.bytes);
  const bitmap = await createImageBitmap(new Blob([bytes]), {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('this browser cannot draw images in a worker');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, width, height).data;
  } finally {
    // Bitmaps hold decoded pixels outside the JS heap until closed.
    bitmap.close();
  }
};

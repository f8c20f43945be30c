/**
 * What is refused before any parsing: files too big for a browser tab, and bytes that are not
 * text where text is expected. Checked first so a student gets a clear reason instead of a frozen
 * tab or a page of garbage columns.
 */
import type { Message, MessageValue } from '../../shared/messages/message';
import { dataProblem, ImportError, type FileEntry } from './types';

/** The most one upload (a file, or all files of a folder together) may weigh. */
export const MAX_UPLOAD_BYTES = 256 * 2 ** 20;
/** The most an archive (zip, gzip) may unpack to: compressed files can hide huge contents. */
export const MAX_UNPACKED_BYTES = 512 * 2 ** 20;
/** The most input values a dataset may hold: 2^27 float32 values are 512 MB in the worker. */
export const MAX_INPUT_VALUES = 2 ** 27;

/** "812 B", "3.4 KB", "256 MB", "2.5 GB" (binary units, as file managers mostly show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`; // a unit symbol: the same in every language
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  // Whole numbers read better for the round limits ("256 MB"), one decimal otherwise.
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * Refuses an upload over the limit, before its bytes are read. `name` is a file name, or a phrase
 * for several files ("The 3 files together"): the message reads right either way.
 */
export function checkUploadSize(name: MessageValue, byteLength: number): void {
  if (byteLength > MAX_UPLOAD_BYTES) {
    throw new ImportError(
      name,
      dataProblem('data.tooLarge', {
        size: formatBytes(byteLength),
        limit: formatBytes(MAX_UPLOAD_BYTES),
      }),
    );
  }
}

/** Refuses an upload whose files are too big one by one or all together (a folder upload). */
export function checkUploadSizes(files: readonly FileEntry[]): void {
  let total = 0;
  for (const file of files) {
    checkUploadSize(file.name, file.bytes.byteLength);
    total += file.bytes.byteLength;
  }
  if (files.length > 1) {
    checkUploadSize(dataProblem('data.upload.filesTogether', { count: files.length }), total);
  }
}

/** Refuses an archive whose contents would unpack to more than the limit (a "zip bomb" too). */
export function checkUnpackedSize(name: string, byteLength: number): void {
  if (byteLength > MAX_UNPACKED_BYTES) {
    throw new ImportError(
      name,
      dataProblem('dataImport.unpacksTooLarge', {
        size: formatBytes(byteLength),
        limit: formatBytes(MAX_UNPACKED_BYTES),
      }),
    );
  }
}

/** Refuses a dataset whose inputs would not fit in the worker's memory. */
export function checkInputValues(name: string, values: number, hint: Message): void {
  if (values > MAX_INPUT_VALUES) {
    throw new ImportError(
      name,
      dataProblem('dataImport.tooManyValues', {
        size: formatBytes(values * 4),
        limit: formatBytes(MAX_INPUT_VALUES * 4),
        hint,
      }),
    );
  }
}

/** Why some bytes are not UTF-8 text: the first offending byte and what is wrong with it. */
export interface BinaryByte {
  offset: number;
  byte: number;
  reason: 'control' | 'utf8' | 'utf16';
}

/**
 * Finds the first byte that makes `bytes` not UTF-8 text, or null when it is text. Control
 * characters other than tab, line breaks and form feed count as binary: real tables never hold
 * them, while binary files (images, IDX, executables) are full of NUL bytes.
 */
export function findBinaryByte(bytes: Uint8Array): BinaryByte | null {
  // UTF-16 text (Excel's "Unicode text") starts with a byte-order mark; name it, as its NUL
  // bytes would otherwise be reported as binary junk.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { offset: 0, byte: bytes[0], reason: 'utf16' };
  }
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i] as number;
    if (c < 0x80) {
      if (c < 0x20 && !(c >= 0x09 && c <= 0x0d)) return { offset: i, byte: c, reason: 'control' };
      i++;
      continue;
    }
    // A multi-byte sequence: the lead byte says how many continuation bytes follow, and the
    // ranges of the first one exclude overlong forms, surrogates and code points past U+10FFFF.
    let follow: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) follow = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      follow = 2;
      if (c === 0xe0) low = 0xa0;
      if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      follow = 3;
      if (c === 0xf0) low = 0x90;
      if (c === 0xf4) high = 0x8f;
    } else return { offset: i, byte: c, reason: 'utf8' };
    for (let k = 1; k <= follow; k++) {
      const d = bytes[i + k];
      if (d === undefined || d < (k === 1 ? low : 0x80) || d > (k === 1 ? high : 0xbf)) {
        return { offset: i, byte: c, reason: 'utf8' };
      }
    }
    i += follow + 1;
  }
  return null;
}

/** True when `bytes` is UTF-8 text without control characters. */
export function looksLikeText(bytes: Uint8Array): boolean {
  return findBinaryByte(bytes) === null;
}

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0').toUpperCase()}`;

/** Decodes a text file, or explains, naming the file and the first bad byte, why it is not text. */
export function decodeText(file: FileEntry): string {
  const bad = findBinaryByte(file.bytes);
  if (bad !== null) {
    const at = dataProblem('dataImport.badByte', { byte: hex(bad.byte), offset: bad.offset });
    switch (bad.reason) {
      case 'utf16':
        throw new ImportError(file.name, dataProblem('dataImport.utf16'));
      case 'control':
        throw new ImportError(file.name, dataProblem('dataImport.binary', { at }));
      case 'utf8':
        throw new ImportError(file.name, dataProblem('dataImport.notUtf8', { at }));
    }
  }
  // The default decoder drops a leading byte-order mark, which would otherwise stick to the
  // first column's name.
  return new TextDecoder('utf-8').decode(file.bytes);
}

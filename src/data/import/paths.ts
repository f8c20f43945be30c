/**
 * Path helpers for uploaded names: folder uploads give "dataset/cats/1.png", zips may use
 * backslashes (Windows tools) or "./" prefixes, and operating systems sprinkle junk files
 * (__MACOSX, .DS_Store, Thumbs.db) that no student put there on purpose.
 */

/** Forward slashes, no leading "./" or "/", so paths from any source compare equal. */
export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, '');
}

/** The path's segments, directories first; a trailing "/" (a directory entry) is dropped. */
export function pathSegments(path: string): string[] {
  return normalizePath(path)
    .split('/')
    .filter((segment) => segment !== '');
}

/** The last segment: "dataset/cats/1.png" → "1.png". */
export function baseName(path: string): string {
  return pathSegments(path).at(-1) ?? '';
}

/** The file name without its extension(s) we know: "train-images-idx3-ubyte.gz" → "train-images-idx3-ubyte". */
export function stemName(path: string): string {
  return baseName(path).replace(/(\.(gz|zip|csv|tsv|txt))+$/i, '');
}

/** The lower-case extension without the dot: "Data.CSV" → "csv"; "" when there is none. */
export function extension(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** Files the operating system adds on its own. */
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);

/** A segment to skip: hidden (".DS_Store", ".git"), macOS zip metadata, or a system file. */
export function isIgnoredSegment(segment: string): boolean {
  return (
    segment.startsWith('.') || segment === '__MACOSX' || SYSTEM_FILES.has(segment.toLowerCase())
  );
}

/** True when nothing in the path was put there by the student (any segment is ignorable). */
export function isIgnoredPath(path: string): boolean {
  return pathSegments(path).some(isIgnoredSegment);
}

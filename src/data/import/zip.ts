/**
 * Unpacks an uploaded zip into file entries, as if the folder inside had been uploaded. System
 * junk (__MACOSX, .DS_Store) is skipped unread, and the unpacked size is checked from the zip's
 * directory before anything is inflated.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { checkUnpackedSize } from './limits';
import { isIgnoredPath, normalizePath } from './paths';
import { dataProblem, ImportError, type FileEntry } from './types';

/**
 * The archive's members, names normalised ("cats/1.png"), in archive order. Folders listed by the
 * zip come back as entries named "cats/" with no bytes, so an empty class folder can be reported.
 */
export function unzipEntries(file: FileEntry): FileEntry[] {
  let total = 0;
  const keep = (info: UnzipFileInfo) => {
    if (isIgnoredPath(info.name)) return false;
    // Sizes come from the zip's own directory: counting them before inflating catches a zip
    // whose small download unpacks to gigabytes.
    total += info.originalSize;
    checkUnpackedSize(file.name, total);
    return true;
  };
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(file.bytes, { filter: keep });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      file.name,
      dataProblem('dataImport.zipDamaged', { reason }),
      undefined,
      error,
    );
  }
  return Object.entries(members).map(([name, bytes]) => ({ name: normalizePath(name), bytes }));
}

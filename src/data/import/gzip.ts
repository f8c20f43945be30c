/**
 * gzip unpacking with the checks a browser tab needs: the size the archive claims is checked
 * before anything is allocated, and a damaged archive is reported as such, naming the file.
 */
import { gunzipSync } from 'fflate';
import { checkUnpackedSize } from './limits';
import { dataProblem, ImportError, type FileEntry } from './types';

const MAX_DEFLATE_RATIO = 1032;

/** The unpacked bytes of a gzip file (the caller has checked the magic bytes). */
export function gunzipFile(file: FileEntry): Uint8Array {
  const { bytes } = file;
  if (bytes.length < 18) {
    throw new ImportError(file.name, dataProblem('dataImport.gzipShort'));
  }
  // The last four bytes hold the unpacked size (mod 4 GB), little-endian: refuse before inflating.
  const end = bytes.length;
  const claimed =
    ((bytes[end - 4] as number) |
      ((bytes[end - 3] as number) << 8) |
      ((bytes[end - 2] as number) << 16) |
      ((bytes[end - 1] as number) << 24)) >>>
    0;
  // Deflate packs at most about 1032:1, so a larger claim means the trailer is garbage: the file
  // was cut short or damaged, which deserves that message rather than a size complaint.
  if (claimed <= bytes.length * MAX_DEFLATE_RATIO) checkUnpackedSize(file.name, claimed);
  try {
    return gunzipSync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      file.name,
      dataProblem('dataImport.gzipDamaged', { reason }),
      undefined,
      error,
    );
  }
}

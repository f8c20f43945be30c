/**
 * The one entry point for uploads: works out what the student gave (a table, an IDX pair, a zip
 * of class folders, a folder of images) from the bytes and names, and hands it to the right
 * importer. Sizes are checked before anything else is read.
 */
import { englishText } from '../../shared/messages/englishText';
import { message } from '../../shared/messages/message';
import { parseTable } from './csv';
import { decodeImageFolder } from './imageFolder';
import { idxPairToDataset, parseIdx } from './idx';
import { checkUploadSizes } from './limits';
import { imageType, isGzip, isIdx, isZip } from './magic';
import { extension, isIgnoredPath } from './paths';
import { tableToDataset } from './table';
import {
  ImportError,
  type FileEntry,
  type ImageDecoder,
  type ImportTask,
  type ImportedDataset,
} from './types';
import { unzipEntries } from './zip';

/** How to import; each importer reads the fields that apply to it and ignores the rest. */
export interface ImportOptions {
  /** Tables: the column to predict. Default: the last column. */
  labelColumn?: string | undefined;
  /** Tables: the input columns. Default: every other usable column. */
  featureColumns?: string[] | undefined;
  /** Tables: default picked from the label column (text or few numbers → classification). */
  task?: ImportTask | undefined;
  /** Images: [height, width] every image is resized to. Default: [28, 28]. */
  imageSize?: [number, number] | undefined;
  /** Images: 1 = greyscale, 3 = RGB. Default: 1. */
  channels?: 1 | 3 | undefined;
  /** Seed of the sample shuffle. Default: DEFAULT_IMPORT_SEED. */
  seed?: number | undefined;
  /** Images: called after each decoded image. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What an upload is, decided from magic bytes first and extensions second. */
export type UploadKind =
  | { kind: 'table'; file: FileEntry }
  | { kind: 'idx'; files: [FileEntry, FileEntry] }
  | { kind: 'zip'; file: FileEntry }
  | { kind: 'images'; files: FileEntry[] };

/** Shown whenever an upload is none of these, so the student knows what would work. */
const accepted = message('dataImport.accepted');
/** The same in English (tests, logs). */
export const ACCEPTED_UPLOADS = englishText(accepted);

const TABLE_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const SPREADSHEET_EXTENSIONS = new Set(['xlsx', 'xls', 'xlsm', 'ods', 'numbers']);
const isIdxLike = (file: FileEntry) => isIdx(file.bytes) || isGzip(file.bytes);

/** Sorts an upload into one of the kinds LayerLab imports, or explains why it is none. */
export function sniffUpload(files: readonly FileEntry[]): UploadKind {
  const yours = message('data.upload.yours');
  if (files.length === 0) throw new ImportError(yours, message('dataImport.noFiles'));
  checkUploadSizes(files);
  // Folder uploads carry .DS_Store and the like; they must not make a table look like two files.
  const chosen = files.filter((file) => !isIgnoredPath(file.name));
  const [first, second] = chosen;
  if (first === undefined) {
    throw new ImportError(
      files[0]?.name ?? yours,
      message('dataImport.onlySystemFiles', { accepted }),
    );
  }

  if (chosen.length === 1) {
    // Spreadsheets are zips (or older binaries) inside: catch them before the zip route does.
    if (SPREADSHEET_EXTENSIONS.has(extension(first.name))) {
      throw new ImportError(first.name, message('dataImport.spreadsheet'));
    }
    if (isZip(first.bytes) || extension(first.name) === 'zip') return { kind: 'zip', file: first };
    if (isIdxLike(first)) {
      throw new ImportError(first.name, message('dataImport.idxNeedsPair'));
    }
    if (imageType(first.bytes) !== null) {
      throw new ImportError(first.name, message('dataImport.singleImage'));
    }
    if (TABLE_EXTENSIONS.has(extension(first.name))) return { kind: 'table', file: first };
    throw new ImportError(first.name, message('dataImport.unknownKind', { accepted }));
  }

  if (chosen.every(isIdxLike)) {
    if (second !== undefined && chosen.length === 2) return { kind: 'idx', files: [first, second] };
    throw new ImportError(
      message('data.upload.idxFiles', { count: chosen.length }),
      message('dataImport.idxChooseTwo'),
    );
  }
  if (chosen.some((file) => imageType(file.bytes) !== null))
    return { kind: 'images', files: chosen };
  throw new ImportError(
    message('data.upload.files', { count: chosen.length }),
    message('dataImport.notADataset', { accepted }),
  );
}

/** Imports an upload into samples ready to train on; throws ImportError with a student-readable message. */
export async function importFiles(
  files: readonly FileEntry[],
  options: ImportOptions,
  decode: ImageDecoder,
): Promise<ImportedDataset> {
  const upload = sniffUpload(files);
  switch (upload.kind) {
    case 'table':
      return importTable(upload.file, options);
    case 'idx':
      return importIdxPair(upload.files, options);
    case 'zip':
      return importImages(unzipEntries(upload.file), options, decode, upload.file.name);
    case 'images':
      return importImages(upload.files, options, decode, undefined);
  }
}

function importTable(file: FileEntry, options: ImportOptions): ImportedDataset {
  const table = parseTable(file);
  const lastColumn = table.header.at(-1) ?? '';
  const labelColumn = options.labelColumn ?? lastColumn;
  const dataset = tableToDataset(table, {
    labelColumn,
    featureColumns: options.featureColumns,
    task: options.task,
    seed: options.seed,
  });
  if (options.labelColumn === undefined) {
    dataset.notes.unshift(message('data.note.lastColumnLabel', { name: lastColumn }));
  }
  return dataset;
}

/** The images file is the one with 3 or 4 dimensions, the labels the one with 1, in any order. */
function importIdxPair(files: [FileEntry, FileEntry], options: ImportOptions): ImportedDataset {
  const [a, b] = files.map(parseIdx) as [ReturnType<typeof parseIdx>, ReturnType<typeof parseIdx>];
  const aIsLabels = a.dims.length === 1;
  const bIsLabels = b.dims.length === 1;
  if (aIsLabels && bIsLabels) {
    throw new ImportError(
      message('data.upload.pair', { first: a.name, second: b.name }),
      message('dataImport.bothLabels'),
    );
  }
  if (!aIsLabels && !bIsLabels) {
    throw new ImportError(
      message('data.upload.pair', { first: a.name, second: b.name }),
      message('dataImport.neitherLabels', { first: a.dims.length, second: b.dims.length }),
    );
  }
  const [images, labels] = aIsLabels ? [b, a] : [a, b];
  return idxPairToDataset(images, labels, { seed: options.seed });
}

function importImages(
  entries: readonly FileEntry[],
  options: ImportOptions,
  decode: ImageDecoder,
  archive: string | undefined,
): Promise<ImportedDataset> {
  return decodeImageFolder(
    entries,
    {
      size: options.imageSize ?? [28, 28],
      channels: options.channels ?? 1,
      seed: options.seed,
      archive,
      onProgress: options.onProgress,
    },
    decode,
  );
}

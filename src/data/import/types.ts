/**
 * The shapes shared by every importer: what goes in (uploaded file entries), what comes out (an
 * ImportedDataset) and the one error type. Importers run in the training worker, so everything
 * here is plain data that survives postMessage.
 */
import { message, type Message, type MessageValue } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { MessageKey } from '../../shared/messages/messageKeys';
import type { DatasetTask, LabelledData, Normalization } from '../types';

/**
 * One uploaded file. `name` is the path the user would recognise: the file name for a single
 * upload, the relative path ("dataset/cats/1.png") for a folder upload, the path inside the
 * archive for a zip member. A name ending in "/" is a directory (zips list empty folders so).
 */
export interface FileEntry {
  name: string;
  bytes: Uint8Array;
}

/** Where an import came from; decides how the UI describes it. */
export type ImportFormat = 'csv' | 'images' | 'idx';

/** The tasks an upload can be used for (sequence tasks only come from built-in sets). */
export type ImportTask = Extract<DatasetTask, 'classification' | 'regression'>;

/** The result of every importer: samples plus what the UI needs to describe them. */
export interface ImportedDataset {
  /** Shown to the user; from the file or folder name, without extension. */
  name: string;
  format: ImportFormat;
  task: ImportTask;
  /** One sample's shape, no batch dimension: [features] for tables, [h, w, channels] for images. */
  inputShape: number[];
  /** Class names in class-id order; for regression, the target column name(s). */
  classes: string[];
  /** Samples in a seeded random order, so the validation split (the tail) holds every class. */
  data: LabelledData;
  /** How raw values became inputs, so the dataset browser can show the original values. */
  normalization: Normalization;
  /** Tables only: one name per model input after encoding ("age", "colour=red"). */
  featureNames?: string[];
  /** Plain-language report of what the import found and did, one sentence each. */
  notes: Message[];
}

/**
 * Turns one image file into RGBA pixels, resized to `size` ([height, width]): h * w * 4 bytes.
 * Decoding needs the browser (createImageBitmap), so the worker injects it and tests fake it.
 */
export type ImageDecoder = (entry: FileEntry, size: [number, number]) => Promise<Uint8ClampedArray>;

/**
 * An upload LayerLab cannot use, explained for a student. `message` is the whole sentence
 * ("iris.csv, line 12: expected 5 fields like the header but found 6."); `file` and `where` are
 * kept apart so the UI can highlight them. Error subclasses lose their class across postMessage,
 * so the worker should send these three fields, not the object.
 */
export class ImportError extends MessageError {
  override readonly name = 'ImportError';
  /** The uploaded file (or zip) the problem is in: its name, or a `data.upload` Message. */
  readonly file: MessageValue;
  /** Where inside it ("line 12", "image cats/x.txt", a `data.where` Message); undefined: the whole file. */
  readonly where: Message | undefined;

  /**
   * `problem`: a `data` Message, a clause that follows the file's name. `cause`: the library
   * error behind it (fflate, the browser's decoder), kept for debugging.
   */
  constructor(file: MessageValue, problem: Message, where?: Message, cause?: unknown) {
    super(
      where === undefined
        ? message('data.problem', { file, problem })
        : message('data.problemAt', { file, where, problem }),
      cause === undefined ? undefined : { cause },
    );
    this.file = file;
    this.where = where;
  }
}

/** A problem of the `data` or `dataImport` group (src/shared/messages/text/data*.en.ts). */
export const dataProblem = (
  key: MessageKey & (`data.${string}` | `dataImport.${string}`),
  values?: Parameters<typeof message>[1],
): Message => message(key, values);

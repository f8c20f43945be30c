/**
 * The IDX format of MNIST and its relatives (Fashion-MNIST, KMNIST, EMNIST): a 4-byte magic
 * number (0, 0, element type, number of dimensions), each dimension as a big-endian uint32, then
 * the values, row-major. Files are often gzipped (.gz); both forms are read.
 */
import { message } from '../../shared/messages/message';
import { countLabels } from '../split';
import { compareNatural, describeClasses } from './classes';
import { gunzipFile } from './gzip';
import { checkInputValues } from './limits';
import { isGzip } from './magic';
import { stemName } from './paths';
import { DEFAULT_IMPORT_SEED, shuffleNote, shuffleSamples } from './shuffle';
import { dataProblem, ImportError, type FileEntry, type ImportedDataset } from './types';

/** One IDX array: unsigned bytes, row-major over `dims`. */
export interface IdxArray {
  /** The file it came from, for messages. */
  name: string;
  dims: number[];
  data: Uint8Array;
}

/** The IDX element types and their names, for messages about the ones LayerLab does not read. */
type ElementType = 'unsignedBytes' | 'signedBytes' | 'int16' | 'int32' | 'float32' | 'float64';
const ELEMENT_TYPES = new Map<number, ElementType>([
  [0x08, 'unsignedBytes'],
  [0x09, 'signedBytes'],
  [0x0b, 'int16'],
  [0x0c, 'int32'],
  [0x0d, 'float32'],
  [0x0e, 'float64'],
]);

const hexBytes = (bytes: Uint8Array) =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');

/** Reads an IDX file (raw or gzipped); throws ImportError naming the file and what is wrong. */
export function parseIdx(file: FileEntry): IdxArray {
  const bytes = isGzip(file.bytes) ? gunzipFile(file) : file.bytes;
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) {
    throw new ImportError(
      file.name,
      dataProblem('dataImport.idx.badMagic', {
        bytes: hexBytes(bytes.subarray(0, 4)) || dataProblem('dataImport.idx.nothing'),
      }),
    );
  }
  const type = bytes[2] as number;
  const typeName = ELEMENT_TYPES.get(type);
  if (typeName === undefined) {
    throw new ImportError(
      file.name,
      dataProblem('dataImport.idx.badType', { type: type.toString(16).padStart(2, '0') }),
    );
  }
  if (type !== 0x08) {
    const typeText = dataProblem(`dataImport.idx.types.${typeName}`);
    throw new ImportError(file.name, dataProblem('dataImport.idx.notBytes', { type: typeText }));
  }
  const rank = bytes[3] as number;
  const headerLength = 4 + 4 * rank;
  if (rank === 0 || bytes.length < headerLength) {
    throw new ImportError(
      file.name,
      rank === 0
        ? dataProblem('dataImport.idx.noDimensions')
        : dataProblem('dataImport.idx.shortHeader', { bytes: bytes.length, needed: headerLength }),
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, d) => view.getUint32(4 + 4 * d, false));
  // A product of up to 255 uint32s can pass 2^53; it is only compared, so precision is moot.
  const expected = dims.reduce((a, b) => a * b, 1);
  const found = bytes.length - headerLength;
  if (found < expected) {
    throw new ImportError(
      file.name,
      dataProblem('dataImport.idx.truncated', {
        dims: dims.join(' × '),
        expected,
        header: headerLength,
        found,
      }),
    );
  }
  if (found > expected) {
    throw new ImportError(
      file.name,
      dataProblem('dataImport.idx.extraBytes', { extra: found - expected, dims: dims.join(' × ') }),
    );
  }
  return { name: file.name, dims, data: bytes.subarray(headerLength) };
}

export interface IdxOptions {
  /** Seed of the sample shuffle. Default: DEFAULT_IMPORT_SEED. */
  seed?: number | undefined;
}

/**
 * Pairs an images array [n, rows, cols] or [n, rows, cols, channels] with a labels array [n]:
 * pixels become x = raw / 255 with inputShape [rows, cols, channels]; the distinct label values,
 * sorted numerically, become the classes ("0".."9" for MNIST).
 */
export function idxPairToDataset(
  images: IdxArray,
  labels: IdxArray,
  options: IdxOptions = {},
): ImportedDataset {
  if (images.dims.length === 1) {
    throw new ImportError(
      images.name,
      dataProblem('dataImport.idx.labelsAsImages', { count: images.dims[0] ?? 0 }),
    );
  }
  if (images.dims.length !== 3 && images.dims.length !== 4) {
    throw new ImportError(
      images.name,
      dataProblem('dataImport.idx.imageDims', {
        rank: images.dims.length,
        dims: images.dims.join(' × '),
      }),
    );
  }
  if (labels.dims.length !== 1) {
    throw new ImportError(
      labels.name,
      dataProblem('dataImport.idx.labelDims', {
        rank: labels.dims.length,
        dims: labels.dims.join(' × '),
      }),
    );
  }
  const [count = 0, rows = 0, cols = 0, channels = 1] = images.dims;
  if (labels.dims[0] !== count) {
    throw new ImportError(
      labels.name,
      dataProblem('dataImport.idx.countMismatch', {
        labels: labels.dims[0] ?? 0,
        images: images.name,
        count,
      }),
    );
  }
  if (count === 0 || rows === 0 || cols === 0 || channels === 0) {
    throw new ImportError(
      images.name,
      dataProblem('dataImport.idx.noPixels', { dims: images.dims.join(' × ') }),
    );
  }
  checkInputValues(images.name, images.data.length, dataProblem('dataImport.hint.fewerImages'));

  const x = new Float32Array(images.data.length);
  for (let i = 0; i < x.length; i++) x[i] = (images.data[i] as number) / 255;
  const values = [...new Set(labels.data)].map(String).sort(compareNatural);
  if (values.length < 2) {
    throw new ImportError(
      labels.name,
      dataProblem('dataImport.idx.oneLabel', { label: values[0] ?? '?' }),
    );
  }
  // Class ids are positions among the values present, so labels {1, 5, 9} become ids {0, 1, 2}.
  const ids = new Map(values.map((value, id) => [Number(value), id]));
  const y = Int32Array.from(labels.data, (value) => ids.get(value) ?? 0);

  const seed = options.seed ?? DEFAULT_IMPORT_SEED;
  return {
    name: stemName(images.name),
    format: 'idx',
    task: 'classification',
    inputShape: [rows, cols, channels],
    classes: values,
    data: shuffleSamples({ x, y, count }, seed),
    normalization: { kind: 'scale', divisor: 255 },
    notes: [
      message(channels > 1 ? 'data.note.readIdxChannels' : 'data.note.readIdx', {
        images: count,
        rows,
        columns: cols,
        channels,
        imagesFile: images.name,
        labelsFile: labels.name,
      }),
      describeClasses(values, countLabels(y, values.length)),
      message('data.note.pixelsScaled'),
      shuffleNote(seed),
    ],
  };
}

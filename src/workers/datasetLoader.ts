/**
 * Loads the chosen dataset in the worker: generates the synthetic kinds from the seed, downloads
 * (through the Cache Storage cache) and decodes the bundled files, or reads the user's imported
 * data from IndexedDB. Returns every sample in a seeded random order; the caller splits it. The
 * main thread never parses dataset bytes.
 */
import { message, type Message } from '../shared/messages/message';
import { throwMessage } from '../shared/messages/messageError';
import { readStoredNotes } from '../shared/messages/storedMessage';
import {
  datasetTitle,
  manifestEntry,
  type DatasetChoice,
  type DatasetInfo,
} from '../data/datasets';
import { generateFunction1d } from '../data/function1d';
import { gunzipFile } from '../data/import/gzip';
import { isGzip } from '../data/import/magic';
import { decodeMnist, parseMnistManifest } from '../data/mnist';
import { generateSequenceTask, isSequenceTaskId } from '../data/sequences';
import { reorderData, seededOrder, splitData, type PreparedData } from '../data/split';
import { generateToy2d, isToy2dId } from '../data/toy2d';
import type { LabelledData, Normalization } from '../data/types';
import { decodeBundledCorpus, decodeBundledTable, decodeBundledText } from './bundledDecoders';
import { standardizeOnTraining, trainingCount } from '../data/trainingScale';
import type { CachedBytes, DownloadProgress } from './datasetCache';
import type { StartRequest } from '../shared/protocol';
import type { UserDataStore } from './userDataStore';

/** What a loaded dataset carries besides its samples, for training and for the dataset browser. */
export interface DecodedDataset {
  /** Every sample, in a seeded random order. */
  data: LabelledData;
  normalization: Normalization;
  /** Tables: the model's input columns. */
  featureNames?: string[] | undefined;
  /** Token kinds: the id → token list (index = id). */
  tokens?: readonly string[] | undefined;
  /** Text kinds: each sample's original text, in the same order as `data`. */
  texts?: readonly string[] | undefined;
  /** What decoding found (texts truncated, unknown words, rows dropped…). */
  notes: Message[];
  /** A test set that comes with the dataset (MNIST's test digits), instead of a split. */
  fixedTest?: LabelledData | undefined;
  /**
   * Tables with gaps: 1 for each value of `data.x` the file lacked (the data holds the training
   * mean there), so that the dataset browser shows a gap rather than a number the file never had.
   */
  missing?: Uint8Array | undefined;
}

export interface LoadRequest {
  dataset: DatasetChoice;
  datasetInfo: DatasetInfo;
  /** Absolute URL of public/datasets/. */
  datasetBaseUrl: string;
  seed: number;
  /** The split: tables are standardised on its training rows (see trainingScale.ts). */
  validationSplit: number;
  testSplit: number;
}

export interface LoaderDeps {
  fetchFile(
    url: string,
    expectedBytes: number | null,
    onProgress: DownloadProgress,
  ): Promise<CachedBytes>;
  userData: UserDataStore;
}

/** message: what is happening; fraction: 0..1 when known. */
export type LoadProgress = (message: Message, fraction: number | null) => void;

/** Decoded bundled files kept for the worker's lifetime (keyed by file and settings). */
const decodedCache = new Map<string, DecodedDataset>();
/** Image datasets' downloaded files, kept for the worker's lifetime instead of their decoding. */
const downloadedImages = new Map<string, ReadonlyMap<string, Uint8Array>>();

/**
 * Every sample of the chosen dataset in its seeded order, as the model sees them (tables
 * standardised on the split's training rows): for training and for the dataset browser alike.
 */
export async function loadDataset(
  request: LoadRequest,
  deps: LoaderDeps,
  progress: LoadProgress,
): Promise<DecodedDataset> {
  const decoded = await decodeInOrder(request, deps, progress);
  const { data, normalization } = decoded;
  const { validationSplit, testSplit } = request;
  const head = trainingCount(data.count, validationSplit, testSplit, Boolean(decoded.fixedTest));
  return { ...decoded, ...standardizeOnTraining(data, normalization, head) };
}

async function decodeInOrder(
  request: LoadRequest,
  deps: LoaderDeps,
  progress: LoadProgress,
): Promise<DecodedDataset> {
  const { dataset, datasetInfo: info, seed } = request;
  if (info.origin === 'user') return loadUserDataset(request, deps);
  switch (info.kind) {
    case 'points2d':
      if (!isToy2dId(dataset.id)) throw new Error(`No generator for "${dataset.id}".`);
      return generated(generateToy2d(dataset.id, dataset.samples, dataset.noise, seed));
    case 'function1d':
      return generated(generateFunction1d(dataset.samples, dataset.noise, seed));
    case 'sequence': {
      if (!isSequenceTaskId(dataset.id)) throw new Error(`No generator for "${dataset.id}".`);
      const [length = 0] = info.inputShape;
      const data = generateSequenceTask(
        dataset.id,
        dataset.samples,
        length,
        info.classes.length,
        seed,
      );
      return { ...generated(data), tokens: info.classes };
    }
    case 'images':
    case 'table':
    case 'text':
    case 'corpus': {
      const decoded = await decodeBundled(request, deps, progress);
      // A corpus keeps text order: its validation split is then the end of the text, which no
      // training window overlaps (the trainer still shuffles the training windows every epoch).
      if (info.kind === 'corpus') return decoded;
      const order = seededOrder(decoded.data.count, seed);
      const texts = decoded.texts && Array.from(order, (from) => decoded.texts?.[from] ?? '');
      return { ...decoded, data: reorderData(decoded.data, order), texts };
    }
  }
}

function generated(data: LabelledData): DecodedDataset {
  return { data, normalization: { kind: 'none' }, notes: [] };
}

async function loadUserDataset(request: LoadRequest, deps: LoaderDeps): Promise<DecodedDataset> {
  const stored = await deps.userData.get(request.dataset.id);
  if (!stored) {
    throwMessage('data.userDatasetGone', { name: request.datasetInfo.name });
  }
  return {
    data: reorderData(stored.data, seededOrder(stored.data.count, request.seed)),
    normalization: stored.normalization,
    featureNames: stored.entry.featureNames,
    // Uploads stored before notes were Messages hold English strings.
    notes: readStoredNotes(stored.entry.notes),
  };
}

async function decodeBundled(
  request: LoadRequest,
  deps: LoaderDeps,
  progress: LoadProgress,
): Promise<DecodedDataset> {
  const { dataset, datasetInfo: info, datasetBaseUrl } = request;
  const entry = manifestEntry(dataset.id);
  if (!entry) throw new Error(`"${dataset.id}" is not in the dataset manifest.`);
  const key = JSON.stringify([entry.id, info.inputShape, info.vocabSize]);
  const cached = decodedCache.get(key);
  if (cached) return cached;

  // Download every file of the entry, reporting progress over their total size.
  const files = new Map<string, Uint8Array>(downloadedImages.get(key));
  let doneBytes = 0;
  for (const file of entry.files) {
    if (files.has(file)) continue;
    const url = new URL(file, datasetBaseUrl).href;
    const { bytes, fromCache } = await deps.fetchFile(url, null, (loaded) =>
      progress(
        message('worker.downloading', { dataset: datasetTitle(info) }),
        entry.bytes > 0 ? Math.min(1, (doneBytes + loaded) / entry.bytes) : null,
      ),
    );
    doneBytes += bytes.byteLength;
    files.set(file, bytes);
    if (fromCache) progress(message('worker.readFromCache', { dataset: datasetTitle(info) }), 1);
  }
  progress(message('worker.decoding', { dataset: datasetTitle(info) }), null);
  const decoded = decodeFiles(entry.kind, entry.files, files, dataset, info, entry.labelColumn);
  // Decoded images weigh four times their bytes (float32; 220 MB for MNIST): keep the files
  // (12 MB) and decode again at the next start instead.
  if (entry.kind === 'images') downloadedImages.set(key, files);
  else decodedCache.set(key, decoded);
  return decoded;
}

function decodeFiles(
  kind: DatasetInfo['kind'],
  names: readonly string[],
  files: ReadonlyMap<string, Uint8Array>,
  dataset: DatasetChoice,
  info: DatasetInfo,
  labelColumn: string | undefined,
): DecodedDataset {
  const [first = ''] = names;
  const bytes = files.get(first) ?? new Uint8Array(0);
  switch (kind) {
    case 'images': {
      // The MNIST bundle: a JSON manifest naming a uint8 file; training uses its train range.
      const manifestText = new TextDecoder().decode(bytes);
      let json: unknown;
      try {
        json = JSON.parse(manifestText);
      } catch (error) {
        throw new Error(`${first} is not valid JSON.`, { cause: error });
      }
      const manifest = parseMnistManifest(json);
      const stored = files.get(manifest.file);
      if (!stored) throw new Error(`The dataset manifest does not list ${manifest.file}.`);
      // Unpacked by the magic bytes, not the manifest: a host that serves .gz files with
      // "Content-Encoding: gzip" has the browser unpack them already.
      const pixels = isGzip(stored) ? gunzipFile({ name: manifest.file, bytes: stored }) : stored;
      const data = decodeMnist(pixels, manifest, manifest.split.train);
      return {
        data,
        fixedTest: decodeMnist(pixels, manifest, manifest.split.test),
        normalization: { kind: 'scale', divisor: 255 },
        notes: [
          message('data.note.mnistTest', {
            images: manifest.split.test[1] - manifest.split.test[0],
          }),
        ],
      };
    }
    case 'table':
      return decodeBundledTable(first, bytes, labelColumn ?? 'label', info);
    case 'text':
      return decodeBundledText(first, bytes, dataset.sequenceLength, dataset.vocabularySize);
    case 'corpus':
      return decodeBundledCorpus(first, bytes, dataset.sequenceLength, info);
    default:
      throw new Error(`Datasets of kind "${kind}" are not files.`);
  }
}

/** The training run's data: the chosen dataset, split into training and validation parts. */
export async function loadForTraining(
  request: StartRequest,
  deps: LoaderDeps,
  progress: LoadProgress,
): Promise<PreparedData> {
  const { validationSplit, testSplit } = request.training;
  const decoded = await loadDataset(
    {
      dataset: request.dataset,
      datasetInfo: request.datasetInfo,
      datasetBaseUrl: request.datasetBaseUrl,
      seed: request.training.seed,
      validationSplit,
      testSplit,
    },
    deps,
    progress,
  );
  return {
    ...splitData(decoded.data, validationSplit, testSplit, decoded.fixedTest ?? null),
    tokens: decoded.tokens,
  };
}

/**
 * Loads a built-in dataset in the worker: generates the 2-D toys from the seed, or fetches and
 * decodes the MNIST file. The main thread never parses dataset bytes.
 */
import { DATASETS } from '../data/datasets';
import { decodeMnist, parseMnistManifest, type MnistManifest } from '../data/mnist';
import { splitValidation, type PreparedData } from '../data/split';
import { generateSequenceTask, isSequenceTaskId } from '../data/sequences';
import { generateToy2d, isToy2dId } from '../data/toy2d';
import type { StartRequest } from './protocol';

export type FetchBytes = (url: string) => Promise<ArrayBuffer>;

/** Decoded files kept for the worker's lifetime, so a second run does not fetch again. */
const fileCache = new Map<string, { manifest: MnistManifest; bytes: Uint8Array }>();

export async function loadDataset(
  request: StartRequest,
  fetchBytes: FetchBytes,
  progress: (message: string) => void,
): Promise<PreparedData> {
  const { dataset, training } = request;
  const info = DATASETS[dataset.id];
  if (isSequenceTaskId(dataset.id)) {
    const [length = 0] = info.inputShape;
    const data = generateSequenceTask(
      dataset.id,
      dataset.samples,
      length,
      info.classes.length,
      training.seed,
    );
    return splitValidation(data, training.validationSplit);
  }
  if (isToy2dId(dataset.id)) {
    const data = generateToy2d(dataset.id, dataset.samples, dataset.noise, training.seed);
    return splitValidation(data, training.validationSplit);
  }
  let file = fileCache.get(dataset.id);
  if (!file) {
    progress(`Downloading ${info.name}…`);
    const manifestUrl = new URL(`${dataset.id}.json`, request.datasetBaseUrl).href;
    const manifestBytes = await fetchBytes(manifestUrl);
    let manifestJson: unknown;
    try {
      manifestJson = JSON.parse(new TextDecoder().decode(manifestBytes));
    } catch (error) {
      throw new Error(`${manifestUrl} is not valid JSON.`, { cause: error });
    }
    const manifest = parseMnistManifest(manifestJson);
    const bytes = new Uint8Array(
      await fetchBytes(new URL(manifest.file, request.datasetBaseUrl).href),
    );
    file = { manifest, bytes };
    fileCache.set(dataset.id, file);
  }
  progress(`Decoding ${info.name}…`);
  const train = decodeMnist(file.bytes, file.manifest, file.manifest.split.train);
  return splitValidation(train, training.validationSplit);
}

/** fetch() that turns HTTP errors into messages naming the file. */
export async function fetchBytesOrThrow(url: string): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`Could not download ${url}: ${String(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not download ${url}: HTTP ${response.status}.`);
  return response.arrayBuffer();
}

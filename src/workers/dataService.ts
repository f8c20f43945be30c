/**
 * The worker's data requests that are not training: importing the user's files into a stored
 * dataset, deleting one, and reading pages of samples for the dataset browser. A failure throws
 * (the dispatch answers `failed` with its message), and nothing stored is touched by a failed
 * import (the new dataset is only written once it decoded completely).
 */
import { message, type Message } from '../shared/messages/message';
import { MessageError } from '../shared/messages/messageError';
import { checkDataChoice } from '../models/analyze';
import type { UserDatasetEntry } from '../data/datasets';
import { describeColumns } from '../data/import/columns';
import { parseTable } from '../data/import/csv';
import { importFiles } from '../data/import/index';
import type { FileEntry, ImageDecoder, ImportedDataset } from '../data/import/types';
import { classCounts, takeRange } from '../data/split';
import type { Normalization } from '../data/types';
import { loadDataset, type LoaderDeps } from './datasetLoader';
import { storing } from './storageFailure';
import type { BrowseRequest, RequestCommand, SamplePage } from '../shared/protocol';
import type { Answer, RequestHandlers } from './commandDispatch';

export interface DataServiceDeps extends LoaderDeps {
  decodeImage: ImageDecoder;
  newId(): string;
}

/** The handlers of the data requests (deleting a dataset needs no answer: see commandDispatch). */
export function dataHandlers(
  deps: DataServiceDeps,
): Pick<RequestHandlers, 'importData' | 'browse'> {
  return {
    importData: (command) => importData(command, deps),
    browse: (command) => browse(command.request, deps),
  };
}

async function importData(
  { files: uploaded, options, replaceId }: RequestCommand<'importData'>,
  deps: DataServiceDeps,
): Promise<Answer<'importData'>> {
  const files: FileEntry[] = uploaded.map((f) => ({
    name: f.name,
    bytes: new Uint8Array(f.bytes),
  }));
  const imported = await importFiles(files, options, deps.decodeImage);
  const entry = toEntry(imported, replaceId ?? deps.newId());
  const stored = { entry, data: imported.data, normalization: imported.normalization };
  await storing(imported.data.x.byteLength + imported.data.y.byteLength, () =>
    deps.userData.put(stored),
  );
  const table = imported.format === 'csv' ? files[0] : undefined;
  return { type: 'imported', entry, columns: table ? describeColumns(parseTable(table)) : null };
}

function toEntry(imported: ImportedDataset, id: string): UserDatasetEntry {
  return {
    id,
    kind: imported.format === 'csv' ? 'table' : 'images',
    task: imported.task,
    name: imported.name,
    inputShape: imported.inputShape,
    classes: imported.classes,
    samples: imported.data.count,
    featureNames: imported.featureNames,
    notes: imported.notes,
  };
}

async function browse(request: BrowseRequest, deps: LoaderDeps): Promise<Answer<'browse'>> {
  // The same limits as training: an out-of-range setting could keep the worker busy for minutes.
  const problem = Object.values(checkDataChoice(request.dataset, request.datasetInfo))[0];
  if (problem) throw new MessageError(problem);
  const decoded = await loadDataset(request, deps, () => undefined);
  const { data } = decoded;
  const offset = Math.max(0, Math.min(request.offset, data.count));
  const end = Math.min(data.count, offset + Math.max(0, request.limit));
  const page = takeRange(data, offset, end);
  const count = end - offset;
  const features = data.count === 0 ? 0 : data.x.length / data.count;
  const perSample = data.count === 0 ? 0 : data.y.length / data.count;
  const { tokens } = decoded;
  const asTokens = (ids: ArrayLike<number>, from: number, length: number) =>
    Array.from({ length }, (_, i) => tokens?.[ids[from + i] ?? -1] ?? '?');
  const result: SamplePage = {
    total: data.count,
    offset,
    count,
    x: page.x,
    y: page.y,
    raw: rawValues(
      page.x,
      count,
      features,
      decoded.normalization,
      decoded.missing?.subarray(offset * features, end * features),
    ),
    featureNames: decoded.featureNames ?? null,
    texts: decoded.texts ? decoded.texts.slice(offset, end) : null,
    tokens: tokens
      ? Array.from({ length: count }, (_, n) => asTokens(page.x, n * features, features))
      : null,
    labelTokens:
      tokens && perSample > 1
        ? Array.from({ length: count }, (_, n) => asTokens(page.y, n * perSample, perSample))
        : null,
    classCounts: classCounts(data, request.datasetInfo.classes.length),
    normalization: describeNormalization(decoded.normalization),
    notes: decoded.notes,
  };
  return { type: 'samples', page: result };
}

/**
 * Standardised table values back in the units of the file, NaN where the file had none (the page
 * shows a dash); null when there is nothing to undo.
 */
function rawValues(
  x: Float32Array,
  count: number,
  features: number,
  normalization: Normalization,
  missing: Uint8Array | undefined,
): Float32Array | null {
  if (normalization.kind !== 'standardize') return null;
  const raw = new Float32Array(x.length);
  for (let n = 0; n < count; n++) {
    for (let f = 0; f < features; f++) {
      const at = n * features + f;
      raw[at] = missing?.[at]
        ? Number.NaN
        : (x[at] ?? 0) * (normalization.std[f] ?? 1) + (normalization.mean[f] ?? 0);
    }
  }
  return raw;
}

export function describeNormalization(normalization: Normalization): Message {
  switch (normalization.kind) {
    case 'none':
      return message('worker.normalization.none');
    case 'scale':
      return message('worker.normalization.scale', { divisor: normalization.divisor });
    case 'standardize':
      return message('worker.normalization.standardize');
  }
}

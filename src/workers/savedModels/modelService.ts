/**
 * The worker's answers to model commands: keep the current run's model under a name, list and
 * delete kept models, hand one over as tfjs files (the UI downloads them: a worker cannot), and
 * take uploaded files back. Every failure throws a MessageError that names the problem (the
 * dispatch answers `failed` with it); nothing stored changes then.
 */
import { message, type Message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import { evenlySpaced } from '../../models/evaluation/downsample';
import type {
  SavedModelCommand,
  RequestCommand,
  RunHistory,
  SavedModelEntry,
  UploadedFile,
} from '../../shared/protocol';
import type { Answer, RequestHandlers } from '../commandDispatch';
import type { Run } from '../run';
import { captureModel, type ModelBundle } from './modelBundle';
import { readLayerLabMetadata, readModelJson, readWeights, toModelFiles } from './modelFiles';
import type { SavedModelStore } from './savedModelStore';
import { importForeignModel } from './foreignModel';
import { storing } from '../storageFailure';

/** Train records kept with a saved model (evenly spaced when a run had more). */
export const MAX_HISTORY_RECORDS = 5000;

export interface ModelServiceDeps {
  store: SavedModelStore;
  /** The run whose model `saveModel` keeps (null when none). */
  currentRun(): Run | null;
  backend(): string;
  newId(): string;
  now(): Date;
}

/** The handlers of the model requests. */
export function modelHandlers(
  deps: ModelServiceDeps,
): Pick<RequestHandlers, SavedModelCommand['type']> {
  return {
    saveModel: (command) => save(command, deps),
    listModels: async () => ({ type: 'modelList', entries: await deps.store.list() }),
    deleteModel: async ({ id }) => {
      await deps.store.delete(id);
      return { type: 'modelList', entries: await deps.store.list() };
    },
    exportModel: async ({ id }) => {
      const entry = await deps.store.getEntry(id);
      const stored = await deps.store.getModel(id);
      if (!entry || !stored) return refuse(message('worker.savedModelGone'));
      return { type: 'modelFiles', files: toModelFiles(entry, stored.bundle, stored.history) };
    },
    uploadModel: ({ files, experiment }) => upload(files, experiment, deps),
  };
}

/** Fails the request with `why`. */
function refuse(why: Message): never {
  throw new MessageError(why);
}

async function save(
  command: RequestCommand<'saveModel'>,
  deps: ModelServiceDeps,
): Promise<Answer<'saveModel'>> {
  const run = deps.currentRun();
  if (!run) return refuse(message('worker.nothingToSave'));
  const name = command.name.trim() || 'Untitled model';
  const bundle = await captureModel(run.model, run.trainer);
  const entry: SavedModelEntry = {
    id: deps.newId(),
    name: name.slice(0, 200),
    savedAt: deps.now().toISOString(),
    step: bundle.step,
    epoch: bundle.epoch,
    params: run.model.countParams(),
    bytes: bundle.weightData.byteLength,
    metrics: command.metrics,
    source: 'trained',
    hasOptimizerState: bundle.weightSpecs.some((s) => s.group === 'optimizer'),
    backend: deps.backend(),
    experiment: command.experiment,
  };
  const stored = { bundle, history: thinHistory(command.history) };
  await storing(entry.bytes, () => deps.store.put(entry, stored));
  return { type: 'modelSaved', entry };
}

async function upload(
  files: UploadedFile[],
  experiment: SavedModelEntry['experiment'],
  deps: ModelServiceDeps,
): Promise<Answer<'uploadModel'>> {
  const read = readModelJson(files);
  if (!read.ok) return refuse(read.problem);
  const metadata = readLayerLabMetadata(read.file.name, read.json);
  if (!metadata.ok && !metadata.missing) return refuse(metadata.problem);
  if (!metadata.ok) {
    // Not LayerLab's own: a Keras / tfjs-layers model to turn into a design.
    return importForeignModel(read.file.name, read.raw, read.json, files, experiment, deps);
  }
  if (!read.json.modelTopology) {
    return refuse(message('worker.noTopology', { file: read.file.name }));
  }
  const weights = readWeights(read.file.name, read.json, files);
  if (!weights.ok) return refuse(weights.problem);
  const { entry: saved, history, step, epoch, optimizerClass } = metadata.metadata;
  const bundle: ModelBundle = {
    modelTopology: read.json.modelTopology,
    weightSpecs: weights.specs,
    weightData: weights.data,
    step,
    epoch,
    optimizerClass,
  };
  const entry: SavedModelEntry = {
    ...saved,
    id: deps.newId(),
    source: 'uploaded',
    bytes: weights.data.byteLength,
  };
  const stored = { bundle, history: thinHistory(history) };
  await storing(entry.bytes, () => deps.store.put(entry, stored));
  return { type: 'modelSaved', entry };
}

/** Keeps every validation record and at most MAX_HISTORY_RECORDS train records. */
export function thinHistory(history: RunHistory): RunHistory {
  const { train, validation } = history;
  if (train.length <= MAX_HISTORY_RECORDS) return { train, validation };
  const keep = evenlySpaced(train.length, MAX_HISTORY_RECORDS);
  return { train: Array.from(keep, (i) => train[i] as RunHistory['train'][number]), validation };
}

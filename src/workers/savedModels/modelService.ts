/**
 * The worker's answers to model commands: keep the current run's model under a name, list and
 * delete kept models, hand one over as tfjs files (the UI downloads them: a worker cannot), and
 * take uploaded files back. Every failure is a `modelFailed` event whose message names the problem;
 * nothing stored changes then.
 */
import { message, type Message } from '../../shared/messages/message';
import { toMessage } from '../../shared/messages/messageError';
import { evenlySpaced } from '../../models/evaluation/downsample';
import type {
  SavedModelCommand,
  RunHistory,
  SavedModelEntry,
  UploadedFile,
  WorkerEvent,
} from '../../shared/protocol';
import { assertNever } from '../../shared/protocol';
import type { Run } from '../run';
import { captureModel, type ModelBundle } from './modelBundle';
import { readLayerLabMetadata, readModelJson, readWeights, toModelFiles } from './modelFiles';
import type { SavedModelStore } from './savedModelStore';
import { importForeignModel } from './foreignModel';

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

export async function handleSavedModelCommand(
  command: SavedModelCommand,
  deps: ModelServiceDeps,
): Promise<WorkerEvent> {
  const { requestId } = command;
  const failed = (why: Message | string): WorkerEvent => ({
    type: 'modelFailed',
    requestId,
    message: typeof why === 'string' ? message('common.verbatim', { text: why }) : why,
  });
  try {
    switch (command.type) {
      case 'saveModel': {
        const run = deps.currentRun();
        if (!run) return failed(message('worker.nothingToSave'));
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
        await deps.store.put(entry, { bundle, history: thinHistory(command.history) });
        return { type: 'modelSaved', requestId, entry };
      }
      case 'listModels':
        return { type: 'modelList', requestId, entries: await deps.store.list() };
      case 'deleteModel':
        await deps.store.delete(command.id);
        return { type: 'modelList', requestId, entries: await deps.store.list() };
      case 'exportModel': {
        const entry = await deps.store.getEntry(command.id);
        const stored = await deps.store.getModel(command.id);
        if (!entry || !stored) return failed(message('worker.savedModelGone'));
        return {
          type: 'modelFiles',
          requestId,
          files: toModelFiles(entry, stored.bundle, stored.history),
        };
      }
      case 'uploadModel':
        return await upload(requestId, command.files, command.experiment, deps);
      default:
        return assertNever(command, 'model command');
    }
  } catch (error) {
    return failed(toMessage(error));
  }
}

async function upload(
  requestId: number,
  files: UploadedFile[],
  experiment: SavedModelEntry['experiment'],
  deps: ModelServiceDeps,
): Promise<WorkerEvent> {
  const failed = (why: Message | string): WorkerEvent => ({
    type: 'modelFailed',
    requestId,
    message: typeof why === 'string' ? message('common.verbatim', { text: why }) : why,
  });
  const read = readModelJson(files);
  if (!read.ok) return failed(read.message);
  const metadata = readLayerLabMetadata(read.file.name, read.json);
  if (!metadata.ok && !metadata.missing) return failed(metadata.message);
  if (!metadata.ok) {
    // Not LayerLab's own: a Keras / tfjs-layers model to turn into a design.
    return importForeignModel(
      requestId,
      read.file.name,
      read.raw,
      read.json,
      files,
      experiment,
      deps,
    );
  }
  if (!read.json.modelTopology) {
    return failed(message('worker.noTopology', { file: read.file.name }));
  }
  const weights = readWeights(read.file.name, read.json, files);
  if (!weights.ok) return failed(weights.message);
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
  await deps.store.put(entry, { bundle, history: thinHistory(history) });
  return { type: 'modelSaved', requestId, entry };
}

/** Keeps every validation record and at most MAX_HISTORY_RECORDS train records. */
export function thinHistory(history: RunHistory): RunHistory {
  const { train, validation } = history;
  if (train.length <= MAX_HISTORY_RECORDS) return { train, validation };
  const keep = evenlySpaced(train.length, MAX_HISTORY_RECORDS);
  return { train: Array.from(keep, (i) => train[i] as RunHistory['train'][number]), validation };
}

/**
 * A model.json that LayerLab did not write (Keras through the tfjs converter, a bare Keras
 * `to_json()`, or tfjs-layers) becomes a design. When its weights came with it and every one of
 * them has a place in that design, they are kept as a saved model too, renamed to the names
 * LayerLab's builder gives them, so Load starts from them.
 */
import * as tf from '@tensorflow/tfjs';
import { message, type Message } from '../../shared/messages/message';
import { throwMessage, toMessage } from '../../shared/messages/messageError';
import { buildModel } from '../../models/builder';
import { importKerasModel, type ImportedModel } from '../../models/import';
import type { SavedModelEntry, UploadedFile } from '../../shared/protocol';
import type { Answer } from '../commandDispatch';
import type { ModelBundle } from './modelBundle';
import { fileStem, readWeights, type ParsedModelJson } from './modelFiles';
import type { ModelServiceDeps } from './modelService';
import { storageRefusal } from '../storageFailure';

/** The design (and the saved model, when its weights fit) for the upload's answer; throws if none. */
export async function importForeignModel(
  fileName: string,
  raw: unknown,
  json: ParsedModelJson,
  files: readonly UploadedFile[],
  experiment: SavedModelEntry['experiment'],
  deps: ModelServiceDeps,
): Promise<Answer<'uploadModel'>> {
  const imported = importKerasModel(raw);
  if (!imported.ok) {
    throwMessage('worker.fileProblem', { file: fileName, problem: imported.message });
  }
  const { spec, inputShape, notes } = imported;
  const done = (entry: SavedModelEntry | null, more: Message[] = []): Answer<'uploadModel'> => ({
    type: 'modelImported',
    spec,
    inputShape,
    notes: [...notes, ...more],
    entry,
  });
  if (!imported.weights || imported.weights.length === 0) return done(null);
  if (files.length === 1) {
    return done(null, [message('worker.weightsNotLoaded')]);
  }
  const unplaced = imported.weights.filter((w) => w.target === null || w.problem !== null);
  if (unplaced.length > 0) {
    const list = unplaced
      .map((w) =>
        message('worker.weightItem', {
          name: w.source,
          problem: w.problem ?? message('worker.weightNoPlace'),
        }),
      )
      .reduce((first, second) => message('worker.weightList', { first, second }));
    return done(null, [message('worker.weightsDoNotFit', { list })]);
  }
  const weights = readWeights(fileName, json, files);
  if (!weights.ok) {
    return done(null, [message('worker.weightsNotKept', { problem: weights.problem })]);
  }

  const built = await describeBuilt(imported);
  if (!built.ok) {
    return done(null, [message('worker.weightsNotKept', { problem: built.message })]);
  }
  // Same bytes in the same order; only the names change to LayerLab's.
  const targets = new Map(imported.weights.map((w) => [w.source, w.target as string]));
  const bundle: ModelBundle = {
    modelTopology: built.topology,
    weightSpecs: weights.specs.map((s) => ({ ...s, name: targets.get(s.name) ?? s.name })),
    weightData: weights.data,
    step: 0,
    epoch: 0,
    optimizerClass: 'none',
  };
  // The list says where it came from ("imported Keras weights") in the reader's language.
  const name = fileStem(fileName.replace(/\.json$/i, ''));
  const entry: SavedModelEntry = {
    id: deps.newId(),
    name,
    savedAt: deps.now().toISOString(),
    step: 0,
    epoch: 0,
    params: built.params,
    bytes: weights.data.byteLength,
    metrics: {
      trainLoss: null,
      trainAccuracy: null,
      valLoss: null,
      valAccuracy: null,
      testAccuracy: null,
    },
    source: 'keras',
    hasOptimizerState: false,
    backend: deps.backend(),
    experiment: { ...experiment, name, spec },
  };
  try {
    await deps.store.put(entry, { bundle, history: { train: [], validation: [] } });
  } catch (error) {
    // The design is imported all the same; only keeping its weights failed.
    const problem = storageRefusal(error, entry.bytes).userMessage;
    return done(null, [message('worker.weightsNotKept', { problem })]);
  }
  return done(entry);
}

/** Builds the design once, for its tfjs topology and parameter count. */
async function describeBuilt(
  imported: ImportedModel,
): Promise<{ ok: true; topology: object; params: number } | { ok: false; message: Message }> {
  await tf.ready();
  let model: tf.LayersModel | null = null;
  try {
    // An open size (a text's length) stays open: weight shapes never depend on it.
    model = buildModel(imported.spec, imported.inputShape as number[], 0);
    return { ok: true, topology: model.toJSON(null, false) as object, params: model.countParams() };
  } catch (error) {
    // A MessageError (a layer the builder refuses) keeps its words in the reader's language.
    return { ok: false, message: toMessage(error) };
  } finally {
    model?.dispose();
  }
}

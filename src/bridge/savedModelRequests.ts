/**
 * Trained models kept in this browser, and tfjs model files in and out: requests to the training
 * worker through the bridge's `request` (one answer each), for the Saved models panel.
 */
import { checkUploadSize } from '../data/import/limits';
import type { ModelSpec } from '../models/spec';
import { message, type Message } from '../shared/messages/message';
import { throwMessage } from '../shared/messages/messageError';
import { currentExperiment, useStore } from '../state/store';
import type { SavedModelEntry, SavedModelMetrics, UploadedFile } from '../shared/protocol';
import { askToPersistStorage } from './persistentStorage';
import { flushFrame, request, startRun } from './workerBridge';

/** What uploading model files gave: a saved model, or a design (and maybe its weights). */
export type ModelUpload =
  | { kind: 'saved'; entry: SavedModelEntry }
  | {
      kind: 'design';
      spec: ModelSpec;
      inputShape: (number | null)[];
      notes: Message[];
      entry: SavedModelEntry | null;
    };

/** The latest value of a metric in a history, or null. */
function latest<R>(records: readonly R[], pick: (r: R) => number | null): number | null {
  const last = records.at(-1);
  return last ? pick(last) : null;
}

/** Trained models kept in this browser, and tfjs files in and out. */
export const savedModelRequests = {
  /** Keeps the current run's model (with its curves and optimizer state) under `name`. */
  async save(name: string): Promise<SavedModelEntry> {
    flushFrame();
    void askToPersistStorage();
    const state = useStore.getState();
    const metrics: SavedModelMetrics = {
      trainLoss: latest(state.train, (r) => r.loss),
      trainAccuracy: latest(state.train, (r) => r.accuracy),
      valLoss: latest(state.validation, (r) => r.loss),
      valAccuracy: latest(state.validation, (r) => r.accuracy),
      testAccuracy: state.test?.accuracy ?? null,
    };
    const saved = await request('saveModel', {
      name,
      experiment: currentExperiment(state, name),
      metrics,
      history: { train: state.train, validation: state.validation },
    });
    return saved.entry;
  },

  async list(): Promise<SavedModelEntry[]> {
    return (await request('listModels', {})).entries;
  },

  async remove(id: string): Promise<SavedModelEntry[]> {
    return (await request('deleteModel', { id })).entries;
  },

  /** The model.json and weights file of a saved model (the caller downloads them). */
  async files(id: string): Promise<UploadedFile[]> {
    return (await request('exportModel', { id })).files;
  },

  /** tfjs files the user chose: LayerLab's become a saved model, others a design. */
  async upload(files: readonly File[]): Promise<ModelUpload> {
    if (files.length === 0) throwMessage('data.nothingChosen');
    for (const file of files) checkUploadSize(file.name, file.size);
    void askToPersistStorage();
    const uploaded = await Promise.all(
      files.map(async (file) => ({ name: file.name, bytes: await file.arrayBuffer() })),
    );
    const experiment = currentExperiment(useStore.getState());
    const answer = await request(
      'uploadModel',
      { files: uploaded, experiment },
      uploaded.map((f) => f.bytes),
    );
    if (answer.type === 'modelSaved') return { kind: 'saved', entry: answer.entry };
    const { spec, inputShape, notes, entry } = answer;
    return { kind: 'design', spec, inputShape, notes, entry };
  },

  /**
   * Opens a saved model: its experiment replaces the current one, and a run starts paused at the
   * saved step with the saved weights, optimizer state and curves (Resume trains on).
   */
  load(entry: SavedModelEntry): void {
    const source = message('notices.source.savedModel', { name: entry.name });
    // A teacher's lock that refuses the saved design (and says so) refuses its weights too: they
    // would be restored into the design on screen.
    if (!useStore.getState().loadExperiment(entry.experiment, source)) return;
    startRun(false, { kind: 'savedModel', id: entry.id });
  },
};

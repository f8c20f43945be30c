/**
 * Everything LayerLab keeps in the browser, in one table: each localStorage key, IndexedDB
 * database and Cache Storage cache, who owns it, its version, and in comments what it holds and
 * what reads older versions (comments, not fields: the page ships this table, and nothing reads
 * those sentences at run time). Every module takes its name from here, so two features cannot share a key by accident
 * and a reader can see at a glance what survives a reload (storageKeys.test.ts checks that no
 * module spells a key itself).
 *
 * Never change a `name`: users' saved work is kept under it. A new shape is a new version with a
 * migration, or a new name whose old data is deleted.
 */

/** The two calls the page's stores make (localStorage, or a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface KeptData {
  /** The localStorage key, IndexedDB database or Cache Storage cache name. */
  name: string;
  where: 'localStorage' | 'IndexedDB' | 'Cache Storage';
  /** IndexedDB only: the object store in the database (idb-keyval: one store per database). */
  store?: string;
  /** The only code that reads and writes it. */
  owner: 'page' | 'worker' | 'service worker';
  /** The version of what is written now; null: the value has none (plain text, a flag). */
  version: number | null;
  /** Whether it is part of an experiment (a share link, an exported file), or this browser's own. */
  inExperiment: boolean;
}

export const KEPT = {
  work: {
    name: 'layerlab:work',
    where: 'localStorage',
    owner: 'page',
    // Holds: the user's work: design, dataset choice, training settings, descriptions of
    // uploaded datasets (src/state/store.ts, checked by savedWorkSchema).
    version: 1,
    inExperiment: true,
  },
  unreadableWork: {
    name: 'layerlab:work:unreadable',
    where: 'localStorage',
    owner: 'page',
    // Holds: a copy of layerlab:work that failed validation, set aside so that the next save
    // cannot destroy it; never read back.
    version: null,
    inExperiment: false,
  },
  recentExperiments: {
    name: 'layerlab:recent',
    where: 'localStorage',
    owner: 'page',
    // Holds: the last experiments trained, shared, exported or opened, newest first
    // (src/state/recentExperiments.ts).
    version: 1,
    // Older versions: parseExperiment (src/shared/experiment.ts) reads each entry, as any
    // experiment: version 0 (an unversioned save) → 1.
    inExperiment: true,
  },
  language: {
    name: 'layerlab:language',
    where: 'localStorage',
    owner: 'page',
    // Holds: the language the user chose (src/i18n/i18n.ts); absent until they choose, then the
    // browser decides.
    version: null,
    inExperiment: false,
  },
  classShapes: {
    name: 'layerlab:class-shapes',
    where: 'localStorage',
    owner: 'page',
    // Holds: '1' when each class is drawn with its own marker shape
    // (src/state/displayPrefs.ts).
    version: null,
    inExperiment: false,
  },
  designerView: {
    name: 'layerlab:designer-view',
    where: 'localStorage',
    owner: 'page',
    // Holds: 'graph' when the designer shows the model as a graph, else the layer list
    // (src/state/displayPrefs.ts).
    version: null,
    inExperiment: false,
  },
  lessonProgress: {
    name: 'layerlab:lessons',
    where: 'localStorage',
    owner: 'page',
    // Holds: Per lesson, the step reached and the goals met (src/lessons/lessonProgress.ts).
    version: null,
    inExperiment: false,
  },
  userDatasets: {
    name: 'layerlab-user-data',
    where: 'IndexedDB',
    store: 'datasets',
    owner: 'worker',
    // Holds: the samples of each uploaded dataset, by its id (src/workers/userDataStore.ts);
    // the page keeps only the descriptions, in layerlab:work.
    version: null,
    inExperiment: false,
  },
  savedModelEntries: {
    name: 'layerlab-models',
    where: 'IndexedDB',
    store: 'entries',
    owner: 'worker',
    // Holds: the description of each saved model, listed without reading any weights
    // (src/workers/savedModels/savedModelStore.ts).
    version: null,
    inExperiment: false,
  },
  savedModelWeights: {
    name: 'layerlab-model-weights',
    where: 'IndexedDB',
    store: 'weights',
    owner: 'worker',
    // Holds: each saved model's weights, optimizer state and curves, under its entry's id
    // (src/workers/savedModels/savedModelStore.ts).
    version: null,
    inExperiment: false,
  },
  runSummaries: {
    name: 'layerlab-runs',
    where: 'IndexedDB',
    store: 'summaries',
    owner: 'worker',
    // Holds: Every training run's summary: experiment, backend, numbers, checkpoint list,
    // pinned, name (src/workers/runs/runStore.ts, RunSummary in src/shared/runs/runTypes.ts).
    version: 1,
    inExperiment: false,
  },
  runCurves: {
    name: 'layerlab-run-curves',
    where: 'IndexedDB',
    store: 'curves',
    owner: 'worker',
    // Holds: each run's curves in chunks of 500 training records, under `${runId}#${chunk}`.
    version: 1,
    inExperiment: false,
  },
  runCheckpoints: {
    name: 'layerlab-run-checkpoints',
    where: 'IndexedDB',
    store: 'checkpoints',
    owner: 'worker',
    // Holds: each run's checkpoints (weights and optimizer state after a step), under
    // `${runId}@${step}`, within the run storage budget (src/shared/runs/storageBudget.ts).
    version: 1,
    inExperiment: false,
  },
  backendChoices: {
    name: 'layerlab-backend-choices',
    where: 'IndexedDB',
    store: 'choices',
    owner: 'worker',
    // Holds: the backend "auto" measured fastest, with every candidate's samples/s, by model,
    // GPU adapter and browser version (src/workers/backends/backendMemory.ts); "Measure again"
    // clears it.
    version: 1,
    inExperiment: false,
  },
  datasetFiles: {
    name: 'layerlab-datasets-v1',
    where: 'Cache Storage',
    owner: 'worker',
    // Holds: each bundled dataset file downloaded, by URL, so that it is not downloaded again
    // (src/workers/datasetCache.ts). Its version is in its name.
    version: 1,
    inExperiment: false,
  },
  appShell: {
    name: 'layerlab',
    where: 'Cache Storage',
    owner: 'service worker',
    // Holds: the prefix of Workbox's precache of the built app (`layerlab-precache-v2-<scope>`,
    // src/offline/sw.ts); Workbox names, versions and cleans it up.
    version: null,
    inExperiment: false,
  },
} as const satisfies Record<string, KeptData>;

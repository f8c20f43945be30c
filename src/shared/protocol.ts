/**
 * The one wire protocol between the UI (src/bridge) and the training worker.
 * Discriminated unions keyed on `type`, both ways; each side handles them in one exhaustive switch.
 * Metrics travel as one record per message (deltas): the UI keeps the history, the worker never resends it.
 */
import type { Message } from './messages/message';
import type { ModelSpec } from '../models/spec';
import type { DatasetChoice, DatasetInfo, UserDatasetEntry } from '../data/datasets';
import type { ColumnSummary } from '../data/import/columns';
import type { BackendName, TrainingConfig } from '../models/trainingConfig';
import type { Experiment } from './experiment';
import type { RunSummary } from './runs/runTypes';
import type { CurveCursor, CurveRead } from './runs/curveCursor';
import type { PairMode } from './runs/pairing';
import type { GeneratedText, GenerationOptions } from './generationOptions';

/** The training session's lifecycle: idle → preparing → training ⇄ paused → done / error. */
export type Phase = 'idle' | 'preparing' | 'training' | 'paused' | 'done' | 'error';

export interface StartRequest {
  /** Chosen by the UI; every event of the run carries it so stale events can be ignored. */
  runId: number;
  spec: ModelSpec;
  dataset: DatasetChoice;
  /** The choice resolved by the UI (shapes, classes, task), so the worker needs no catalogue. */
  datasetInfo: DatasetInfo;
  training: TrainingConfig;
  /** Absolute URL of public/datasets/ (the worker fetches and decodes the data itself). */
  datasetBaseUrl: string;
  /** Start paused after exactly one step (the "Step" button from idle). */
  pauseAfterFirstStep: boolean;
  /**
   * Build the design, then load a saved model's or a run checkpoint's weights, optimizer state
   * and step, and wait paused (no step taken) so that its predictions can be checked or training
   * resumed.
   */
  restoreFrom: RestoreSource | null;
  /**
   * "Train A and B": another design trained beside this one (A; this request is B) on the same
   * data, seed, split and backend. Only for a fresh start (no restoreFrom, no pauseAfterFirstStep).
   */
  partner: PartnerRequest | null;
}

/** Run A of a pair: its own design and settings; the data and seed are B's. */
export interface PartnerRequest {
  /** The session's number for A's events (B's is the request's runId). */
  runId: number;
  spec: ModelSpec;
  training: TrainingConfig;
}

/** Where a run's starting weights come from, when not from the initialisers. */
export type RestoreSource =
  | { kind: 'savedModel'; id: string }
  /** A checkpoint of a stored run: the new run is a fork that continues from that step. */
  | { kind: 'checkpoint'; runId: string; step: number }
  /**
   * A stored run reopened at its checkpoint (its last, after a reload or a crashed worker): no new
   * run is recorded; the same run goes on, its curves after that step dropped.
   */
  | { kind: 'reopen'; runId: string; step: number };

/** A run's metric history as the UI holds it (stored with a saved model, so its curves come back). */
export interface RunHistory {
  train: TrainRecord[];
  validation: ValidationRecord[];
}

/** The latest numbers of a saved model, shown in the list. */
export interface SavedModelMetrics {
  trainLoss: number | null;
  trainAccuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  testAccuracy: number | null;
}

/** A model kept in the browser (IndexedDB): the small description the list shows. */
export interface SavedModelEntry {
  id: string;
  name: string;
  /** ISO date. */
  savedAt: string;
  step: number;
  epoch: number;
  params: number;
  /** Size of its weights (and optimizer state) in bytes. */
  bytes: number;
  metrics: SavedModelMetrics;
  /** Trained here, uploaded as LayerLab files, or imported from a Keras/tfjs model with weights. */
  source: 'trained' | 'uploaded' | 'keras';
  hasOptimizerState: boolean;
  /** The backend it was trained on. */
  backend: string;
  /** Design, data choice and settings it was trained with; loading it restores them. */
  experiment: Experiment;
}

/** A file the user chose, read by the UI and transferred (not copied) to the worker. */
export interface UploadedFile {
  /** The file name, or its relative path for a folder upload ("pets/cats/1.png"). */
  name: string;
  bytes: ArrayBuffer;
}

/** How to turn an upload into a dataset; fields that do not apply to the upload are ignored. */
export interface ImportOptions {
  /** Tables: the column to predict (default: the last column). */
  labelColumn?: string | undefined;
  /** Tables: the input columns (default: every other usable column). */
  featureColumns?: string[] | undefined;
  /** Tables: default picked from the label column (text or few numbers → classification). */
  task?: 'classification' | 'regression' | undefined;
  /** Images: every image is resized to [height, width]. */
  imageSize: [number, number];
  /** Images: 1 = greyscale, 3 = RGB. */
  channels: 1 | 3;
}

/** A page of samples for the dataset browser, with what it needs to show them. */
export interface BrowseRequest {
  dataset: DatasetChoice;
  datasetInfo: DatasetInfo;
  datasetBaseUrl: string;
  seed: number;
  /** The training settings' split: tables are standardised on its training rows, as in training. */
  validationSplit: number;
  testSplit: number;
  offset: number;
  limit: number;
}

export interface SamplePage {
  /** Samples in the whole dataset. */
  total: number;
  offset: number;
  count: number;
  /** Model inputs of the page's samples, [count, ...inputShape] flattened. */
  x: Float32Array;
  /** Their labels (class ids, or regression targets). */
  y: Int32Array | Float32Array;
  /** Tables: the original values ([count, features]), undoing the standardisation. */
  raw: Float32Array | null;
  featureNames: string[] | null;
  /** Text kinds: each sample's original text. */
  texts: string[] | null;
  /** Token kinds: each sample's input ids written as tokens, and its labels written as tokens. */
  tokens: string[][] | null;
  labelTokens: string[][] | null;
  /** Samples per class over the whole dataset (empty for regression). */
  classCounts: number[];
  /** How inputs were normalised, in words ("pixels ÷ 255"). */
  normalization: Message;
  /** What decoding or the import found and did, in the page's language. */
  notes: Message[];
}

/** Which views of the model's internals are open: the worker computes only those. */
export interface ProbeViews {
  /** Every layer's activations (and the output) for the chosen sample. */
  activations: boolean;
  /** Every attention layer's maps for the chosen sample. */
  attention: boolean;
  /** 2-D inputs: the model's output over a grid (1-D inputs: its curve); small MLPs: each neuron's. */
  boundary: boolean;
  /** The confusion matrix on (a fixed part of) the validation split. */
  confusion: boolean;
  /** Per-layer histograms of weights and gradients. */
  histograms: boolean;
  /** PCA of one layer's activations for a few hundred validation samples. */
  projection: boolean;
  /** Character language models: text the model writes, sampled character by character. */
  generation: boolean;
  /** The model graph is on screen: each layer's output for the chosen sample, as thumbnails. */
  graph: boolean;
}

/** The sample whose activations are shown: one of the validation split's, or one the user made. */
export type ProbeSample =
  | { kind: 'validation'; index: number }
  /** Drawn on the pad, or picked in the dataset browser: model inputs, [...inputShape] flattened. */
  | { kind: 'custom'; x: Float32Array; label?: Int32Array | Float32Array | undefined }
  /** Typed by the user for a text model: tokenised in the worker with the dataset's vocabulary. */
  | { kind: 'text'; text: string };

export interface ProbeSettings {
  views: ProbeViews;
  /** How often probes run while the model changes (ms); the UI lets the user choose. */
  intervalMs: number;
  /** Frozen: keep showing the last results, compute nothing. */
  frozen: boolean;
  sample: ProbeSample;
  /** Spec id of the layer whose activations are projected; null: the last hidden layer. */
  projectionLayer: string | null;
  /**
   * Time travel: show the current run's model as it was at this checkpoint's step (a copy loaded
   * from the stored checkpoint; training goes on). Null: the live model.
   */
  rewind: { step: number } | null;
}

export interface LayerActivation {
  /** Spec id of the top-level layer. */
  id: string;
  /** Shape of `values` (after downsampling), without the batch dimension. */
  shape: number[];
  /** The layer's full output shape, before downsampling. */
  fullShape: number[];
  values: Float32Array;
}

export interface AttentionMaps {
  /** The tfjs layer name (blocks have their own attention layers). */
  layer: string;
  heads: number;
  length: number;
  /** [heads, T (queries), T (keys)] attention weights, rows summing to 1. */
  maps: Float32Array;
}

export interface HistogramData {
  counts: Int32Array;
  /** The bins span [-range, range] (symmetric, so zero is in the middle). */
  range: number;
}

export interface LayerHistograms {
  /** The weight's name, e.g. "dense_1/kernel". */
  weight: string;
  weights: HistogramData;
  /** Of the gradient at the latest step; null until a step ran since the view opened. */
  grads: HistogramData | null;
}

/** One Dense layer's weights, as the network picture draws them. */
export interface DenseKernel {
  /** Spec id of the layer. */
  layer: string;
  inputs: number;
  units: number;
  /** [inputs, units], row-major (Keras's kernel layout). */
  kernel: Float32Array;
}

export interface ProbeResult {
  step: number;
  /** True when computed on a checkpoint (ProbeSettings.rewind), not the live model. */
  rewound: boolean;
  /**
   * Where the views' samples (the picked sample, confusion, projection) come from: the validation
   * split, or the training split when the run holds none out (validation split 0).
   */
  samplesFrom: 'validation' | 'training';
  sample?: {
    /** Index into the split the samples come from (samplesFrom), or null for a custom sample. */
    index: number | null;
    x: Float32Array;
    /** The true label(s) when known. */
    label: Int32Array | Float32Array | null;
    /** The model's output for it (class probabilities, per step for sequences). */
    output: Float32Array;
    /** Token inputs: the tokens, for axis labels. */
    tokens: string[] | null;
  };
  activations?: LayerActivation[];
  attention?: AttentionMaps[];
  boundary?: {
    /** Grid side; 1-D inputs: points along x (then `size` values per class). */
    size: number;
    /** [xmin, xmax, ymin, ymax] of the grid (1-D: ymin/ymax of the targets). */
    domain: [number, number, number, number];
    /** [size * size, outputs] model outputs over the grid, row-major from the top-left. */
    outputs: Float32Array;
    /** Small MLPs: each hidden neuron's output over a coarser grid. */
    neurons: { layer: string; units: number; size: number; maps: Float32Array }[];
    /** Small MLPs: every Dense layer's kernel in order, hidden and output (the network picture). */
    weights: DenseKernel[];
    /** Training samples drawn on top: [n, inputs] and their labels (classes or targets). */
    points: Float32Array;
    labels: Int32Array | Float32Array;
  };
  confusion?: {
    classes: number;
    /** [true, predicted] counts. */
    matrix: Int32Array;
    /** Validation indices scored, their true and predicted classes (same order). */
    indices: Int32Array;
    truth: Int32Array;
    predicted: Int32Array;
  };
  histograms?: LayerHistograms[];
  /** The first Conv2D layer's kernels for its first input channel: [kh, kw, filters]. */
  filters?: { layer: string; shape: [number, number, number]; values: Float32Array };
  /** What a character language model writes, continuing a window of real text. */
  generation?: { prompt: string; text: string; temperature: number };
  projection?: {
    layer: string;
    /** [n, 2] first two principal components. */
    points: Float32Array;
    labels: Int32Array;
    explainedRatio: number[];
  };
}

/** UI → worker: the training session's commands. */
export type SessionCommand =
  | { type: 'start'; request: StartRequest }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'step' }
  | { type: 'stop' }
  | { type: 'reset' }
  | { type: 'setLearningRate'; learningRate: number }
  /** Trains the live run to this many epochs (more after loading a saved model, or fewer). */
  | { type: 'setEpochs'; epochs: number };

/** UI → worker: data requests, answered whatever the session is doing. */
export type DataCommand =
  /** Turn uploaded files into a user dataset (replacing `replaceId` when re-importing). */
  | {
      type: 'importData';
      requestId: number;
      files: UploadedFile[];
      options: ImportOptions;
      replaceId: string | null;
    }
  | { type: 'deleteUserData'; id: string }
  | { type: 'browse'; requestId: number; request: BrowseRequest }
  /** What the views of model internals need; sent when views open, close or change sample. */
  | { type: 'setProbes'; settings: ProbeSettings }
  /** "Measure again": forget the backends measured fastest on this machine; the next Train times them. */
  | { type: 'forgetBackendChoices' };

/** UI → worker: trained models kept in the browser, downloaded and uploaded as tfjs files. */
export type SavedModelCommand =
  /** Keep the current run's model (live, paused or finished) under a name. */
  | {
      type: 'saveModel';
      requestId: number;
      name: string;
      experiment: Experiment;
      metrics: SavedModelMetrics;
      history: RunHistory;
    }
  | { type: 'listModels'; requestId: number }
  | { type: 'deleteModel'; requestId: number; id: string }
  /** model.json + weights of a saved model, for the UI to download (workers cannot). */
  | { type: 'exportModel'; requestId: number; id: string }
  /**
   * tfjs files chosen by the user: LayerLab's own become a saved model; a Keras/tfjs-layers
   * model becomes a design (with `experiment` as the rest of it), and a saved model too when it
   * brought its weights.
   */
  | { type: 'uploadModel'; requestId: number; files: UploadedFile[]; experiment: Experiment };

/** UI → worker: a character language model writes after the user's prompt. */
export type GenerationCommand = {
  type: 'generate';
  requestId: number;
  prompt: string;
  options: GenerationOptions;
  /** Write with the weights of this checkpoint of the current run (the rewound views'); null: live. */
  step: number | null;
};

/** UI → worker: the run history (every Train is a run kept in the browser). */
export type RunCommand =
  | { type: 'listRuns'; requestId: number }
  /** A run's curves; with `since` (what the page holds) only the records after it. */
  | { type: 'getRunCurves'; requestId: number; id: string; since?: CurveCursor }
  /** Changes a run's name or pin; the answer is the list after it. */
  | { type: 'updateRun'; requestId: number; id: string; name?: string; pinned?: boolean }
  | { type: 'deleteRun'; requestId: number; id: string };

/** UI → worker. */
export type Command =
  SessionCommand | DataCommand | SavedModelCommand | RunCommand | GenerationCommand;

/** One candidate backend's trial (a real training step) in backend selection. */
export interface BackendTrial {
  backend: BackendName;
  ok: boolean;
  /** Why it was not usable, or a note (e.g. "software adapter"). */
  detail: Message;
  /** Measured training throughput when candidates were timed against each other. */
  samplesPerSec?: number;
}

export interface BackendReport {
  backend: BackendName;
  /** Why this backend runs, in one sentence a user can read. */
  reason: Message;
  trials: BackendTrial[];
  /** When the candidates were timed (ms since 1970; maybe on an earlier visit); null: not measured. */
  measuredAt: number | null;
}

/** Training metrics since the previous record: the means over `batches` steps. */
export interface TrainRecord {
  step: number;
  epoch: number;
  batches: number;
  loss: number;
  /** Null when the task has no accuracy (not used by the built-in classification sets). */
  accuracy: number | null;
  samplesPerSec: number;
  /** The rate the last step used (the schedule's, from the base rate the user set). */
  learningRate: number;
  /**
   * Mean global gradient norm over these steps, before clipping; null when not recorded (absent
   * from runs recorded before it existed).
   */
  gradientNorm?: number | null;
  /** tf.memory() when the record was read: live tensors, and GPU bytes allocated (WebGPU/WebGL). */
  tensors: number;
  gpuBytes: number;
}

export interface ValidationRecord {
  step: number;
  epoch: number;
  loss: number;
  accuracy: number | null;
}

export interface TestRecord {
  /** The step the model had reached. */
  step: number;
  /** Test samples scored: all of them. */
  count: number;
  loss: number;
  accuracy: number | null;
}

/** Worker → UI. */
export type WorkerEvent =
  | { type: 'ready' }
  | { type: 'phase'; runId: number; phase: Phase; message: Message | null }
  /** fraction: 0..1 for downloads of known size, null otherwise. */
  | { type: 'progress'; runId: number; message: Message; fraction: number | null }
  | { type: 'backend'; runId: number; report: BackendReport }
  | {
      type: 'dataInfo';
      runId: number;
      trainCount: number;
      validationCount: number;
      testCount: number;
      stepsPerEpoch: number;
    }
  /**
   * A and B train as a pair: interleaved (a step of each in turn) or, when together they need more
   * memory than `budget` bytes, A first and then B.
   */
  | {
      type: 'pair';
      runId: number;
      partnerRunId: number;
      mode: PairMode;
      /** The two designs' estimated training memory together, and the most a pair may take. */
      bytes: number;
      budget: number;
    }
  | { type: 'train'; runId: number; record: TrainRecord }
  | { type: 'validation'; runId: number; record: ValidationRecord }
  /** The test set's result, once, when a run ends. */
  | { type: 'test'; runId: number; record: TestRecord }
  | { type: 'deviceLost'; message: Message }
  /**
   * The GPUs a quick start left for later, timed in the background: the complete decision, which
   * the next Train of that model uses. `runId`: the run whose start left them (the page shows it
   * only beside that run's own backend report, never under another model's).
   */
  | { type: 'backendMeasured'; runId: number; report: BackendReport }
  | {
      type: 'imported';
      requestId: number;
      entry: UserDatasetEntry;
      /** Tables: every column, so the user can pick the label and inputs again. */
      columns: ColumnSummary[] | null;
    }
  | { type: 'samples'; requestId: number; page: SamplePage }
  | { type: 'probe'; runId: number; result: ProbeResult }
  /** A run started from a saved model: where it stands, and the curves it came with. */
  | {
      type: 'restored';
      runId: number;
      step: number;
      epoch: number;
      history: RunHistory;
      notes: Message[];
    }
  | { type: 'modelList'; requestId: number; entries: SavedModelEntry[] }
  | { type: 'modelSaved'; requestId: number; entry: SavedModelEntry }
  | { type: 'modelFiles'; requestId: number; files: UploadedFile[] }
  /** A Keras/tfjs-layers model turned into a design; `entry` when its weights were kept too. */
  | {
      type: 'modelImported';
      requestId: number;
      spec: ModelSpec;
      /** null: a size the model leaves open (a text's length), decided by the dataset. */
      inputShape: (number | null)[];
      notes: Message[];
      entry: SavedModelEntry | null;
    }
  /** Any request's answer when it could not be done: what went wrong, in the user's language. */
  | { type: 'failed'; requestId: number; message: Message }
  | { type: 'runList'; requestId: number; runs: RunSummary[] }
  | { type: 'generated'; requestId: number; result: GeneratedText }
  | { type: 'runCurves'; requestId: number; id: string; read: CurveRead }
  /** The session's run `runId` is recorded as this stored run (new, or reopened). */
  | { type: 'runBegan'; runId: number; summary: RunSummary }
  /** The live run's summary changed (a few times a second at most while it trains). */
  | { type: 'runUpdated'; summary: RunSummary }
  /** The whole run list, after another tab changed the stored runs. */
  | { type: 'runsChanged'; runs: RunSummary[] }
  /** Older runs deleted to keep the run history within its storage budget. */
  /** Runs deleted to make room, with their names ('' for a run never named) and numbers. */
  | { type: 'runsEvicted'; ids: string[]; names: string[]; numbers: number[] }
  /** A run keeps no more checkpoints: one is over the per-run budget, or the storage is full. */
  | { type: 'checkpointsStopped'; runId: string; reason: 'tooBig' | 'quota' };

/**
 * The commands that get exactly one answer, matched by `requestId`, and the event that answers
 * each (or `failed`). The bridge's `request` and the worker's request handlers are typed by it.
 */
export interface AnswerTypes {
  importData: 'imported';
  browse: 'samples';
  saveModel: 'modelSaved';
  listModels: 'modelList';
  deleteModel: 'modelList';
  exportModel: 'modelFiles';
  /** LayerLab's own files come back as a saved model; a Keras/tfjs-layers model as a design. */
  uploadModel: 'modelSaved' | 'modelImported';
  listRuns: 'runList';
  getRunCurves: 'runCurves';
  updateRun: 'runList';
  deleteRun: 'runList';
  generate: 'generated';
}

export type RequestType = keyof AnswerTypes;
export type RequestCommand<T extends RequestType = RequestType> = Extract<Command, { type: T }>;
/** What a request carries besides its type and id. */
export type RequestBody<T extends RequestType> = Omit<RequestCommand<T>, 'type' | 'requestId'>;
export type AnswerEvent<T extends RequestType = RequestType> = Extract<
  WorkerEvent,
  { type: AnswerTypes[T] }
>;

/** Compile-time exhaustiveness helper for `switch` defaults. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

/**
 * The one zustand store, made of typed slices:
 *   design   – the model spec and dataset choice (persisted)
 *   settings – the training configuration (persisted)
 *   run      – what the worker reports about the current run (not persisted)
 * Actions live next to the state they change. Only src/bridge writes the run slice.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  builtinDataset,
  datasetTitle,
  defaultChoiceFor,
  resolveDataset,
  type DatasetInfo,
  type UserDatasetEntry,
} from '../data/datasets';
import { inferStack } from '../models/inferStack';
import { LAYER_TYPES } from '../models/layerRegistry';
import { expandBlock, isBlock } from '../models/layerTypes/blocks';
import { DEFAULT_PRESET, PRESETS } from '../models/presets';
import { INPUT_ID, type LayerKind, type LayerSpec, type ModelSpec } from '../models/spec';
import type { DatasetChoice, TrainingConfig } from '../models/trainingConfig';
import type {
  BackendReport,
  Phase,
  ProbeResult,
  ProbeSample,
  ProbeSettings,
  TestRecord,
  TrainRecord,
  ValidationRecord,
} from '../shared/protocol';
import {
  EXPERIMENT_VIEWS,
  makeExperiment,
  type Experiment,
  type ExperimentView,
} from '../shared/experiment';
import { message, type Message, type MessageValue } from '../shared/messages/message';
import { toMessage } from '../shared/messages/messageError';
import { KEPT } from '../shared/storageKeys';
import type { RunSummary } from '../shared/runs/runTypes';
import type { PairMode } from '../shared/runs/pairing';
import type { Lockable } from '../classroom/classroomFlags';
import { lockedChanges, lockedNotice, type WorkChange } from './locks';
import { mergeSavedWork } from './savedWork';
import { keepReplacedWork } from './replacedWork';
import { workStorage, type UnreadableWork } from './workStorage';

export interface DesignSlice {
  spec: ModelSpec;
  dataset: DatasetChoice;
  /** Descriptions of the user's imported datasets; their samples live in the worker's IndexedDB. */
  userDatasets: UserDatasetEntry[];
  /** Adds (or replaces, by id) an imported dataset and selects it. */
  addUserDataset(entry: UserDatasetEntry): void;
  /** Forgets an imported dataset; if it was selected, the default dataset is selected. */
  removeUserDataset(id: string): void;
  addLayer(kind: LayerKind, index?: number): void;
  /** Replaces a block by the layers it stands for (the same model, now editable layer by layer). */
  expandBlock(id: string): void;
  removeLayer(id: string): void;
  moveLayer(id: string, delta: -1 | 1): void;
  updateLayer(id: string, patch: Partial<LayerSpec>): void;
  setDataset(patch: Partial<DatasetChoice>): void;
  loadPreset(presetId: string): void;
}

export interface SettingsSlice {
  training: TrainingConfig;
  setTraining(patch: Partial<TrainingConfig>): void;
  /**
   * Number fields whose text is not a number (field id → label). The store keeps the value from
   * before, so Train waits until each holds a number again (useAnalysis says which).
   */
  fieldsNotNumbers: Readonly<Record<string, string>>;
  setFieldNotNumber(id: string, label: string | null): void;
}

export interface RunSlice {
  phase: Phase;
  runId: number;
  /** The worker's latest message for the phase (an error, why it paused). */
  phaseMessage: Message | null;
  progress: Message | null;
  /** 0..1 while a download of known size runs, else null. */
  progressFraction: number | null;
  backend: BackendReport | null;
  /** A quick start's complete decision, timed in the background for the next Train. */
  backgroundBackend: BackendReport | null;
  dataInfo: {
    trainCount: number;
    validationCount: number;
    testCount: number;
    stepsPerEpoch: number;
  } | null;
  /** The held-out test set's result when the run ended. */
  test: TestRecord | null;
  /** The latest probe results for the internals views (replaced, not accumulated). */
  probe: ProbeResult | null;
  train: TrainRecord[];
  validation: ValidationRecord[];
  /** The stored run (RunSummary id) this run is recorded as; null until the worker says. */
  currentRecord: string | null;
  /** "Train A and B": this run is B, trained beside A; null for a run of its own. */
  pair: PairState | null;
  /** Notices about the app itself (a crashed worker, unreadable saved work); dismissible. */
  notice: Message | null;
  setNotice(notice: Message | null): void;
}

/** Run A of a pair as the page follows it (its events go to the run history, not the curves above). */
export interface PairState {
  /** The session's number for A's events. */
  partnerRunId: number;
  /** How the worker trains the two (null until it says), and the memory that decided it. */
  mode: PairMode | null;
  bytes: number;
  budget: number;
  /** A's stored run, once recorded. */
  partnerRecord: string | null;
}

/** The run history: every Train is a run the worker keeps in IndexedDB (src/workers/runs). */
export interface RunsSlice {
  /** Every stored run's summary, newest first (loaded at start, updated as the live run trains). */
  runHistory: RunSummary[];
  /** Runs chosen in the Runs panel to overlay in the comparison chart. */
  comparedRuns: string[];
  toggleCompared(id: string): void;
}

/** What the internals views ask the worker for (not persisted: typed arrays, and a fresh start is fine). */
export interface ViewsSlice {
  /** Presentation mode (a teacher's link): large type, one internals view open at a time. */
  presentation: boolean;
  probeSettings: ProbeSettings;
  setProbeSettings(patch: Partial<ProbeSettings>): void;
  /** Shows a sample in the activations view (opening it): from the browser, a drawing, a text. */
  inspectSample(sample: ProbeSample): void;
  /**
   * Replaces the design, data choice, settings and open views with an experiment's. `source`:
   * where it came from, a file's name or a `notices.source` Message. False (and a notice) when a
   * teacher's lock refuses it.
   */
  loadExperiment(experiment: Experiment, source: MessageValue): boolean;
  /** A teacher's locks (src/state/locks.ts), set once the teacher's link has been applied. */
  locks: ReadonlySet<Lockable>;
}

/** A load's notice, saying where the work it replaced went when it was kept. */
function withKeptNote(kept: boolean, notice: Message): Message {
  return kept ? message('notices.loadedAndKept', { notice }) : notice;
}

/** The current work as one experiment document (for a share link or a file). */
export function currentExperiment(state: AppState, name = ''): Experiment {
  const views = state.probeSettings.views;
  return makeExperiment({
    name,
    spec: state.spec,
    dataset: state.dataset,
    training: state.training,
    views: {
      open: EXPERIMENT_VIEWS.filter((v) => views[v]),
      intervalMs: state.probeSettings.intervalMs,
    },
  });
}

export const DEFAULT_PROBE_SETTINGS: ProbeSettings = {
  views: {
    activations: false,
    attention: false,
    boundary: false,
    confusion: false,
    histograms: false,
    projection: false,
    generation: false,
    graph: false,
  },
  intervalMs: 250,
  frozen: false,
  sample: { kind: 'validation', index: 0 },
  projectionLayer: null,
  rewind: null,
};

export type AppState = DesignSlice & SettingsSlice & RunSlice & RunsSlice & ViewsSlice;

/** The format of the saved work (KEPT.work); a newer one is set aside, not read. */
const WORK_VERSION = 1;

/**
 * An id no layer has, and no layer's id starts with followed by "_": a block expands into
 * `${id}_dense1`, `${id}_act`…, which must not meet a layer left over from an earlier expansion.
 */
function newLayerId(spec: ModelSpec): string {
  const ids = spec.layers.map((l) => l.id);
  const free = (id: string) => ids.every((taken) => taken !== id && !taken.startsWith(`${id}_`));
  let n = spec.layers.length + 1;
  while (!free(`l${n}`)) n++;
  return `l${n}`;
}

export const initialRun: Omit<RunSlice, 'setNotice'> = {
  phase: 'idle',
  runId: 0,
  phaseMessage: null,
  progress: null,
  progressFraction: null,
  backend: null,
  backgroundBackend: null,
  dataInfo: null,
  test: null,
  probe: null,
  train: [],
  validation: [],
  currentRecord: null,
  pair: null,
  notice: null,
};

/** The chosen dataset's info; the default dataset if the choice no longer resolves. */
export function datasetInfoOf(state: Pick<AppState, 'dataset' | 'userDatasets'>): DatasetInfo {
  return (
    resolveDataset(state.dataset, state.userDatasets) ?? builtinDataset(DEFAULT_PRESET.dataset.id)
  );
}

export const useStore = create<AppState>()(
  persist(
    (set, get) => {
      /** True (with a notice saying what is locked) when a teacher's lock refuses `next`. */
      const refused = (next: WorkChange, asPreset = false): boolean => {
        const { locks, spec, dataset, training } = get();
        const parts = lockedChanges(locks, { spec, dataset, training }, next, asPreset);
        if (parts.length > 0) set({ notice: lockedNotice(parts) });
        return parts.length > 0;
      };
      /** The design actions: refused whole while the designer is locked. */
      const designLocked = (): boolean => get().locks.has('designer') && refused({ spec: null });
      return {
        spec: DEFAULT_PRESET.spec,
        dataset: DEFAULT_PRESET.dataset,
        userDatasets: [],
        training: DEFAULT_PRESET.training,
        ...initialRun,
        runHistory: [],
        comparedRuns: [],
        toggleCompared: (id) =>
          set(({ comparedRuns }) => ({
            comparedRuns: comparedRuns.includes(id)
              ? comparedRuns.filter((r) => r !== id)
              : [...comparedRuns, id],
          })),

        addLayer: (kind, index) =>
          designLocked() ||
          set(({ spec }) => {
            const at = index ?? spec.layers.length;
            // A merge skips one layer by default: it takes the output from two layers up.
            const skipFrom = spec.layers[at - 2]?.id ?? INPUT_ID;
            const layer = LAYER_TYPES[kind].create(newLayerId(spec), skipFrom) as LayerSpec;
            const layers = [...spec.layers];
            layers.splice(at, 0, layer);
            return { spec: { ...spec, layers } };
          }),
        expandBlock: (id) =>
          designLocked() ||
          set(({ spec, dataset }) => {
            const at = spec.layers.findIndex((l) => l.id === id);
            const block = spec.layers[at];
            if (!block || !isBlock(block)) return {};
            const info = datasetInfoOf({ dataset, userDatasets: get().userDatasets });
            const before = inferStack(spec.layers.slice(0, at), info.inputShape, {
              inputIsTokens: info.inputIsTokens,
            });
            if (!before.output) {
              return { notice: message('notices.expandBlockFirst') };
            }
            const previousId = spec.layers[at - 1]?.id ?? INPUT_ID;
            const layers = [...spec.layers];
            layers.splice(at, 1, ...expandBlock(block, previousId, before.output));
            return { spec: { ...spec, layers } };
          }),
        removeLayer: (id) =>
          designLocked() ||
          set(({ spec }) => ({
            spec: { ...spec, layers: spec.layers.filter((l) => l.id !== id) },
          })),
        moveLayer: (id, delta) =>
          designLocked() ||
          set(({ spec }) => {
            const from = spec.layers.findIndex((l) => l.id === id);
            const to = from + delta;
            if (from < 0 || to < 0 || to >= spec.layers.length) return {};
            const layers = [...spec.layers];
            const [moved] = layers.splice(from, 1);
            if (moved) layers.splice(to, 0, moved);
            return { spec: { ...spec, layers } };
          }),
        updateLayer: (id, patch) =>
          designLocked() ||
          set(({ spec }) => ({
            spec: {
              ...spec,
              layers: spec.layers.map((l) =>
                l.id === id ? ({ ...l, ...patch, id, kind: l.kind } as LayerSpec) : l,
              ),
            },
          })),
        setDataset: (patch) => {
          const { dataset } = get();
          // A different dataset starts from its own defaults (sequence length, vocabulary…).
          const defaults =
            patch.id !== undefined && patch.id !== dataset.id
              ? defaultChoiceFor(patch.id, dataset)
              : {};
          const next = { ...dataset, ...defaults, ...patch };
          if (!refused({ dataset: next })) set({ dataset: next });
        },
        addUserDataset: (entry) => {
          // While the dataset is locked an upload is kept, not chosen.
          const select = !refused({ dataset: { ...get().dataset, id: entry.id } });
          set(({ userDatasets, dataset }) => ({
            userDatasets: [...userDatasets.filter((d) => d.id !== entry.id), entry],
            dataset: select ? { ...dataset, id: entry.id } : dataset,
          }));
        },
        removeUserDataset: (id) =>
          set(({ userDatasets, dataset }) => ({
            userDatasets: userDatasets.filter((d) => d.id !== id),
            dataset: dataset.id === id ? DEFAULT_PRESET.dataset : dataset,
          })),
        loadPreset: (presetId) => {
          const preset = PRESETS.find((p) => p.id === presetId);
          if (!preset) return;
          const next = { spec: preset.spec, dataset: preset.dataset, training: preset.training };
          if (refused(next, true)) return;
          const kept = keepReplacedWork(currentExperiment(get()), next);
          set(kept ? { ...next, notice: message('notices.replacedKept') } : next);
        },
        setTraining: (patch) => {
          const training = { ...get().training, ...patch };
          if (!refused({ training })) set({ training });
        },
        fieldsNotNumbers: {},
        setFieldNotNumber: (id, label) =>
          set(({ fieldsNotNumbers }) => {
            const others = Object.entries(fieldsNotNumbers).filter(([field]) => field !== id);
            const entries = label === null ? others : [...others, [id, label]];
            return { fieldsNotNumbers: Object.fromEntries(entries) as Record<string, string> };
          }),
        locks: new Set(),
        presentation: false,
        probeSettings: DEFAULT_PROBE_SETTINGS,
        setProbeSettings: (patch) =>
          set(({ probeSettings }) => ({ probeSettings: { ...probeSettings, ...patch } })),
        loadExperiment: (experiment, source) => {
          const missingNow = !resolveDataset(experiment.dataset, get().userDatasets);
          const change = {
            spec: experiment.spec,
            dataset: missingNow ? DEFAULT_PRESET.dataset : experiment.dataset,
            training: experiment.training,
          };
          if (refused(change)) return false;
          const kept = keepReplacedWork(currentExperiment(get()), change);
          set(({ userDatasets, probeSettings }) => {
            // An upload stays in the browser that imported it: a link cannot bring it along.
            const missing = !resolveDataset(experiment.dataset, userDatasets);
            const open = new Set(experiment.views.open);
            const { name } = experiment;
            const fallback = datasetTitle(builtinDataset(DEFAULT_PRESET.dataset.id));
            return {
              spec: experiment.spec,
              dataset: missing ? DEFAULT_PRESET.dataset : experiment.dataset,
              training: experiment.training,
              probeSettings: {
                ...probeSettings,
                intervalMs: experiment.views.intervalMs,
                views: Object.fromEntries(
                  // The graph's thumbnails follow the graph on screen, not the experiment.
                  Object.keys(probeSettings.views).map((v) => [
                    v,
                    v === 'graph' ? probeSettings.views.graph : open.has(v as ExperimentView),
                  ]),
                ) as unknown as ProbeSettings['views'],
              },
              notice: withKeptNote(
                kept,
                missing
                  ? message(name ? 'notices.loadedNamedOtherData' : 'notices.loadedOtherData', {
                      name,
                      source,
                      dataset: experiment.dataset.id,
                      fallback,
                    })
                  : message(name ? 'notices.loadedNamed' : 'notices.loaded', { name, source }),
              ),
            };
          });
          return true;
        },
        inspectSample: (sample) =>
          set(({ probeSettings }) => ({
            probeSettings: {
              ...probeSettings,
              sample,
              views: { ...probeSettings.views, activations: true },
            },
          })),
        setNotice: (notice) => set({ notice }),
      };
    },
    {
      name: KEPT.work.name,
      version: WORK_VERSION,
      storage: workStorage({
        version: WORK_VERSION,
        // Deferred: the notice is itself a store change, which writes (and fails) again.
        onWriteFailed: (error) =>
          queueMicrotask(() =>
            useStore.setState({
              notice: message('notices.workNotSaved', { detail: toMessage(error) }),
            }),
          ),
      }),
      // A newer LayerLab wrote this: not read (it may not fit this version), set aside by merge.
      migrate: (_persisted, version) =>
        ({ unreadable: 'newer', detail: String(version) }) satisfies UnreadableWork as never,
      // Only the user's work is persisted; the run is the worker's and starts fresh.
      partialize: ({ spec, dataset, training, userDatasets }) => ({
        spec,
        dataset,
        training,
        userDatasets,
      }),
      merge: (persisted, current) => mergeSavedWork(persisted, current),
    },
  ),
);

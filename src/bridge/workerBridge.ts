/**
 * The one owner of the training worker on the UI side: creates it lazily, listens once, turns
 * events into store updates (batched to one per animation frame), and restarts the worker after a
 * crash or a lost GPU device. Components call the functions exported here; they never see a Worker.
 */
import {
  joinMessages,
  listMessages,
  message,
  verbatim,
  type Message,
} from '../shared/messages/message';
import { MessageError, throwMessage, toMessage } from '../shared/messages/messageError';
import { rememberExperiment } from '../state/recentExperiments';
import { currentExperiment, datasetInfoOf, initialRun, useStore } from '../state/store';
import type { UserDatasetEntry } from '../data/datasets';
import type { ColumnSummary } from '../data/import/columns';
import { checkUploadSize } from '../data/import/limits';
import type {
  AnswerEvent,
  BrowseRequest,
  Command,
  ImportOptions,
  ProbeResult,
  PartnerRequest,
  ProbeSettings,
  RequestBody,
  RequestCommand,
  RequestType,
  SamplePage,
  RestoreSource,
  StartRequest,
  TrainRecord,
  ValidationRecord,
  WorkerEvent,
} from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import { MAX_USER_DATASETS } from '../shared/schemas';
import type { Experiment } from '../shared/experiment';
import type { RunSummary } from '../shared/runs/runTypes';
import { DEFAULT_RUN_STORAGE_BUDGET } from '../shared/runs/storageBudget';
import { showRuns } from './showRuns';
import { pageStorage } from '../state/pageStorage';

let worker: Worker | null = null;
let nextRunId = 1;

/** Records waiting for the next animation frame. */
let pendingTrain: TrainRecord[] = [];
let pendingValidation: ValidationRecord[] = [];
let pendingProbe: ProbeResult | null = null;
/** The open internals views' needs, re-sent to a restarted worker. */
let lastProbeSettings: ProbeSettings | null = null;
let frameRequested = false;

/**
 * Workers in a row that failed before saying `ready` (a script that does not load, a crash at
 * start), or were lost within SHORT_LIFE_MS of starting (a GPU whose device is lost each time the
 * reopened run touches it): each waits longer to be replaced, and after the last delay none is
 * started on its own, so a worker that cannot last is not restarted forever. A user's next
 * request starts one.
 */
let failedStarts = 0;
let readyHeard = false;
let startedAt = 0;
/** The delayed start of a failed worker's replacement, cleared once another worker starts. */
let pendingRestart: ReturnType<typeof setTimeout> | null = null;
const RESTART_DELAYS_MS = [1000, 4000, 15000];
const SHORT_LIFE_MS = 10_000;

function ensureWorker(): Worker {
  if (worker) return worker;
  if (pendingRestart !== null) clearTimeout(pendingRestart);
  pendingRestart = null;
  readyHeard = false;
  startedAt = Date.now();
  const created = new Worker(new URL('../workers/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'layerlab-training',
  });
  created.onmessage = (event: MessageEvent<WorkerEvent>) => handleEvent(event.data);
  created.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    restartWorker(
      event.message
        ? message('notices.workerCrashed', { details: event.message })
        : message('notices.workerCrashedNoDetails'),
    );
  };
  created.onmessageerror = () => restartWorker(message('notices.workerUnreadable'));
  worker = created;
  // A restarted worker starts with no views open: tell it what is open now.
  if (lastProbeSettings) created.postMessage({ type: 'setProbes', settings: lastProbeSettings });
  return created;
}

function send(command: Command, transfer: Transferable[] = []): void {
  ensureWorker().postMessage(command, transfer);
}

/** Requests waiting for their one answer, by request id. */
interface Waiting {
  resolve(event: AnswerEvent): void;
  reject(error: Error): void;
}
const waiting = new Map<number, Waiting>();
let nextRequestId = 1;

/**
 * Sends a command that gets one answer (matched by request id); the bridge's modules use it.
 * Resolves with the command's answer event (protocol's AnswerTypes); rejects with a MessageError
 * carrying the worker's message when it answers `failed`, or when the worker restarts first.
 */
export function request<T extends RequestType>(
  type: T,
  body: RequestBody<T>,
  transfer: Transferable[] = [],
): Promise<AnswerEvent<T>> {
  const requestId = nextRequestId++;
  return new Promise<AnswerEvent<T>>((resolve, reject) => {
    // The worker's request handlers are typed to answer `type` with AnswerEvent<T> only.
    waiting.set(requestId, { resolve: resolve as (event: AnswerEvent) => void, reject });
    send({ ...body, type, requestId } as RequestCommand<T>, transfer);
  });
}

/** The request `requestId` is waiting for, no longer waiting. */
function takeWaiting(requestId: number): Waiting | undefined {
  const pending = waiting.get(requestId);
  waiting.delete(requestId);
  return pending;
}

/**
 * Ends the current worker and starts a fresh one; the design and settings are untouched. `why`: a
 * Message, or the worker's own text (shown as it is).
 */
function restartWorker(why: Message | string): void {
  workers++;
  const recordId = useStore.getState().currentRecord;
  const reason = typeof why === 'string' ? message('common.verbatim', { text: why }) : why;
  worker?.terminate();
  worker = null;
  for (const pending of waiting.values()) pending.reject(new MessageError(reason));
  waiting.clear();
  flushFrame();
  const lasted = readyHeard && Date.now() - startedAt >= SHORT_LIFE_MS;
  failedStarts = lasted ? 0 : failedStarts + 1;
  const delay = failedStarts === 0 ? 0 : RESTART_DELAYS_MS[failedStarts - 1];
  useStore.setState({
    phase: 'error',
    progress: null,
    phaseMessage: reason,
    notice:
      delay === undefined
        ? message('notices.workerWontStart', { reason, count: failedStarts })
        : delay === 0
          ? message('notices.workerRestarted', { reason })
          : message('notices.workerRestarting', { reason, seconds: delay / 1000 }),
  });
  // The listeners (reopening the run the lost worker was recording) talk to the worker, which
  // would start one: they run once the next worker is started, never before its delay is up.
  const started = () => {
    ensureWorker();
    for (const listener of restartListeners) listener(recordId);
  };
  // No earlier replacement is still waiting: the worker that failed here was started since.
  if (delay === 0) started();
  else if (delay !== undefined) {
    pendingRestart = setTimeout(() => {
      pendingRestart = null;
      if (!worker) started();
    }, delay);
  }
}

const restartListeners: ((recordId: string | null) => void)[] = [];

/** Workers started since the page loaded, less one: what a worker answered may be stale after. */
let workers = 0;
export const workerGeneration = (): number => workers;

/**
 * Called once a worker is started after a restart, with the stored run the lost worker was
 * recording (or null); not at all when workers keep failing to start (none is started then).
 */
export function onWorkerRestart(listener: (recordId: string | null) => void): void {
  restartListeners.push(listener);
}

export function flushFrame(): void {
  frameRequested = false;
  if (pendingTrain.length === 0 && pendingValidation.length === 0 && !pendingProbe) return;
  const train = pendingTrain;
  const validation = pendingValidation;
  const probe = pendingProbe;
  pendingTrain = [];
  pendingValidation = [];
  pendingProbe = null;
  // One store update per frame, whatever arrived: one render of the subscribers.
  useStore.setState((s) => ({
    train: train.length ? [...s.train, ...train] : s.train,
    validation: validation.length ? [...s.validation, ...validation] : s.validation,
    probe: probe ?? s.probe,
  }));
}

function scheduleFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  if (typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') {
    requestAnimationFrame(flushFrame);
  } else {
    setTimeout(flushFrame, 100); // hidden tabs get no frames; still keep the history
  }
}

function isCurrent(runId: number): boolean {
  return runId === useStore.getState().runId;
}

function handleEvent(event: WorkerEvent): void {
  switch (event.type) {
    case 'ready':
      // The count of failed starts is cleared only once a worker lasts (restartWorker): a worker
      // that says ready and is lost at once is no better than one that never started.
      readyHeard = true;
      return;
    case 'phase':
      if (event.runId !== -1 && !isCurrent(event.runId)) return;
      flushFrame(); // records before a phase change land first
      useStore.setState({
        phase: event.phase,
        phaseMessage: event.message,
        ...(event.phase !== 'preparing' ? { progress: null } : {}),
      });
      return;
    case 'progress':
      if (isCurrent(event.runId)) {
        useStore.setState({ progress: event.message, progressFraction: event.fraction });
      }
      return;
    case 'imported':
    case 'samples':
    case 'modelList':
    case 'modelSaved':
    case 'modelFiles':
    case 'modelImported':
    case 'runList':
    case 'runCurves':
    case 'generated':
      takeWaiting(event.requestId)?.resolve(event);
      return;
    case 'runBegan': {
      const { pair } = useStore.getState();
      const { id } = event.summary;
      if (isCurrent(event.runId)) {
        useStore.setState(({ runHistory }) => ({
          currentRecord: id,
          runHistory: upsertRun(runHistory, event.summary),
          // A pair's two runs go into the comparison chart, where they grow side by side.
          ...(pair?.partnerRecord ? { comparedRuns: [pair.partnerRecord, id] } : {}),
        }));
      } else if (pair && event.runId === pair.partnerRunId) {
        useStore.setState(({ runHistory }) => ({
          pair: { ...pair, partnerRecord: id },
          runHistory: upsertRun(runHistory, event.summary),
          comparedRuns: [id],
        }));
      }
      return;
    }
    case 'pair':
      if (!isCurrent(event.runId)) return;
      useStore.setState(({ pair }) => ({
        pair: {
          partnerRunId: event.partnerRunId,
          partnerRecord: pair?.partnerRecord ?? null,
          mode: event.mode,
          bytes: event.bytes,
          budget: event.budget,
        },
      }));
      return;
    case 'runUpdated':
      useStore.setState(({ runHistory }) => ({ runHistory: upsertRun(runHistory, event.summary) }));
      return;
    case 'runsChanged':
      showRuns(event.runs);
      return;
    case 'runsEvicted': {
      const gone = new Set(event.ids);
      useStore.setState(({ runHistory, comparedRuns }) => ({
        runHistory: runHistory.filter((run) => !gone.has(run.id)),
        comparedRuns: comparedRuns.filter((id) => !gone.has(id)),
        notice: message('notices.runsEvicted', {
          names: evictedNames(event.names, event.numbers),
          budget: megabytes(DEFAULT_RUN_STORAGE_BUDGET.totalBytes),
        }),
      }));
      return;
    }
    case 'checkpointsStopped':
      useStore.setState({
        notice:
          event.reason === 'tooBig'
            ? message('notices.checkpointsTooBig', {
                budget: megabytes(DEFAULT_RUN_STORAGE_BUDGET.perRunBytes),
              })
            : message('notices.checkpointsQuota'),
      });
      return;
    case 'failed':
      takeWaiting(event.requestId)?.reject(new MessageError(event.message));
      return;
    case 'restored':
      if (!isCurrent(event.runId)) return;
      flushFrame();
      // The saved curves come back; new records continue them from the saved step.
      useStore.setState({
        train: event.history.train,
        validation: event.history.validation,
        ...(event.notes.length ? { notice: joinMessages(event.notes.map(toMessage)) } : {}),
      });
      return;
    case 'backend':
      // A new report: a background result left by an earlier run no longer applies.
      if (isCurrent(event.runId))
        useStore.setState({ backend: event.report, backgroundBackend: null });
      return;
    case 'dataInfo':
      if (isCurrent(event.runId)) {
        const { trainCount, validationCount, testCount, stepsPerEpoch } = event;
        useStore.setState({ dataInfo: { trainCount, validationCount, testCount, stepsPerEpoch } });
      }
      return;
    case 'train':
      if (!isCurrent(event.runId)) return;
      pendingTrain.push(event.record);
      scheduleFrame();
      return;
    case 'validation':
      if (!isCurrent(event.runId)) return;
      pendingValidation.push(event.record);
      scheduleFrame();
      return;
    case 'test':
      if (isCurrent(event.runId)) useStore.setState({ test: event.record });
      return;
    case 'probe':
      if (!isCurrent(event.runId)) return;
      pendingProbe = event.result; // only the newest matters
      scheduleFrame();
      return;
    case 'deviceLost':
      restartWorker(event.message);
      return;
    case 'backendMeasured':
      // Only beside the report of the run that left it: another model's timing would mislead.
      if (isCurrent(event.runId)) useStore.setState({ backgroundBackend: event.report });
      return;
    default:
      assertNever(event, 'worker event');
  }
}

/** A run's new summary in the newest-first list (replacing its old one). */
function upsertRun(runs: RunSummary[], summary: RunSummary): RunSummary[] {
  const others = runs.filter((run) => run.id !== summary.id);
  return [summary, ...others].sort((a, b) => b.createdAt - a.createdAt);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

export function startRun(
  pauseAfterFirstStep: boolean,
  restoreFrom: RestoreSource | null = null,
  partnerOf: Experiment | null = null,
): void {
  const state = useStore.getState();
  const { spec, dataset, training } = state;
  rememberExperiment(pageStorage(), currentExperiment(state));
  const runId = nextRunId++;
  const partner: PartnerRequest | null = partnerOf
    ? { runId: nextRunId++, spec: partnerOf.spec, training: partnerOf.training }
    : null;
  pendingTrain = [];
  pendingValidation = [];
  useStore.setState(({ notice, probeSettings }) => ({
    ...initialRun,
    runId,
    phase: 'preparing',
    notice,
    pair: partner
      ? { partnerRunId: partner.runId, partnerRecord: null, mode: null, bytes: 0, budget: 0 }
      : null,
    // A new run has its own checkpoints: the views show it live.
    probeSettings: { ...probeSettings, rewind: null },
  }));
  const request: StartRequest = {
    runId,
    spec,
    dataset,
    datasetInfo: datasetInfoOf(state),
    training,
    datasetBaseUrl: new URL('datasets/', document.baseURI).href,
    pauseAfterFirstStep,
    restoreFrom,
    partner,
  };
  send({ type: 'start', request });
}

export const training = {
  train: () => startRun(false),
  /**
   * "Train A and B": `a`'s design and settings (a run from the history) trained beside the design
   * on screen (B), on the same data and seed (the caller checks they share them: checkPair).
   */
  trainPair: (a: Experiment) => startRun(false, null, a),
  pause: () => send({ type: 'pause' }),
  resume: () => send({ type: 'resume' }),
  /** One step: from paused, or the first step of a new run. */
  step: () => {
    const { phase } = useStore.getState();
    if (phase === 'paused') send({ type: 'step' });
    else startRun(true);
  },
  stop: () => send({ type: 'stop' }),
  reset: () => {
    send({ type: 'reset' });
    pendingTrain = [];
    pendingValidation = [];
    useStore.setState(({ notice, probeSettings }) => ({
      ...initialRun,
      runId: nextRunId++,
      notice,
      probeSettings: { ...probeSettings, rewind: null },
    }));
  },
  /** "Measure again": the worker forgets the backend speeds it measured; the next Train times them. */
  forgetBackendChoices: () => send({ type: 'forgetBackendChoices' }),
  /** Changes the number of epochs; a live or loaded run then trains to the new count. */
  setEpochs: (epochs: number) => {
    useStore.getState().setTraining({ epochs });
    const { phase } = useStore.getState();
    if ((phase === 'training' || phase === 'paused') && Number.isInteger(epochs) && epochs >= 1) {
      send({ type: 'setEpochs', epochs });
    }
  },
  /** Changes the learning rate in the settings and, if a run is live, at its next step. */
  setLearningRate: (learningRate: number) => {
    useStore.getState().setTraining({ learningRate });
    const { phase } = useStore.getState();
    if (
      (phase === 'training' || phase === 'paused') &&
      Number.isFinite(learningRate) &&
      learningRate > 0
    ) {
      send({ type: 'setLearningRate', learningRate });
    }
  },
};

/** Starts the worker ahead of the first Train so its startup cost is not felt. */
export function warmUpWorker(): void {
  ensureWorker();
}

export interface ImportResult {
  entry: UserDatasetEntry;
  columns: ColumnSummary[] | null;
}

/** The user's data and the dataset browser: requests answered by the worker. */
export const dataRequests = {
  /**
   * Reads the chosen files (refusing oversized ones before reading a byte), hands their bytes to
   * the worker, and resolves with the stored dataset's description. Rejects with a message that
   * names the file and the problem; nothing already stored changes then.
   */
  async importFiles(
    files: readonly File[],
    options: ImportOptions,
    replaceId: string | null = null,
  ): Promise<ImportResult> {
    if (files.length === 0) throwMessage('data.nothingChosen');
    // The saved work lists at most this many: one more would make it unreadable at the next load.
    if (replaceId === null && useStore.getState().userDatasets.length >= MAX_USER_DATASETS) {
      throwMessage('data.tooManyUploads', { count: MAX_USER_DATASETS });
    }
    let total = 0;
    for (const file of files) {
      const name = file.webkitRelativePath || file.name;
      checkUploadSize(name, file.size);
      total += file.size;
    }
    if (files.length > 1) {
      checkUploadSize(message('data.upload.filesTogether', { count: files.length }), total);
    }
    const uploaded = await Promise.all(
      files.map(async (file) => ({
        name: file.webkitRelativePath || file.name,
        bytes: await file.arrayBuffer(),
      })),
    );
    const { entry, columns } = await request(
      'importData',
      { files: uploaded, options, replaceId },
      uploaded.map((f) => f.bytes),
    );
    return { entry, columns };
  },

  deleteUserDataset(id: string): void {
    send({ type: 'deleteUserData', id });
  },

  /** A page of the chosen dataset's samples, in the order training sees them (same seed). */
  async browse(offset: number, limit: number): Promise<SamplePage> {
    const state = useStore.getState();
    const browseRequest: BrowseRequest = {
      dataset: state.dataset,
      datasetInfo: datasetInfoOf(state),
      datasetBaseUrl: new URL('datasets/', document.baseURI).href,
      seed: state.training.seed,
      validationSplit: state.training.validationSplit,
      testSplit: state.training.testSplit,
      offset,
      limit,
    };
    return (await request('browse', { request: browseRequest })).page;
  },
};

/** The internals views: what they need, sent whenever it changes (the worker computes only that). */
export const probes = {
  set(settings: ProbeSettings): void {
    lastProbeSettings = settings;
    send({ type: 'setProbes', settings });
  },
};

/** Deleted runs as a list: each by the name the user gave it, or as the Runs panel numbers it. */
function evictedNames(names: readonly string[], numbers: readonly number[]): Message {
  const items = numbers.map((number, i) =>
    names[i] ? verbatim(names[i]) : message('notices.runNumber', { number }),
  );
  return listMessages(items) ?? verbatim('');
}

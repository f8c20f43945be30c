/**
 * The one owner of the training worker on the UI side: creates it lazily, listens once, turns
 * events into store updates (batched to one per animation frame), and restarts the worker after a
 * crash or a lost GPU device. Components call the functions exported here; they never see a Worker.
 */
import { initialRun, useStore } from '../state/store';
import type {
  Command,
  StartRequest,
  TrainRecord,
  ValidationRecord,
  WorkerEvent,
} from '../workers/protocol';
import { assertNever } from '../workers/protocol';

let worker: Worker | null = null;
let nextRunId = 1;

/** Records waiting for the next animation frame. */
let pendingTrain: TrainRecord[] = [];
let pendingValidation: ValidationRecord[] = [];
let frameRequested = false;

function ensureWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL('../workers/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'layerlab-training',
  });
  created.onmessage = (event: MessageEvent<WorkerEvent>) => handleEvent(event.data);
  created.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    restartWorker(`The training worker crashed (${event.message || 'no details'}).`);
  };
  created.onmessageerror = () =>
    restartWorker('The training worker sent a message that could not be read.');
  worker = created;
  return created;
}

function send(command: Command): void {
  ensureWorker().postMessage(command);
}

/** Ends the current worker and starts a fresh one; the design and settings are untouched. */
function restartWorker(reason: string): void {
  worker?.terminate();
  worker = null;
  flushFrame();
  useStore.setState({
    phase: 'error',
    progress: null,
    phaseMessage: reason,
    notice: `${reason} A new worker was started; your design and settings are intact. Press Train to run again.`,
  });
  ensureWorker();
}

function flushFrame(): void {
  frameRequested = false;
  if (pendingTrain.length === 0 && pendingValidation.length === 0) return;
  const train = pendingTrain;
  const validation = pendingValidation;
  pendingTrain = [];
  pendingValidation = [];
  useStore.setState((s) => ({
    train: train.length ? [...s.train, ...train] : s.train,
    validation: validation.length ? [...s.validation, ...validation] : s.validation,
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
      if (isCurrent(event.runId)) useStore.setState({ progress: event.message });
      return;
    case 'backend':
      if (isCurrent(event.runId)) useStore.setState({ backend: event.report });
      return;
    case 'dataInfo':
      if (isCurrent(event.runId)) {
        const { trainCount, validationCount, stepsPerEpoch } = event;
        useStore.setState({ dataInfo: { trainCount, validationCount, stepsPerEpoch } });
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
    case 'deviceLost':
      restartWorker(event.message);
      return;
    default:
      assertNever(event, 'worker event');
  }
}

function startRun(pauseAfterFirstStep: boolean): void {
  const { spec, dataset, training } = useStore.getState();
  const runId = nextRunId++;
  pendingTrain = [];
  pendingValidation = [];
  useStore.setState({
    ...initialRun,
    runId,
    phase: 'preparing',
    notice: useStore.getState().notice,
  });
  const request: StartRequest = {
    runId,
    spec,
    dataset,
    training,
    datasetBaseUrl: new URL('datasets/', document.baseURI).href,
    pauseAfterFirstStep,
  };
  send({ type: 'start', request });
}

export const training = {
  train: () => startRun(false),
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
    useStore.setState({ ...initialRun, runId: nextRunId++, notice: useStore.getState().notice });
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

/**
 * The bridge's real routing, against a fake Worker: every request type is sent and answered (or
 * refused with `failed`), and every other worker event lands in the store.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserDatasetEntry } from '../data/datasets';
import { englishText } from '../shared/messages/englishText';
import { message } from '../shared/messages/message';
import { MessageError } from '../shared/messages/messageError';
import type {
  AnswerEvent,
  BackendReport,
  Command,
  RequestType,
  SamplePage,
  SavedModelEntry,
  WorkerEvent,
} from '../shared/protocol';
import type * as Store from '../state/store';
import type * as ModelRequests from './savedModelRequests';
import type * as RunRequests from './runRequests';
import type * as GenerationRequests from './generationRequests';
import { DEFAULT_GENERATION, type GeneratedText } from '../shared/generationOptions';
import type { RunSummary } from '../shared/runs/runTypes';
import type * as Bridge from './workerBridge';

/** Stands in for the training worker: keeps what the bridge posts, and sends it events. */
class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: { command: Command; transfer: Transferable[] }[] = [];
  terminated = false;
  private read = 0;

  constructor() {
    FakeWorker.all.push(this);
  }

  postMessage(command: Command, transfer: Transferable[] = []): void {
    this.posted.push({ command, transfer });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The next command the bridge posts (it may read files first). */
  async next(): Promise<{ command: Command; transfer: Transferable[] }> {
    const posted = await vi.waitFor(() => {
      const next = this.posted[this.read];
      if (!next) throw new Error('nothing posted yet');
      return next;
    });
    this.read++;
    return posted;
  }

  emit(event: WorkerEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<WorkerEvent>);
  }
}

const worker = (): FakeWorker => {
  const current = FakeWorker.all.at(-1);
  if (!current) throw new Error('no worker');
  return current;
};

// The bridge's parts and the store, imported once the page's globals are in place.
let bridge: typeof Bridge;
let models: typeof ModelRequests.savedModelRequests;
let runs: typeof RunRequests.runRequests;
let generation: typeof GenerationRequests.generationRequests;
let useStore: typeof Store.useStore;

beforeAll(async () => {
  const stored = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
    removeItem: (key: string) => void stored.delete(key),
  });
  vi.stubGlobal('document', { baseURI: 'http://localhost/' });
  vi.stubGlobal('Worker', FakeWorker);
  bridge = await import('./workerBridge');
  models = (await import('./savedModelRequests')).savedModelRequests;
  runs = (await import('./runRequests')).runRequests;
  generation = (await import('./generationRequests')).generationRequests;
  useStore = (await import('../state/store')).useStore;
  bridge.warmUpWorker();
  worker().emit({ type: 'ready' });
});

/** An uncaught error in the worker, as the browser reports a crash. */
const crash = (w: FakeWorker) =>
  w.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);

/**
 * Fake timers on a clock an hour past the previous test's: a worker an earlier test started (at
 * whatever time) has lasted, as far as the bridge's short-life check can tell.
 */
let fakeNow = Date.now();
function useFakeClock(): void {
  fakeNow += 3_600_000;
  vi.useFakeTimers({ now: fakeNow });
}

// Answers the bridge passes on without reading them are left partial.
const USER_DATASET = { id: 'user:1' } as UserDatasetEntry;
const SAVED_MODEL = { id: 'model:1' } as SavedModelEntry;
const PAGE = { total: 0, offset: 0, count: 0 } as SamplePage;
const MODEL_FILES = [{ name: 'm.json', bytes: new ArrayBuffer(2) }];
const SPEC = { version: 1 as const, layers: [] };
const RUN_SUMMARY = { id: 'run-1', createdAt: 1 } as RunSummary;
const CURVE_CURSOR = { reopened: 0, train: 4, validation: 1 };
const CURVE_READ = {
  curves: { train: [], validation: [] },
  appended: true,
  cursor: CURVE_CURSOR,
};
const WRITTEN = { window: 'To be', tokens: [] } as unknown as GeneratedText;

interface RequestCase<T extends RequestType> {
  /** Calls what the UI calls. */
  ask(): Promise<unknown>;
  /** Part of the command it must send, and how many buffers move with it. */
  sends: object;
  moves: number;
  answer(requestId: number): AnswerEvent<T>;
  /** What `ask` resolves with, given that answer. */
  gives: unknown;
}

/** Every request type, through the functions the components call. */
const requests = (): { [T in RequestType]: RequestCase<T> } => ({
  importData: {
    ask: () =>
      bridge.dataRequests.importFiles([new File(['x,y\n1,2\n'], 'points.csv')], {
        imageSize: [28, 28],
        channels: 1,
      }),
    sends: { files: [{ name: 'points.csv' }], replaceId: null },
    moves: 1,
    answer: (requestId) => ({ type: 'imported', requestId, entry: USER_DATASET, columns: null }),
    gives: { entry: USER_DATASET, columns: null },
  },
  browse: {
    ask: () => bridge.dataRequests.browse(20, 10),
    sends: { request: { offset: 20, limit: 10, datasetBaseUrl: 'http://localhost/datasets/' } },
    moves: 0,
    answer: (requestId) => ({ type: 'samples', requestId, page: PAGE }),
    gives: PAGE,
  },
  saveModel: {
    ask: () => models.save('mine'),
    sends: { name: 'mine', experiment: { name: 'mine' } },
    moves: 0,
    answer: (requestId) => ({ type: 'modelSaved', requestId, entry: SAVED_MODEL }),
    gives: SAVED_MODEL,
  },
  listModels: {
    ask: () => models.list(),
    sends: {},
    moves: 0,
    answer: (requestId) => ({ type: 'modelList', requestId, entries: [SAVED_MODEL] }),
    gives: [SAVED_MODEL],
  },
  deleteModel: {
    ask: () => models.remove('model:1'),
    sends: { id: 'model:1' },
    moves: 0,
    answer: (requestId) => ({ type: 'modelList', requestId, entries: [] }),
    gives: [],
  },
  exportModel: {
    ask: () => models.files('model:1'),
    sends: { id: 'model:1' },
    moves: 0,
    answer: (requestId) => ({ type: 'modelFiles', requestId, files: MODEL_FILES }),
    gives: MODEL_FILES,
  },
  uploadModel: {
    ask: () => models.upload([new File(['{}'], 'model.json')]),
    sends: { files: [{ name: 'model.json' }] },
    moves: 1,
    answer: (requestId) => ({
      type: 'modelImported',
      requestId,
      spec: SPEC,
      inputShape: [2],
      notes: [],
      entry: null,
    }),
    gives: { kind: 'design', spec: SPEC, inputShape: [2], notes: [], entry: null },
  },
  listRuns: {
    ask: () => runs.list(),
    sends: {},
    moves: 0,
    answer: (requestId) => ({ type: 'runList', requestId, runs: [RUN_SUMMARY] }),
    gives: [RUN_SUMMARY],
  },
  getRunCurves: {
    ask: () => runs.curves('run-1', CURVE_CURSOR),
    sends: { id: 'run-1', since: CURVE_CURSOR },
    moves: 0,
    answer: (requestId) => ({ type: 'runCurves', requestId, id: 'run-1', read: CURVE_READ }),
    gives: CURVE_READ,
  },
  updateRun: {
    ask: () => runs.rename('run-1', 'lr 0.1'),
    sends: { id: 'run-1', name: 'lr 0.1' },
    moves: 0,
    answer: (requestId) => ({ type: 'runList', requestId, runs: [RUN_SUMMARY] }),
    gives: [RUN_SUMMARY],
  },
  deleteRun: {
    ask: () => runs.remove('run-1'),
    sends: { id: 'run-1' },
    moves: 0,
    answer: (requestId) => ({ type: 'runList', requestId, runs: [] }),
    gives: [],
  },
  generate: {
    ask: () => generation.generate('To be', DEFAULT_GENERATION, 40),
    sends: { prompt: 'To be', options: DEFAULT_GENERATION, step: 40 },
    moves: 0,
    answer: (requestId) => ({ type: 'generated', requestId, result: WRITTEN }),
    gives: WRITTEN,
  },
});

/** Sends the request of `type` and returns its promise and the command the worker got. */
async function send(type: RequestType) {
  const asked = requests()[type].ask();
  const { command, transfer } = await worker().next();
  if (!('requestId' in command)) throw new Error(`${command.type} carries no request id`);
  return { asked, command, transfer };
}

const requestTypes = Object.keys(requests()) as RequestType[];

describe('the bridge: requests', () => {
  it('sends every request type and resolves with what its answer carries', async () => {
    for (const type of requestTypes) {
      const c = requests()[type];
      const { asked, command, transfer } = await send(type);
      expect(command).toMatchObject({ type, ...c.sends });
      expect(transfer).toHaveLength(c.moves);
      worker().emit(c.answer(command.requestId));
      await expect(asked).resolves.toEqual(c.gives);
    }
  });

  it("rejects every request type with the worker's message when it answers `failed`", async () => {
    const why = message('worker.savedModelGone');
    for (const type of requestTypes) {
      const { asked, command } = await send(type);
      worker().emit({ type: 'failed', requestId: command.requestId, message: why });
      const error: unknown = await asked.then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(MessageError);
      expect((error as MessageError).userMessage).toEqual(why);
    }
  });

  it('answers each request with its own answer, whatever the order they come in', async () => {
    const first = await send('listModels');
    const second = await send('exportModel');
    worker().emit({ type: 'modelFiles', requestId: second.command.requestId, files: MODEL_FILES });
    worker().emit({ type: 'modelList', requestId: first.command.requestId, entries: [] });
    await expect(first.asked).resolves.toEqual([]);
    await expect(second.asked).resolves.toEqual(MODEL_FILES);
  });

  it('gives an uploaded LayerLab model as a saved model', async () => {
    const { asked, command } = await send('uploadModel');
    worker().emit({ type: 'modelSaved', requestId: command.requestId, entry: SAVED_MODEL });
    await expect(asked).resolves.toEqual({ kind: 'saved', entry: SAVED_MODEL });
  });
});

const RUN = 7;
const TRAIN = {
  step: 1,
  epoch: 0,
  batches: 1,
  loss: 0.5,
  accuracy: 0.75,
  samplesPerSec: 100,
  learningRate: 0.01,
  tensors: 10,
  gpuBytes: 0,
};
const VALIDATION = { step: 1, epoch: 0, loss: 0.6, accuracy: 0.7 };

/** Every event that answers no request: sent by the worker, and what the store shows then. */
const EVENTS: {
  [T in Exclude<WorkerEvent['type'], AnswerEvent['type'] | 'failed'>]: {
    event: Extract<WorkerEvent, { type: T }>;
    /** Checks its effect; `before` is the state the event arrived in. */
    shows(before: ReturnType<typeof useStore.getState>): void | Promise<void>;
  };
} = {
  ready: { event: { type: 'ready' }, shows: (before) => expect(useStore.getState()).toBe(before) },
  phase: {
    event: { type: 'phase', runId: RUN, phase: 'paused', message: null },
    shows: () => expect(useStore.getState().phase).toBe('paused'),
  },
  progress: {
    event: {
      type: 'progress',
      runId: RUN,
      message: message('worker.nothingToSave'),
      fraction: 0.5,
    },
    shows: () => expect(useStore.getState().progressFraction).toBe(0.5),
  },
  backend: {
    // The bridge stores the report as it is.
    event: { type: 'backend', runId: RUN, report: { backend: 'cpu' } as BackendReport },
    shows: () => expect(useStore.getState().backend).toEqual({ backend: 'cpu' }),
  },
  dataInfo: {
    event: {
      type: 'dataInfo',
      runId: RUN,
      trainCount: 80,
      validationCount: 20,
      testCount: 0,
      stepsPerEpoch: 3,
    },
    shows: () =>
      expect(useStore.getState().dataInfo).toEqual({
        trainCount: 80,
        validationCount: 20,
        testCount: 0,
        stepsPerEpoch: 3,
      }),
  },
  train: {
    event: { type: 'train', runId: RUN, record: TRAIN },
    shows: () => {
      bridge.flushFrame(); // records wait for the next frame
      expect(useStore.getState().train.at(-1)).toEqual(TRAIN);
    },
  },
  validation: {
    event: { type: 'validation', runId: RUN, record: VALIDATION },
    shows: () => {
      bridge.flushFrame();
      expect(useStore.getState().validation.at(-1)).toEqual(VALIDATION);
    },
  },
  test: {
    event: { type: 'test', runId: RUN, record: { step: 3, count: 10, loss: 0.4, accuracy: 0.9 } },
    shows: () => expect(useStore.getState().test?.accuracy).toBe(0.9),
  },
  probe: {
    event: {
      type: 'probe',
      runId: RUN,
      result: { step: 3, rewound: false, samplesFrom: 'validation' },
    },
    shows: () => {
      bridge.flushFrame();
      expect(useStore.getState().probe).toEqual({
        step: 3,
        rewound: false,
        samplesFrom: 'validation',
      });
    },
  },
  restored: {
    event: {
      type: 'restored',
      runId: RUN,
      step: 1,
      epoch: 0,
      history: { train: [TRAIN], validation: [] },
      notes: [message('worker.weightsNotLoaded')],
    },
    shows: () => {
      expect(useStore.getState().train).toEqual([TRAIN]);
      expect(useStore.getState().notice).not.toBeNull();
    },
  },
  runBegan: {
    event: { type: 'runBegan', runId: RUN, summary: { ...RUN_SUMMARY, id: 'run-3', createdAt: 1 } },
    shows: () => {
      expect(useStore.getState().currentRecord).toBe('run-3');
      expect(useStore.getState().runHistory[0]?.id).toBe('run-3');
    },
  },
  pair: {
    event: {
      type: 'pair',
      runId: RUN,
      partnerRunId: RUN + 100,
      mode: 'sequential',
      bytes: 600,
      budget: 500,
    },
    shows: () =>
      expect(useStore.getState().pair).toMatchObject({
        mode: 'sequential',
        partnerRunId: RUN + 100,
      }),
  },
  runUpdated: {
    event: { type: 'runUpdated', summary: { ...RUN_SUMMARY, id: 'run-2', createdAt: 2 } },
    shows: () => expect(useStore.getState().runHistory[0]?.id).toBe('run-2'),
  },
  runsChanged: {
    // The list after another tab's change replaces the one shown.
    event: { type: 'runsChanged', runs: [{ ...RUN_SUMMARY, id: 'run-9', createdAt: 9 }] },
    shows: () => expect(useStore.getState().runHistory.map((run) => run.id)).toEqual(['run-9']),
  },
  runsEvicted: {
    event: { type: 'runsEvicted', ids: ['run-2', 'run-3'], names: ['', 'wide'], numbers: [2, 3] },
    shows: () => {
      expect(useStore.getState().runHistory.map((run) => run.id)).not.toContain('run-2');
      const notice = useStore.getState().notice;
      expect(notice).toMatchObject({ key: 'notices.runsEvicted' });
      // An unnamed run is named as the Runs panel names it, in the page's language.
      expect(notice && englishText(notice)).toContain('deleted: Run 2, wide.');
    },
  },
  checkpointsStopped: {
    event: { type: 'checkpointsStopped', runId: 'run-1', reason: 'quota' },
    shows: () =>
      expect(useStore.getState().notice).toMatchObject({ key: 'notices.checkpointsQuota' }),
  },
  backendMeasured: {
    event: {
      type: 'backendMeasured',
      runId: RUN,
      report: {
        backend: 'webgl',
        reason: message('worker.backend.stepPassed'),
        trials: [],
        measuredAt: 5,
      },
    },
    shows: () => expect(useStore.getState().backgroundBackend).toMatchObject({ backend: 'webgl' }),
  },
  deviceLost: {
    event: { type: 'deviceLost', message: message('worker.deviceLostNoReason') },
    shows: (before) => {
      expect(useStore.getState()).toMatchObject({
        phase: 'error',
        phaseMessage: message('worker.deviceLostNoReason'),
      });
      expect(before).not.toBe(useStore.getState());
    },
  },
};

describe('the bridge: worker events', () => {
  beforeEach(() => {
    useStore.setState({ runId: RUN, phase: 'training', train: [], validation: [], notice: null });
  });

  it('shows what every other event type says', async () => {
    for (const { event, shows } of Object.values(EVENTS)) {
      const before = useStore.getState();
      worker().emit(event);
      await shows(before);
    }
  });

  it("ignores a run's events once another run is current", () => {
    useStore.setState({ runId: RUN + 1 });
    const before = useStore.getState();
    worker().emit({ ...EVENTS.phase.event, runId: RUN });
    worker().emit({ ...EVENTS.test.event, runId: RUN });
    // The GPUs timed for the earlier run's model are not shown under another model's report.
    worker().emit({ ...EVENTS.backendMeasured.event, runId: RUN });
    expect(useStore.getState()).toBe(before);
  });

  it("drops a background timing once a new run's backend report comes", () => {
    useStore.setState({ backgroundBackend: EVENTS.backendMeasured.event.report });
    worker().emit(EVENTS.backend.event);
    expect(useStore.getState().backgroundBackend).toBeNull();
  });

  it('follows a pair: A and B compared as they are recorded, A kept out of the live curves', () => {
    const A = RUN + 100;
    useStore.setState({
      pair: { partnerRunId: A, partnerRecord: null, mode: 'interleaved', bytes: 1, budget: 2 },
      comparedRuns: ['old'],
    });
    worker().emit({ type: 'runBegan', runId: A, summary: { ...RUN_SUMMARY, id: 'run-a' } });
    expect(useStore.getState().pair?.partnerRecord).toBe('run-a');
    expect(useStore.getState().comparedRuns).toEqual(['run-a']);
    expect(useStore.getState().currentRecord).not.toBe('run-a');
    worker().emit({ type: 'runBegan', runId: RUN, summary: { ...RUN_SUMMARY, id: 'run-b' } });
    expect(useStore.getState().comparedRuns).toEqual(['run-a', 'run-b']);
    expect(useStore.getState().currentRecord).toBe('run-b');
    worker().emit({ type: 'train', runId: A, record: TRAIN });
    bridge.flushFrame();
    expect(useStore.getState().train).toEqual([]);
  });

  it('sends "Train A and B" as one start that carries A under a number of its own', async () => {
    const { currentExperiment } = await import('../state/store');
    const a = currentExperiment(useStore.getState());
    a.training = { ...a.training, learningRate: 0.5 };
    bridge.training.trainPair(a);
    const { command } = await worker().next();
    if (command.type !== 'start') throw new Error(`sent ${command.type}`);
    const { request } = command;
    expect(request.partner).toEqual({
      runId: request.partner?.runId,
      spec: a.spec,
      training: a.training,
    });
    expect(request.partner?.runId).not.toBe(request.runId);
    expect(useStore.getState().pair).toMatchObject({
      partnerRunId: request.partner?.runId,
      mode: null,
    });
  });

  it('restarts a worker whose device was lost, refusing the requests it left unanswered', async () => {
    useFakeClock();
    try {
      const lost = worker();
      lost.emit({ type: 'ready' }); // a device is lost only once the worker had started
      await vi.advanceTimersByTimeAsync(10_000);
      const { asked } = await send('listModels');
      lost.emit(EVENTS.deviceLost.event);
      await expect(asked).rejects.toThrow(MessageError);
      expect(lost.terminated).toBe(true);
      expect(worker()).not.toBe(lost);
      worker().emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a replacement waiting from an earlier failure gives way to the next one’s delay', async () => {
    useFakeClock();
    try {
      crash(worker()); // it had lasted: replaced at once
      const first = worker();
      first.emit({ type: 'ready' });
      crash(first); // short-lived: its replacement waits 1 s
      expect(worker()).toBe(first);
      // Meanwhile a request starts one, which fails at once: the next waits 4 s.
      void models.list().catch(() => undefined);
      const byRequest = worker();
      expect(byRequest).not.toBe(first);
      crash(byRequest);
      await vi.advanceTimersByTimeAsync(1000);
      expect(worker(), 'the 1 s replacement was called off').toBe(byRequest);
      await vi.advanceTimersByTimeAsync(3000);
      expect(worker(), 'the 4 s one starts').not.toBe(byRequest);
      worker().emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a device lost again and again soon after each start is not chased in a loop', async () => {
    useFakeClock();
    try {
      const first = worker();
      first.emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000);
      let lost = first;
      // Each new worker says ready, then loses its device at once (the reopened run touches the
      // GPU): the first loss is replaced at once, the quick ones ever later, then not at all.
      for (const seconds of [0, 1, 4, 15]) {
        lost.emit(EVENTS.deviceLost.event);
        if (seconds > 0) {
          expect(worker(), `after ${seconds} s, not before`).toBe(lost);
          await vi.advanceTimersByTimeAsync(seconds * 1000);
        }
        expect(worker()).not.toBe(lost);
        lost = worker();
        lost.emit({ type: 'ready' });
      }
      lost.emit(EVENTS.deviceLost.event);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(worker(), 'none started behind the notice').toBe(lost);
      expect(englishText(useStore.getState().notice!)).toMatch(/4 times in a row/);
      // The user's next request starts one, which is trusted again once it lasts.
      void models.list().catch(() => undefined);
      worker().emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a worker that keeps failing at start is restarted ever later, then not on its own', async () => {
    useFakeClock();
    try {
      const notice = () =>
        englishText(useStore.getState().notice ?? message('common.verbatim', { text: '' }));
      let reopened = 0;
      bridge.onWorkerRestart(() => reopened++);
      const started = worker();
      started.emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000); // it lasted a while
      crash(started);
      expect(reopened, 'told at once: its successor is running').toBe(1);
      // It had started: its successor starts at once.
      expect(worker()).not.toBe(started);
      expect(notice()).toMatch(/crashed \(boom\)\. A new worker was started/);

      for (const [seconds, failures] of [
        [1, 1],
        [4, 2],
        [15, 3],
      ] as const) {
        const failing = worker();
        crash(failing); // before it said ready
        expect(worker(), `${failures}: none at once`).toBe(failing);
        expect(notice()).toContain(`A new worker starts in ${seconds} s`);
        await vi.advanceTimersByTimeAsync(seconds * 1000 - 1);
        expect(worker()).toBe(failing);
        // Nothing that would talk to a worker (and so start one) runs before the delay is up.
        expect(reopened).toBe(failures);
        await vi.advanceTimersByTimeAsync(1);
        expect(worker(), `${failures}: one after ${seconds} s`).not.toBe(failing);
      }
      const last = worker();
      crash(last);
      expect(notice()).toMatch(
        /failed to start, or stopped soon after, 4 times in a row, so it is not restarted on its own/,
      );
      await vi.advanceTimersByTimeAsync(120_000);
      expect(worker()).toBe(last);
      expect(reopened, 'no listener starts one behind the notice’s back').toBe(4);

      // The user's next request starts one; once it says ready, a crash restarts at once again.
      void models.list().catch(() => undefined);
      const fresh = worker();
      expect(fresh).not.toBe(last);
      fresh.emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000);
      crash(fresh);
      expect(worker()).not.toBe(fresh);
      worker().emit({ type: 'ready' });
      await vi.advanceTimersByTimeAsync(10_000);
    } finally {
      vi.useRealTimers();
    }
  });
});

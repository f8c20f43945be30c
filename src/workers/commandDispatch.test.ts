/** The worker's real dispatch: every command reaches its part, and every request gets one answer. */
import { describe, expect, it } from 'vitest';
import type { UserDatasetEntry } from '../data/datasets';
import { englishText } from '../shared/messages/englishText';
import { message } from '../shared/messages/message';
import { MessageError } from '../shared/messages/messageError';
import type {
  BrowseRequest,
  Command,
  ProbeSettings,
  RequestBody,
  RequestCommand,
  RequestType,
  SavedModelEntry,
  StartRequest,
  UploadedFile,
  WorkerEvent,
} from '../shared/protocol';
import { createDispatch, type Answer, type RequestHandlers } from './commandDispatch';
import { DEFAULT_GENERATION, type GeneratedText } from '../shared/generationOptions';

// The dispatch hands payloads on without reading them, so the tests give partial ones.
const START = { runId: 1 } as StartRequest;
const BROWSE = { offset: 0, limit: 10 } as BrowseRequest;
const PROBE_SETTINGS = { intervalMs: 250, frozen: false } as ProbeSettings;
const USER_DATASET = { id: 'user:1' } as UserDatasetEntry;
const SAVED_MODEL = { id: 'model:1' } as SavedModelEntry;
const SAVE = { name: 'm' } as RequestBody<'saveModel'>;
const UPLOAD = { files: [] as UploadedFile[] } as RequestBody<'uploadModel'>;
const WRITTEN = { window: 'To be', tokens: [] } as unknown as GeneratedText;

type Part = 'session' | 'probes' | 'deleteUserData' | 'forgetBackendChoices';

/** One command of each type that gets no answer, and the part it must reach. */
const UNANSWERED: {
  [T in Exclude<Command['type'], RequestType>]: {
    command: Extract<Command, { type: T }>;
    reaches: Part;
  };
} = {
  start: { command: { type: 'start', request: START }, reaches: 'session' },
  pause: { command: { type: 'pause' }, reaches: 'session' },
  resume: { command: { type: 'resume' }, reaches: 'session' },
  step: { command: { type: 'step' }, reaches: 'session' },
  stop: { command: { type: 'stop' }, reaches: 'session' },
  reset: { command: { type: 'reset' }, reaches: 'session' },
  setLearningRate: { command: { type: 'setLearningRate', learningRate: 0.1 }, reaches: 'session' },
  setEpochs: { command: { type: 'setEpochs', epochs: 4 }, reaches: 'session' },
  setProbes: { command: { type: 'setProbes', settings: PROBE_SETTINGS }, reaches: 'probes' },
  deleteUserData: { command: { type: 'deleteUserData', id: 'user:1' }, reaches: 'deleteUserData' },
  forgetBackendChoices: {
    command: { type: 'forgetBackendChoices' },
    reaches: 'forgetBackendChoices',
  },
};

/** One command of each request type (together with UNANSWERED: every command type). */
const REQUESTS: { [T in RequestType]: RequestCommand<T> } = {
  importData: {
    type: 'importData',
    requestId: 1,
    files: [],
    options: { imageSize: [28, 28], channels: 1 },
    replaceId: null,
  },
  browse: { type: 'browse', requestId: 2, request: BROWSE },
  saveModel: { type: 'saveModel', requestId: 3, ...SAVE },
  listModels: { type: 'listModels', requestId: 4 },
  deleteModel: { type: 'deleteModel', requestId: 5, id: 'model:1' },
  exportModel: { type: 'exportModel', requestId: 6, id: 'model:1' },
  uploadModel: { type: 'uploadModel', requestId: 7, ...UPLOAD },
  listRuns: { type: 'listRuns', requestId: 8 },
  getRunCurves: { type: 'getRunCurves', requestId: 9, id: 'run-1' },
  updateRun: { type: 'updateRun', requestId: 10, id: 'run-1', pinned: true },
  deleteRun: { type: 'deleteRun', requestId: 11, id: 'run-1' },
  generate: {
    type: 'generate',
    requestId: 12,
    prompt: 'To be',
    options: DEFAULT_GENERATION,
    step: null,
  },
};

/** Each request's canned answer. */
const answers = (): { [T in RequestType]: Answer<T> } => ({
  importData: { type: 'imported', entry: USER_DATASET, columns: null },
  browse: {
    type: 'samples',
    page: {
      total: 1,
      offset: 0,
      count: 1,
      x: new Float32Array([0.5, 0.25]),
      y: new Int32Array([1]),
      raw: new Float32Array([5, 2.5]),
      featureNames: ['a', 'b'],
      texts: null,
      tokens: null,
      labelTokens: null,
      classCounts: [0, 1],
      normalization: message('worker.normalization.none'),
      notes: [],
    },
  },
  saveModel: { type: 'modelSaved', entry: SAVED_MODEL },
  listModels: { type: 'modelList', entries: [SAVED_MODEL] },
  deleteModel: { type: 'modelList', entries: [] },
  exportModel: {
    type: 'modelFiles',
    files: [
      { name: 'm.json', bytes: new ArrayBuffer(4) },
      { name: 'm.weights.bin', bytes: new ArrayBuffer(8) },
    ],
  },
  uploadModel: {
    type: 'modelImported',
    spec: { version: 1, layers: [] },
    inputShape: [2],
    notes: [],
    entry: null,
  },
  listRuns: { type: 'runList', runs: [] },
  getRunCurves: {
    type: 'runCurves',
    id: 'run-1',
    read: {
      curves: { train: [], validation: [] },
      appended: false,
      cursor: { reopened: 0, train: 0, validation: 0 },
    },
  },
  updateRun: { type: 'runList', runs: [] },
  deleteRun: { type: 'runList', runs: [] },
  generate: { type: 'generated', result: WRITTEN },
});

/**
 * The real dispatch over fakes that log what reached them. `fail`: every handler and the session
 * throw it; `requests`: handlers used instead of the canned ones.
 */
function worker({ fail, requests }: { fail?: unknown; requests?: Partial<RequestHandlers> } = {}) {
  const reached: [Part | RequestType, Command][] = [];
  const posted: { event: WorkerEvent; transfer: Transferable[] }[] = [];
  const canned = answers();
  const handler =
    <T extends RequestType>(type: T) =>
    async (command: RequestCommand<T>): Promise<Answer<T>> => {
      reached.push([type, command]);
      if (fail !== undefined) throw fail;
      return canned[type];
    };
  const dispatch = createDispatch(
    {
      session: {
        handle: async (command) => {
          reached.push(['session', command]);
          if (fail !== undefined) throw fail;
        },
      },
      probes: { update: (settings) => reached.push(['probes', { type: 'setProbes', settings }]) },
      deleteUserData: async (id) => {
        reached.push(['deleteUserData', { type: 'deleteUserData', id }]);
      },
      forgetBackendChoices: async () => {
        reached.push(['forgetBackendChoices', { type: 'forgetBackendChoices' }]);
      },
      requests: {
        importData: handler('importData'),
        browse: handler('browse'),
        saveModel: handler('saveModel'),
        listModels: handler('listModels'),
        deleteModel: handler('deleteModel'),
        exportModel: handler('exportModel'),
        uploadModel: handler('uploadModel'),
        listRuns: handler('listRuns'),
        getRunCurves: handler('getRunCurves'),
        updateRun: handler('updateRun'),
        deleteRun: handler('deleteRun'),
        generate: handler('generate'),
        ...requests,
      },
    },
    (event, transfer = []) => posted.push({ event, transfer }),
  );
  return { dispatch, reached, posted, canned };
}

/** Lets the handlers' promises settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

const requestTypes = Object.keys(REQUESTS) as RequestType[];

describe('the worker dispatch', () => {
  it('hands every command type to its part, and to nothing else', async () => {
    const cases: [Part | RequestType, Command][] = [
      ...Object.values(UNANSWERED).map(({ command, reaches }): [Part, Command] => [
        reaches,
        command,
      ]),
      ...requestTypes.map((type): [RequestType, Command] => [type, REQUESTS[type]]),
    ];
    for (const [part, command] of cases) {
      const w = worker();
      w.dispatch(command);
      await settled();
      expect(w.reached).toEqual([[part, command]]);
    }
  });

  it("answers each request with its handler's answer under the request's id", async () => {
    const w = worker();
    for (const type of requestTypes) w.dispatch(REQUESTS[type]);
    await settled();
    expect(w.posted.map((p) => p.event)).toEqual(
      requestTypes.map((type) => ({ ...w.canned[type], requestId: REQUESTS[type].requestId })),
    );
  });

  it("moves a page's samples and a model's files instead of copying them", async () => {
    const w = worker();
    w.dispatch(REQUESTS.browse);
    w.dispatch(REQUESTS.exportModel);
    w.dispatch(REQUESTS.listModels);
    await settled();
    const { x, y, raw } = w.canned.browse.page;
    const moved = [
      [x.buffer, y.buffer, raw?.buffer],
      w.canned.exportModel.files.map((f) => f.bytes),
      [],
    ];
    expect(w.posted).toHaveLength(moved.length);
    // The very buffers of the answer, not copies of them.
    w.posted.forEach(({ transfer }, i) => {
      expect(transfer).toHaveLength(moved[i]?.length ?? -1);
      transfer.forEach((buffer, j) => expect(buffer).toBe(moved[i]?.[j]));
    });
  });

  it('answers a request that fails with `failed` and its message, for every request type', async () => {
    const why = message('worker.nothingToSave');
    const w = worker({ fail: new MessageError(why) });
    for (const type of requestTypes) w.dispatch(REQUESTS[type]);
    await settled();
    expect(w.posted.map((p) => p.event)).toEqual(
      requestTypes.map((type) => ({
        type: 'failed',
        requestId: REQUESTS[type].requestId,
        message: why,
      })),
    );
  });

  it("answers `failed` with a library's own text, also when a handler throws before awaiting", async () => {
    const w = worker({
      requests: {
        listModels: () => {
          throw new Error('IndexedDB is closed.');
        },
      },
    });
    w.dispatch(REQUESTS.listModels);
    await settled();
    const [failed] = w.posted.map((p) => p.event);
    expect(failed).toMatchObject({ type: 'failed', requestId: REQUESTS.listModels.requestId });
    expect(failed?.type === 'failed' && englishText(failed.message)).toBe('IndexedDB is closed.');
  });

  it('reports a session command that throws as an error phase', async () => {
    const w = worker({ fail: new MessageError(message('worker.nothingToSave')) });
    w.dispatch(UNANSWERED.step.command);
    await settled();
    expect(w.posted.map((p) => p.event)).toEqual([
      { type: 'phase', runId: -1, phase: 'error', message: message('worker.nothingToSave') },
    ]);
  });

  it('names a command type it does not know', () => {
    expect(() => worker().dispatch({ type: 'explode' } as unknown as Command)).toThrow(
      'Unhandled command: {"type":"explode"}',
    );
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishText } from '../../shared/messages/englishText';

/** The English text of the latest event's message (a phase's, or a failure's). */
function lastMessage(h: { events: WorkerEvent[] }): string {
  const last = h.events.at(-1);
  return last && 'message' in last && last.message ? englishText(last.message) : '';
}
import { makeExperiment } from '../../shared/experiment';
import type {
  RequestCommand,
  SavedModelEntry,
  TrainRecord,
  UploadedFile,
  WorkerEvent,
} from '../../shared/protocol';
import type { Answer } from '../commandDispatch';
import { refusal } from '../testing/refusal';
import { harness, request, type Harness } from '../testing/sessionHarness';
import type { ModelSpec } from '../../models/spec';
import {
  MAX_HISTORY_RECORDS,
  modelHandlers,
  thinHistory,
  type ModelServiceDeps,
} from './modelService';
import { createMemorySavedModelStore, type SavedModelStore } from './savedModelStore';
import { fileStem } from './modelFiles';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** No dropout: two runs from the same state must take exactly the same steps. */
const SPEC: ModelSpec = {
  version: 1,
  layers: [
    { id: 'h1', kind: 'dense', units: 16, activation: 'relu' },
    { id: 'h2', kind: 'dense', units: 8, activation: 'tanh' },
    { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
  ],
};

let nextRequest = 1;
let nextModel = 1;

function deps(h: Harness, store: SavedModelStore): ModelServiceDeps {
  return {
    store,
    currentRun: () => h.session.currentRun,
    backend: () => tf.getBackend(),
    newId: () => `model:${nextModel++}`,
    now: () => new Date(Date.UTC(2026, 10, 23, 12, nextModel)),
  };
}

function sessionWith(store: SavedModelStore): Harness {
  return harness({ loadSavedModel: (id) => store.getModel(id) });
}

const experiment = (name = '') =>
  makeExperiment({
    name,
    spec: SPEC,
    dataset: request().dataset,
    training: request().training,
    views: { open: [], intervalMs: 250 },
  });

/** The worker's model request handlers, keeping the models of `h`'s session in `store`. */
function models(h: Harness, store: SavedModelStore) {
  return modelHandlers(deps(h, store));
}

/** A well-formed train record, as a run keeps it. */
const RECORD: TrainRecord = {
  step: 1,
  epoch: 0,
  batches: 1,
  loss: 0.69,
  accuracy: 0.5,
  samplesPerSec: 1200,
  learningRate: 0.01,
  gradientNorm: null,
  tensors: 40,
  gpuBytes: 0,
};

function saveCommand(name: string, train: TrainRecord[] = []): RequestCommand<'saveModel'> {
  return {
    type: 'saveModel',
    requestId: nextRequest++,
    name,
    experiment: experiment(name),
    metrics: {
      trainLoss: train.at(-1)?.loss ?? null,
      trainAccuracy: null,
      valLoss: null,
      valAccuracy: null,
      testAccuracy: null,
    },
    history: { train, validation: [] },
  };
}

function expectType<T extends Answer['type']>(
  answer: Answer,
  type: T,
): Extract<Answer, { type: T }> {
  if (answer.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(answer)}`);
  return answer as Extract<Answer, { type: T }>;
}

/** Starts paused after one step, then steps until `steps` were done; each step gives one record. */
async function trainSteps(
  h: Harness,
  steps: number,
  optimizer: 'adam' | 'momentum' | 'rmsprop' | 'adagrad' | 'sgd',
) {
  const req = request({
    spec: SPEC,
    pauseAfterFirstStep: true,
    training: { optimizer, epochs: 100 },
  });
  await h.session.handle({ type: 'start', request: req });
  for (let s = 1; s < steps; s++) await h.session.handle({ type: 'step' });
  return req;
}

async function stepLosses(h: Harness, runId: number, steps: number): Promise<number[]> {
  const before = h.trains(runId).length;
  for (let s = 0; s < steps; s++) await h.session.handle({ type: 'step' });
  return h
    .trains(runId)
    .slice(before)
    .map((r) => r.loss);
}

async function validationOutputs(h: Harness): Promise<Float32Array> {
  const run = h.session.currentRun;
  if (!run?.data.validation) throw new Error('no run');
  const x = tf.tensor(run.data.validation.x, [run.data.validation.count, 2]);
  const y = run.model.predict(x) as tf.Tensor;
  const values = (await y.data()) as Float32Array;
  tf.dispose([x, y]);
  return values;
}

describe('saved models', () => {
  // 10 steps per epoch here, so 25 steps cross two epoch boundaries (two reshuffles to replay).
  for (const optimizer of ['adam', 'momentum', 'rmsprop', 'adagrad', 'sgd'] as const) {
    it(`${optimizer}: save, then load in a fresh session, continues exactly where it stopped`, async () => {
      const store = createMemorySavedModelStore();
      const first = sessionWith(store);
      const req = await trainSteps(first, 25, optimizer);
      const saved = await models(first, store).saveModel(
        saveCommand('spiral run', first.trains(req.runId)),
      );
      expect(saved.entry).toMatchObject({
        name: 'spiral run',
        step: 25,
        epoch: 2,
        source: 'trained',
      });
      expect(saved.entry.params).toBe(2 * 16 + 16 + 16 * 8 + 8 + 8 * 2 + 2);
      const expectedOutputs = await validationOutputs(first);
      const continued = await stepLosses(first, req.runId, 8);
      await first.session.handle({ type: 'reset' });

      const second = sessionWith(store);
      const restoreReq = request({
        spec: SPEC,
        restoreFrom: { kind: 'savedModel', id: saved.entry.id },
        training: { optimizer, epochs: 100 },
      });
      await second.session.handle({ type: 'start', request: restoreReq });
      expect(second.session.phase).toBe('paused');
      const restored = second.events.find((e) => e.type === 'restored');
      expect(restored).toMatchObject({ step: 25, epoch: 2, notes: [] });
      expect(restored?.type === 'restored' && restored.history.train.length).toBe(25);
      // Identical predictions after loading, before any step.
      expect(Array.from(await validationOutputs(second))).toEqual(Array.from(expectedOutputs));
      // And the next steps are the ones the first run took: same batches, same optimizer state.
      const resumed = await stepLosses(second, restoreReq.runId, 8);
      if (optimizer === 'adam') {
        // tfjs's Adam.setWeights recomputes β₁ᵗ and β₂ᵗ with one pow() where the live run
        // multiplied step by step: float32 rounding differs in the 7th digit, nothing more.
        resumed.forEach((loss, i) => expect(loss).toBeCloseTo(continued[i] ?? NaN, 6));
      } else {
        expect(resumed).toEqual(continued);
      }
      expect(second.trains(restoreReq.runId)[0]?.step).toBe(26);
      await second.session.handle({ type: 'reset' });
    });
  }

  it('downloads as model.json + weights and uploads back to an identical model', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    await trainSteps(h, 12, 'adam');
    const saved = await models(h, store).saveModel(saveCommand('Spiral / 模型 #1'));
    const { files } = await models(h, store).exportModel({
      type: 'exportModel',
      requestId: nextRequest++,
      id: saved.entry.id,
    });
    const stem = fileStem('Spiral / 模型 #1');
    expect(files.map((f) => f.name)).toEqual([`${stem}.json`, `${stem}.weights.bin`]);
    const json = JSON.parse(new TextDecoder().decode(files[0]?.bytes)) as {
      format: string;
      weightsManifest: { paths: string[]; weights: { name: string; group?: string }[] }[];
    };
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0]?.paths).toEqual([`${stem}.weights.bin`]);
    const names = json.weightsManifest[0]?.weights.map((w) => w.name) ?? [];
    expect(names.slice(0, 2)).toEqual(['dense_1/kernel', 'dense_1/bias']);
    expect(json.weightsManifest[0]?.weights.some((w) => w.group === 'optimizer')).toBe(true);

    // tfjs itself reads the files (LayerLab's weights and topology are standard).
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: (json as unknown as { modelTopology: object }).modelTopology,
        weightSpecs: (json.weightsManifest[0]?.weights ?? []) as tf.io.WeightsManifestEntry[],
        weightData: files[1]?.bytes as ArrayBuffer,
      }),
    );
    const probe = tf.tensor2d([[0.3, -0.7]]);
    const fromFile = loaded.predict(probe) as tf.Tensor;
    const live = h.session.model?.predict(probe) as tf.Tensor;
    expect(Array.from(await fromFile.data())).toEqual(Array.from(await live.data()));
    tf.dispose([probe, fromFile, live]);
    loaded.dispose();

    const uploaded = expectType(
      await models(h, store).uploadModel({
        type: 'uploadModel',
        requestId: nextRequest++,
        files: files.map((f) => ({ name: f.name, bytes: f.bytes.slice(0) })),
        experiment: experiment(),
      }),
      'modelSaved',
    );
    expect(uploaded.entry).toMatchObject({
      name: 'Spiral / 模型 #1',
      step: 12,
      source: 'uploaded',
    });
    expect(uploaded.entry.id).not.toBe(saved.entry.id);
    const list = await models(h, store).listModels({ type: 'listModels', requestId: 1 });
    expect(list.entries).toHaveLength(2);
    const afterDelete = await models(h, store).deleteModel({
      type: 'deleteModel',
      requestId: 2,
      id: saved.entry.id,
    });
    expect(afterDelete.entries.map((e: SavedModelEntry) => e.id)).toEqual([uploaded.entry.id]);
    await h.session.handle({ type: 'reset' });
  });

  it('a diverged run’s history (NaN loss, written null in JSON) uploads back as NaN', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    await trainSteps(h, 3, 'adam');
    const history = [RECORD, { ...RECORD, step: 2, loss: Number.NaN, samplesPerSec: Infinity }];
    const saved = await models(h, store).saveModel(saveCommand('diverged', history));
    const { files } = await models(h, store).exportModel({
      type: 'exportModel',
      requestId: nextRequest++,
      id: saved.entry.id,
    });
    const uploaded = expectType(
      await models(h, store).uploadModel({
        type: 'uploadModel',
        requestId: nextRequest++,
        files,
        experiment: experiment(),
      }),
      'modelSaved',
    );
    const train = (await store.getModel(uploaded.entry.id))?.history.train ?? [];
    expect(train.map((r) => r.loss)).toEqual([RECORD.loss, Number.NaN]);
    expect(train[1]?.samplesPerSec).toBeNaN();
    await h.session.handle({ type: 'reset' });
  });

  it('refuses bad uploads with a message naming the problem, storing nothing', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    await trainSteps(h, 3, 'adam');
    const saved = await models(h, store).saveModel(saveCommand('good'));
    const exported = await models(h, store).exportModel({
      type: 'exportModel',
      requestId: 1,
      id: saved.entry.id,
    });
    const [json, bin] = exported.files as [UploadedFile, UploadedFile];
    const text = new TextDecoder().decode(json.bytes);
    const file = (name: string, content: string | ArrayBuffer): UploadedFile => ({
      name,
      bytes: typeof content === 'string' ? new TextEncoder().encode(content).buffer : content,
    });
    type Layerlab = { step: unknown; history: { train: Record<string, unknown>[] } };
    const edited = (change: (layerlab: Layerlab) => void) => {
      const copy = JSON.parse(text) as { userDefinedMetadata: { layerlab: Layerlab } };
      change(copy.userDefinedMetadata.layerlab);
      return file(json.name, JSON.stringify(copy));
    };
    const badStep = edited((l) => (l.step = 'many'));
    // A record the charts would read: its loss a word, not a number.
    const badRecord = edited((l) => (l.history.train = [{ ...RECORD, loss: 'low' }]));
    const cases: [UploadedFile[], RegExp][] = [
      [[bin], /no \.json file was chosen/],
      [[file('model.json', '{"modelTopology": '), bin], /model\.json is not valid JSON/],
      [
        [file('model.json', '{"weights": []}'), bin],
        /model\.json: This is not a Keras or TensorFlow\.js model: .*"modelTopology"/,
      ],
      [[json], /needs the weight file ".*\.weights\.bin"/],
      [
        [json, file(bin.name, bin.bytes.slice(0, 100))],
        /hold 100 bytes but the manifest describes/,
      ],
      [[badStep, bin], /LayerLab's record in it is damaged \(step/],
      [[badRecord, bin], /LayerLab's record in it is damaged \(history\.train\.0\.loss/],
      [[file('a.json', '{}'), file('b.json', '{}')], /one model\.json at a time/],
    ];
    for (const [files, message] of cases) {
      const upload = models(h, store).uploadModel({
        type: 'uploadModel',
        requestId: nextRequest++,
        files,
        experiment: experiment(),
      });
      expect(await refusal(upload)).toMatch(message);
    }
    expect(await store.list()).toHaveLength(1);
    await h.session.handle({ type: 'reset' });
  });

  it('a browser out of room is named as such, with the size, and nothing is listed', async () => {
    const memory = createMemorySavedModelStore();
    const full: SavedModelStore = {
      ...memory,
      put: () =>
        Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
    };
    const h = sessionWith(full);
    await trainSteps(h, 2, 'adam');
    const why = await refusal(models(h, full).saveModel(saveCommand('too big')));
    expect(why).toMatch(/no room left for \d+(\.\d)? KB more: delete saved models/);
    const other: SavedModelStore = { ...memory, put: () => Promise.reject(new Error('disk I/O')) };
    expect(await refusal(models(h, other).saveModel(saveCommand('x')))).toMatch(
      /could not store it \(disk I\/O\)/,
    );
    expect(await memory.list()).toEqual([]);
    await h.session.handle({ type: 'reset' });
  });

  it('says why when there is nothing to save or the saved model is gone', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    expect(await refusal(models(h, store).saveModel(saveCommand('x')))).toMatch(/no trained model/);
    const gone = models(h, store).exportModel({
      type: 'exportModel',
      requestId: 1,
      id: 'model:missing',
    });
    expect(await refusal(gone)).toMatch(/not in this browser/);
    await h.session.handle({
      type: 'start',
      request: request({ spec: SPEC, restoreFrom: { kind: 'savedModel', id: 'model:missing' } }),
    });
    expect(h.session.phase).toBe('error');
    expect(lastMessage(h)).toMatch(/not in this browser/);
  });

  it('refuses weights that do not fit the design, naming the weight', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    await trainSteps(h, 2, 'adam');
    const saved = await models(h, store).saveModel(saveCommand('small'));
    await h.session.handle({ type: 'reset' });
    const wider: ModelSpec = {
      version: 1,
      layers: SPEC.layers.map((l) =>
        l.id === 'h2' ? { ...l, units: 9 } : l,
      ) as ModelSpec['layers'],
    };
    await h.session.handle({
      type: 'start',
      request: request({ spec: wider, restoreFrom: { kind: 'savedModel', id: saved.entry.id } }),
    });
    expect(h.session.phase).toBe('error');
    expect(lastMessage(h)).toMatch(
      /"dense_2\/kernel" is \[16, 8\] in the saved weights but \[16, 9\] in the model/,
    );
  });

  it('a model that finished its epochs loads paused and trains on once Epochs is raised', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    const req = request({ spec: SPEC, training: { epochs: 2 } });
    await h.session.handle({ type: 'start', request: req });
    await h.until(() => h.session.phase === 'done', 'done');
    const saved = await models(h, store).saveModel(saveCommand('finished'));
    expect(saved.entry).toMatchObject({ step: 20, epoch: 2 });
    await h.session.handle({ type: 'reset' });

    const again = request({
      spec: SPEC,
      restoreFrom: { kind: 'savedModel', id: saved.entry.id },
      training: { epochs: 2 },
    });
    await h.session.handle({ type: 'start', request: again });
    expect(h.events.at(-1)).toMatchObject({ phase: 'paused' });
    expect(lastMessage(h)).toMatch(/finished its 2 epochs: raise Epochs/);
    await h.session.handle({ type: 'step' });
    expect(h.session.trainer?.step).toBe(20);
    await h.session.handle({ type: 'setEpochs', epochs: 3 });
    await h.session.handle({ type: 'resume' });
    await h.until(() => h.session.phase === 'done', 'done again');
    expect(h.session.trainer?.step).toBe(30);
    expect(h.trains(again.runId)[0]?.step).toBeGreaterThan(20);
    await h.session.handle({ type: 'reset' });
  });

  it('saving and restoring leaves no tensors behind', async () => {
    const store = createMemorySavedModelStore();
    const h = sessionWith(store);
    await trainSteps(h, 3, 'adam');
    const saved = await models(h, store).saveModel(saveCommand('m'));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) await models(h, store).saveModel(saveCommand(`m${i}`));
    expect(tf.memory().numTensors).toBe(before);
    await h.session.handle({ type: 'reset' });
    const afterReset = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await h.session.handle({
        type: 'start',
        request: request({ spec: SPEC, restoreFrom: { kind: 'savedModel', id: saved.entry.id } }),
      });
      await h.session.handle({ type: 'reset' });
    }
    expect(tf.memory().numTensors).toBe(afterReset);
  });

  it('keeps at most MAX_HISTORY_RECORDS train records, evenly spread, and every validation record', () => {
    const record = (step: number): TrainRecord => ({
      step,
      epoch: 0,
      batches: 1,
      loss: 1 / step,
      accuracy: null,
      samplesPerSec: 1,
      learningRate: 0.01,
      tensors: 0,
      gpuBytes: 0,
    });
    const train = Array.from({ length: MAX_HISTORY_RECORDS * 2 + 1 }, (_, i) => record(i + 1));
    const thinned = thinHistory({
      train,
      validation: [{ step: 5, epoch: 0, loss: 1, accuracy: 0.5 }],
    });
    expect(thinned.train).toHaveLength(MAX_HISTORY_RECORDS);
    expect(thinned.train[0]?.step).toBe(1);
    expect(thinned.train.at(-1)?.step).toBe(train.length);
    expect(thinned.validation).toHaveLength(1);
  });
});

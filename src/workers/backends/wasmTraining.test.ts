/**
 * tfjs's WASM backend (4.22) in Node, with the binaries from node_modules set as the worker sets
 * its own: which preset families train on it, and what happens to those that cannot.
 * - Trains (one real step, finite loss, no tensor left behind): every MLP preset; the LSTM and the
 *   transformer presets' layers once their Embedding is swapped for a per-step Dense.
 * - Cannot train: convolutions (no Conv2DBackpropFilter) and every Embedding (no
 *   UnsortedSegmentSum, the gradient of its gather). The trial names the operation, before any
 *   step (a failed backward pass would leave tensors behind), and the backend choice falls back,
 *   saying why.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { builtinDataset, type DatasetInfo } from '../../data/datasets';
import { createRandom } from '../../data/random';
import type { PreparedData } from '../../data/split';
import { buildModel } from '../../models/builder';
import { PRESETS, type Preset } from '../../models/presets';
import type { LayerSpec, ModelSpec } from '../../models/spec';
import type { TrainingConfig } from '../../models/trainingConfig';
import { englishText } from '../../shared/messages/englishText';
import { message } from '../../shared/messages/message';
import { makeSplit } from '../batches';
import { loadForTraining } from '../datasetLoader';
import { fromDisk, request } from '../testing/sessionHarness';
import { Trainer } from '../trainer';
import { chooseBackend, type TrialFn, type WebGpuStatus } from './backendChoice';
import { createBackendTrial } from './backendTrial';
import { describeMissingKernel, missingKernelName } from './missingKernel';
import { setWasmFiles } from './wasmBackend';

const DIST = join(import.meta.dirname, '../../../node_modules/@tensorflow/tfjs-backend-wasm/dist');
const NO_GPU: WebGpuStatus = { available: false, reason: message('worker.backend.noWebgpu') };

beforeAll(async () => {
  setWasmFiles({
    plain: join(DIST, 'tfjs-backend-wasm.wasm'),
    simd: join(DIST, 'tfjs-backend-wasm-simd.wasm'),
    threadedSimd: join(DIST, 'tfjs-backend-wasm-threaded-simd.wasm'),
  });
  expect(await tf.setBackend('wasm')).toBe(true);
});

// The backend choice below switches tfjs to other backends; every test starts on WASM.
beforeEach(async () => {
  await tf.setBackend('wasm');
});

function preset(id: string): Preset {
  const found = PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
}

/** The preset's own data, generated or read from public/datasets. */
async function presetData(p: Preset, spec: ModelSpec = p.spec) {
  const req = request({
    spec,
    dataset: p.dataset,
    datasetInfo: builtinDataset(p.dataset.id),
    training: { ...p.training, backend: 'wasm' },
  });
  return { req, data: await loadForTraining(req, fromDisk, () => undefined) };
}

/** Random images with MNIST's shape (the real digits are 12 MB to decode; the kernels are the same). */
function mnistLike(count: number): { info: DatasetInfo; data: PreparedData } {
  const info = builtinDataset('mnist');
  const random = createRandom(7);
  const size = 28 * 28;
  const train = {
    x: Float32Array.from({ length: count * size }, () => random()),
    y: Int32Array.from({ length: count }, () => Math.floor(random() * 10)),
    count,
  };
  const empty = { x: new Float32Array(0), y: new Int32Array(0), count: 0 };
  return { info, data: { train, validation: empty, test: null } };
}

/** One real training step on the current backend: the mean loss, and tensors before and after. */
async function oneStep(
  spec: ModelSpec,
  info: DatasetInfo,
  data: PreparedData,
  config: TrainingConfig,
) {
  const before = tf.memory().numTensors;
  const model = buildModel(spec, info.inputShape, config.seed);
  const outputs = model.outputs[0]?.shape.at(-1) ?? info.classes.length;
  const batchSize = Math.min(config.batchSize, data.train.count);
  const split = makeSplit(data.train, info.inputShape, outputs, info.classes.length);
  const trainer = new Trainer(model, { ...config, batchSize }, split, null);
  let loss: number;
  try {
    trainer.runStep();
    const pending = trainer.drainMetrics();
    if (!pending) throw new Error('the step left no metrics');
    const [sum = NaN] = await pending.lossSum.data();
    loss = sum / pending.batches;
    pending.lossSum.dispose();
    pending.correctSum.dispose();
  } finally {
    trainer.dispose();
    model.dispose();
  }
  return { loss, leaked: tf.memory().numTensors - before, backend: tf.getBackend() };
}

/** The sequence presets' tokens as one number per step, through a per-step Dense: no Embedding. */
function withoutEmbedding(spec: ModelSpec, width: number): ModelSpec {
  const [first, ...rest] = spec.layers;
  expect(first?.kind).toBe('embedding');
  const steps: LayerSpec[] = [
    { id: 'asVectors', kind: 'reshape', targetShape: [8, 1] },
    { id: 'perStep', kind: 'dense', units: width, activation: 'linear' },
  ];
  return { ...spec, layers: [...steps, ...rest] };
}

describe('the WASM backend in Node', () => {
  it('runs the SIMD build, single-threaded (Node is not cross-origin isolated)', async () => {
    expect(tf.getBackend()).toBe('wasm');
    expect(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')).toBe(false);
  });

  it.each(['spiral-mlp', 'toy-231', 'sine-regression', 'iris-mlp'])(
    'trains one step of the %s preset on its own data',
    async (id) => {
      const p = preset(id);
      const { req, data } = await presetData(p);
      const step = await oneStep(p.spec, req.datasetInfo, data, req.training);
      expect(step.backend).toBe('wasm');
      expect(Number.isFinite(step.loss), `loss ${step.loss}`).toBe(true);
      expect(step.leaked, 'tensors left behind').toBe(0);
    },
  );

  it('trains one step of the MNIST MLP preset (784-64-64-10)', async () => {
    const p = preset('mnist-mlp');
    const { info, data } = mnistLike(64);
    const step = await oneStep(p.spec, info, data, p.training);
    expect(Number.isFinite(step.loss), `loss ${step.loss}`).toBe(true);
    expect(step.leaked).toBe(0);
  });

  it.each(['reverse-lstm', 'reverse-transformer'])(
    "trains one step of the %s preset's layers once its Embedding is a per-step Dense",
    async (id) => {
      const p = preset(id);
      const spec = withoutEmbedding(p.spec, 16);
      const { req, data } = await presetData(p, spec);
      const step = await oneStep(spec, req.datasetInfo, data, req.training);
      expect(step.backend).toBe('wasm');
      expect(Number.isFinite(step.loss), `loss ${step.loss}`).toBe(true);
      expect(step.leaked).toBe(0);
    },
  );

  it('says how it runs in its trial: SIMD, and why it is single-threaded', async () => {
    const { req, data } = await presetData(preset('spiral-mlp'));
    const trial = await createBackendTrial(req, data)('wasm', 0);
    expect(trial.ok).toBe(true);
    expect(englishText(trial.detail)).toBe(
      'one training step passed (SIMD on, single-threaded: the page is not cross-origin isolated (see README))',
    );
  });
});

describe('a model WASM cannot train', () => {
  it.each(['reverse-transformer', 'reverse-lstm', 'sentiment-embedding'])(
    '%s fails its trial naming UnsortedSegmentSum (the Embedding gradient)',
    async (id) => {
      const p = preset(id);
      const { req, data } = await presetData(p);
      const before = tf.memory().numTensors;
      const trial = await createBackendTrial(req, data)('wasm', 0);
      expect(trial.ok).toBe(false);
      expect(englishText(trial.detail)).toBe(
        "this model needs tfjs's UnsortedSegmentSum operation (the gradient of an Embedding) to train, which the WASM backend does not have",
      );
      expect(tf.memory().numTensors - before, 'the failed trial disposed everything').toBe(0);
    },
  );

  describe('the CNN preset', () => {
    const p = preset('mnist-cnn');
    const { info, data } = mnistLike(8);
    const req = request({
      spec: p.spec,
      dataset: p.dataset,
      datasetInfo: info,
      training: { ...p.training, batchSize: 4, validationSplit: 0, backend: 'wasm' },
    });
    const NEEDS_FILTER_GRADIENT =
      "this model needs tfjs's Conv2DBackpropFilter operation (the gradient of a convolution’s filters) to train, which the WASM backend does not have";

    it('forced onto WASM, falls back to the CPU and says which operation WASM lacks', async () => {
      const report = await chooseBackend('wasm', NO_GPU, createBackendTrial(req, data));
      expect(report.backend).toBe('cpu');
      const reason = englishText(report.reason);
      expect(reason).toMatch(
        /^You chose WASM, but it failed \(this model needs tfjs's Conv2DBackpropFilter operation/,
      );
      expect(englishText(report.trials[0]!.detail)).toBe(NEEDS_FILTER_GRADIENT);
      // WebGL is not in Node: its trial fails at initialisation, and WASM is tried once.
      expect(report.trials.map((t) => [t.backend, t.ok])).toEqual([
        ['wasm', false],
        ['webgpu', false],
        ['webgl', false],
        ['cpu', true],
      ]);
    });

    it('on auto, WASM is passed over for the same reason', async () => {
      // The CPU's own step is proven by the test above; here it passes without the ~5 s it takes.
      const real = createBackendTrial(req, data);
      const trial: TrialFn = (backend, time) =>
        backend === 'cpu'
          ? Promise.resolve({
              backend,
              ok: true,
              detail: message('worker.backend.stepPassed'),
              samplesPerSec: 2,
            })
          : real(backend, time);
      const report = await chooseBackend('auto', NO_GPU, trial);
      expect(report.backend).toBe('cpu');
      const wasm = report.trials.find((t) => t.backend === 'wasm')!;
      expect(wasm.ok).toBe(false);
      expect(englishText(wasm.detail)).toBe(NEEDS_FILTER_GRADIENT);
      expect(report.trials.map((t) => t.backend)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    });
  });

  it("names the kernel from tfjs's own error when a step finds the gap itself", () => {
    // A convolution's filter gradient on WASM, without LayerLab's check before the step.
    const x = tf.ones([1, 4, 4, 1]) as tf.Tensor4D;
    const filter = tf.ones([2, 2, 1, 1]) as tf.Tensor4D;
    let caught: unknown = null;
    try {
      tf.grad((f) => tf.conv2d(x, f as tf.Tensor4D, 1, 'valid').sum())(filter);
    } catch (error) {
      caught = error;
    }
    tf.dispose([x, filter]);
    expect(missingKernelName(caught)).toBe('Conv2DBackpropFilter');
    expect(englishText(describeMissingKernel('Conv2DBackpropFilter', 'wasm'))).toContain(
      "needs tfjs's Conv2DBackpropFilter operation (the gradient of a convolution’s filters)",
    );
    expect(englishText(describeMissingKernel('Cumprod', 'webgl'))).toBe(
      "this model needs tfjs's Cumprod operation to train, which the WebGL backend does not have",
    );
    expect(missingKernelName(new Error('Backend name webgl not found in registry'))).toBeNull();
  });
});

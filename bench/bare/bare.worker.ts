/**
 * A bare tfjs training loop for the same MLP LayerLab's 'mnist-mlp' preset trains
 * (784-64-64-10, relu/relu/softmax, glorotUniform, Adam lr 0.001, categorical cross-entropy,
 * batch 32), on random data of MNIST's shape. The loss is read back at most every
 * `readEveryMs`, as LayerLab does. The `trainer*` variants run LayerLab's own Trainer instead,
 * to attribute LayerLab's overhead (see types.ts).
 */
import '@tensorflow/tfjs-backend-webgpu';
// WASM as LayerLab's worker sets it up: its .wasm files from this page's origin, SIMD, and threads
// only when cross-origin isolated (the bench's server is not: one thread, as on a first visit).
import { setWasmFiles } from '../../src/workers/backends/wasmBackend';
import { WASM_FILES } from '../../src/workers/backends/wasmFiles';
import * as tf from '@tensorflow/tfjs';
import { createRandom, shuffledIndices } from '../../src/data/random';
import { buildModel } from '../../src/models/builder';
import type { ModelSpec } from '../../src/models/spec';
import { DEFAULT_TRAINING, type TrainingConfig } from '../../src/models/trainingConfig';
import type { LabelledData } from '../../src/data/types';
import { makeSplit } from '../../src/workers/batches';
import { Trainer } from '../../src/workers/trainer';
import { yieldToEvents } from '../../src/workers/yieldToEvents';
import type { BareEvent, BareRequest, BareResult } from './types';

/** MNIST's training split in LayerLab's 'mnist-mlp' preset: 60,000 × 0.9. */
const SAMPLES = 54_000;
const FEATURES = 784;
const CLASSES = 10;
const SEED = 42;

setWasmFiles(WASM_FILES);

const post = (event: BareEvent): void => self.postMessage(event);

/** Scalars to read back (the caller awaits every data() and disposes); [0] / divisor is the loss. */
interface Readback {
  tensors: tf.Tensor[];
  divisor: number;
}

interface Stepper {
  /** Runs one step. Nothing is read back. */
  step(): void;
  /** Hands over what to read (its read proves that every step so far has run), or null. */
  take(): Readback | null;
  dispose(): void;
}

/** The samples twice: on the backend (for GPUs) and in CPU memory (for WASM, see below). */
interface BareData {
  x: tf.Tensor2D;
  y: tf.Tensor2D;
  xHost: Float32Array;
  yHost: Float32Array;
}

function createBareStepper(request: BareRequest, data: BareData): Stepper {
  const { x, y, xHost, yHost } = data;
  // WASM's Slice reads its whole input out of the module's heap (a copy of all 54,000 samples per
  // step, ~236 samples/s here), so on WASM the idiomatic loop uploads each batch from CPU memory,
  // as LayerLab does on every backend.
  const sliceOnHost = request.backend === 'wasm';
  const { batchSize } = request;
  const init = (i: number) => tf.initializers.glorotUniform({ seed: SEED * 1000 + i });
  const model = tf.sequential({
    layers: [
      tf.layers.dense({
        inputShape: [FEATURES],
        units: 64,
        activation: 'relu',
        kernelInitializer: init(1),
      }),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: init(3) }),
    ],
  });
  const optimizer = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
  const batches = Math.floor(SAMPLES / batchSize);
  const random = createRandom(SEED ^ 0x5eed);
  let order = shuffledIndices(SAMPLES, random);
  let step = 0;
  let last: tf.Scalar | null = null;
  return {
    step() {
      const b = step % batches;
      step += 1;
      const loss = tf.tidy(() => {
        let xb: tf.Tensor;
        let yb: tf.Tensor;
        if (request.variant === 'bare-gather') {
          const idx = tf.tensor1d(order.subarray(b * batchSize, (b + 1) * batchSize), 'int32');
          xb = tf.gather(x, idx);
          yb = tf.gather(y, idx);
        } else if (sliceOnHost) {
          // [batchSize, FEATURES] and [batchSize, CLASSES], views of the host arrays.
          xb = tf.tensor2d(
            xHost.subarray(b * batchSize * FEATURES, (b + 1) * batchSize * FEATURES),
            [batchSize, FEATURES],
          );
          yb = tf.tensor2d(yHost.subarray(b * batchSize * CLASSES, (b + 1) * batchSize * CLASSES), [
            batchSize,
            CLASSES,
          ]);
        } else {
          xb = tf.slice(x, [b * batchSize, 0], [batchSize, FEATURES]);
          yb = tf.slice(y, [b * batchSize, 0], [batchSize, CLASSES]);
        }
        return optimizer.minimize(
          () => tf.mean(tf.metrics.categoricalCrossentropy(yb, model.apply(xb) as tf.Tensor)),
          true,
        ) as tf.Scalar;
      });
      last?.dispose();
      last = loss;
      if (step % batches === 0) order = shuffledIndices(SAMPLES, random);
    },
    take() {
      const taken = last;
      last = null;
      return taken ? { tensors: [taken], divisor: 1 } : null;
    },
    dispose() {
      last?.dispose();
      optimizer.dispose();
      model.dispose();
    },
  };
}

const MNIST_MLP: ModelSpec = {
  version: 1,
  layers: [
    { id: 'l1', kind: 'flatten' },
    { id: 'l2', kind: 'dense', units: 64, activation: 'relu' },
    { id: 'l3', kind: 'dense', units: 64, activation: 'relu' },
    { id: 'l4', kind: 'dense', units: CLASSES, activation: 'softmax' },
  ],
};

function createTrainerStepper(request: BareRequest, data: LabelledData): Stepper {
  const config: TrainingConfig = {
    ...DEFAULT_TRAINING,
    optimizer: 'adam',
    learningRate: 0.001,
    loss: 'categoricalCrossentropy',
    batchSize: request.batchSize,
    epochs: 1000,
    validationSplit: 0,
    testSplit: 0,
    seed: SEED,
    backend: request.backend,
  };
  const model = buildModel(MNIST_MLP, [28, 28, 1], SEED);
  // As in LayerLab, the samples stay in CPU memory and each step uploads its batch.
  const trainer = new Trainer(model, config, makeSplit(data, [28, 28, 1], CLASSES, CLASSES), null);
  return {
    step: () => trainer.runStep(),
    take() {
      // As LayerLab's session: both sums are read back.
      const pending = trainer.drainMetrics();
      return pending
        ? { tensors: [pending.lossSum, pending.correctSum], divisor: pending.batches }
        : null;
    },
    dispose() {
      trainer.dispose();
      model.dispose();
    },
  };
}

async function readAndDispose(readback: Readback | null): Promise<number> {
  if (!readback) return NaN;
  try {
    const [loss] = await Promise.all(readback.tensors.map((t) => t.data()));
    return (loss?.[0] ?? NaN) / readback.divisor;
  } finally {
    readback.tensors.forEach((t) => t.dispose());
  }
}

async function run(request: BareRequest): Promise<BareResult> {
  const base = {
    requested: request.backend,
    variant: request.variant,
    warmupSteps: request.warmupSteps,
    steps: request.steps,
    batchSize: request.batchSize,
  };
  const unavailable = (detail: string): BareResult => ({
    ...base,
    backend: null,
    available: false,
    detail,
    seconds: NaN,
    stepsPerSec: NaN,
    samplesPerSec: NaN,
    warmupSeconds: NaN,
    reads: 0,
    firstLoss: NaN,
    lastLoss: NaN,
  });
  let ok: boolean;
  try {
    ok = await tf.setBackend(request.backend);
    await tf.ready();
  } catch (error) {
    return unavailable(`tfjs could not initialise ${request.backend}: ${String(error)}`);
  }
  if (!ok || tf.getBackend() !== request.backend) {
    return unavailable(`tfjs could not initialise ${request.backend}`);
  }

  post({ type: 'progress', message: 'uploading data' });
  const random = createRandom(SEED);
  const xData = new Float32Array(SAMPLES * FEATURES);
  for (let i = 0; i < xData.length; i++) xData[i] = random();
  const labels = new Int32Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) labels[i] = Math.floor(random() * CLASSES);
  const x = tf.tensor2d(xData, [SAMPLES, FEATURES]);
  const yHost = new Float32Array(SAMPLES * CLASSES); // one-hot, [SAMPLES, CLASSES]
  for (let i = 0; i < SAMPLES; i++) yHost[i * CLASSES + (labels[i] ?? 0)] = 1;
  const y = tf.tensor2d(yHost, [SAMPLES, CLASSES]);

  const stepper = request.variant.startsWith('trainer')
    ? createTrainerStepper(request, { x: xData, y: labels, count: SAMPLES })
    : createBareStepper(request, { x, y, xHost: xData, yHost });
  const yieldEachStep = request.variant === 'trainer-yield';
  let reads = 0;
  let lastRead = performance.now();
  /** Runs `n` steps, reading the loss back every readEveryMs; ends with a read (all work done). */
  const runSteps = async (n: number): Promise<number> => {
    let loss = NaN;
    let sinceRead = 0;
    for (let i = 0; i < n; i++) {
      stepper.step();
      sinceRead += 1;
      if (
        performance.now() - lastRead >= request.readEveryMs ||
        sinceRead >= request.maxStepsAhead
      ) {
        loss = await readAndDispose(stepper.take());
        lastRead = performance.now();
        sinceRead = 0;
        reads += 1;
      }
      if (yieldEachStep) await yieldToEvents();
    }
    const final = await readAndDispose(stepper.take());
    return Number.isNaN(final) ? loss : final;
  };

  try {
    post({ type: 'progress', message: 'warming up' });
    const warmStart = performance.now();
    const firstLoss = await runSteps(request.warmupSteps);
    const warmupSeconds = (performance.now() - warmStart) / 1000;
    post({ type: 'progress', message: 'measuring' });
    reads = 0;
    const start = performance.now();
    const lastLoss = await runSteps(request.steps);
    const seconds = (performance.now() - start) / 1000;
    return {
      ...base,
      backend: request.backend,
      available: true,
      detail: 'ok',
      seconds,
      stepsPerSec: request.steps / seconds,
      samplesPerSec: (request.steps * request.batchSize) / seconds,
      warmupSeconds,
      reads,
      firstLoss,
      lastLoss,
    };
  } finally {
    stepper.dispose();
    x.dispose();
    y.dispose();
  }
}

self.onmessage = (event: MessageEvent<BareRequest>) => {
  run(event.data).then(
    (result) => post({ type: 'result', result }),
    (error: unknown) =>
      post({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};

// A bare tfjs training loop for one of LayerLab's presets: the same model (LayerLab's builder),
// optimizer and loss, but contiguous device-resident batches, no accuracy, no running sums, no
// yields, and the loss read back only every ~250 ms. What LayerLab adds on top is its overhead.
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs';
import { builtinDataset } from '../../src/data/datasets';
import { createRandom } from '../../src/data/random';
import { buildModel } from '../../src/models/builder';
import { computeLoss, createOptimizer } from '../../src/models/losses';
import { PRESETS } from '../../src/models/presets';

export interface BareModelRequest {
  presetId: string;
  backend: 'webgpu' | 'webgl' | 'cpu';
  warmupSteps: number;
  /** Measure until this many steps or this many seconds, whichever comes first. */
  maxSteps: number;
  maxSeconds: number;
}

export interface BareModelResult {
  backend: string;
  steps: number;
  seconds: number;
  samplesPerSec: number;
}

const BATCHES = 8;

self.onmessage = async (event: MessageEvent<BareModelRequest>) => {
  try {
    const { presetId, backend, warmupSteps, maxSteps, maxSeconds } = event.data;
    const preset = PRESETS.find((p) => p.id === presetId);
    if (!preset) throw new Error(`no preset ${presetId}`);
    if (!(await tf.setBackend(backend))) throw new Error(`${backend} is not available`);
    await tf.ready();
    const info = builtinDataset(preset.dataset.id);
    const { batchSize } = preset.training;
    const model = buildModel(preset.spec, info.inputShape, preset.training.seed);
    const outShape = model.outputs[0]!.shape.slice(1) as number[];
    const classes = outShape.at(-1)!;
    const random = createRandom(1);
    // Random inputs of the dataset's shape (token ids for token inputs) and random one-hot labels.
    const batches = Array.from({ length: BATCHES }, () =>
      tf.tidy(() => {
        const size = batchSize * info.inputShape.reduce((a, b) => a * b, 1);
        const x = Float32Array.from({ length: size }, () =>
          info.inputIsTokens ? Math.floor(random() * (info.vocabSize ?? 2)) : random(),
        );
        const labels = Int32Array.from(
          { length: (batchSize * outShape.reduce((a, b) => a * b, 1)) / classes },
          () => Math.floor(random() * classes),
        );
        return {
          x: tf.tensor(x, [batchSize, ...info.inputShape]),
          y: tf.oneHot(tf.tensor1d(labels, 'int32'), classes).reshape([batchSize, ...outShape]),
        };
      }),
    );
    const optimizer = createOptimizer(preset.training);
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const step = (i: number) => {
      const batch = batches[i % BATCHES]!;
      return optimizer.minimize(
        () =>
          computeLoss(
            preset.training.loss,
            batch.y,
            model.apply(batch.x, { training: true }) as tf.Tensor,
          ),
        true,
        variables,
      )!;
    };
    const runSteps = async (count: number, deadline: number) => {
      let lastRead = performance.now();
      let done = 0;
      let last: tf.Scalar | null = null;
      for (; done < count && performance.now() < deadline; done++) {
        last?.dispose();
        last = step(done);
        if (performance.now() - lastRead >= 250) {
          await last.data();
          lastRead = performance.now();
        }
      }
      if (last) await last.data(); // the steps still queued on the device count too
      last?.dispose();
      return done;
    };
    await runSteps(warmupSteps, Infinity);
    const start = performance.now();
    const steps = await runSteps(maxSteps, start + maxSeconds * 1000);
    const seconds = (performance.now() - start) / 1000;
    self.postMessage({
      backend,
      steps,
      seconds,
      samplesPerSec: (steps * batchSize) / seconds,
    } satisfies BareModelResult);
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};

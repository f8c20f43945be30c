/**
 * Proving a backend before trusting it: switch tfjs to it, build the user's model, run one real
 * training step on a real batch and read the loss back (finite = passed). When asked, time a few
 * more steps for a share of the measuring budget so candidates can be compared. Everything created here is disposed.
 */
import * as tf from '@tensorflow/tfjs';
import { takeRange, type PreparedData } from '../../data/split';
import { buildModel } from '../../models/builder';
import type { BackendName } from '../../models/trainingConfig';
import type { TrialFn, WebGpuStatus } from './backendChoice';
import type { BackendTrial, StartRequest } from '../../shared/protocol';
import { message } from '../../shared/messages/message';
import { toMessage } from '../../shared/messages/messageError';
import { makeSplit } from '../batches';
import { disposePending, Trainer } from '../trainer';
import { describeMissingKernel, lackingTrainingKernel, missingKernelName } from './missingKernel';
import { wasmFeatures } from './wasmBackend';
import { loadBackend } from './loadBackend';
import { nextTimingChunk } from './timingChunks';

interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'low-power' | 'high-performance' }): Promise<{
    info?: {
      vendor?: string;
      architecture?: string;
      description?: string;
      isFallbackAdapter?: boolean;
    };
    isFallbackAdapter?: boolean;
  } | null>;
}

/** Asks the browser for a WebGPU adapter before tfjs does, to explain what is missing. */
export async function getWebGpuStatus(): Promise<WebGpuStatus> {
  const gpu = (globalThis.navigator as unknown as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { available: false, reason: message('worker.backend.noWebgpu') };
  let adapter: Awaited<ReturnType<GpuLike['requestAdapter']>>;
  try {
    // The adapter tfjs's WebGPU backend will train on: it asks for the high-performance one (a
    // dual-GPU laptop's discrete GPU), so the status and the remembered timing name that one.
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    return {
      available: false,
      reason: message('worker.backend.adapterFailed', { error: toMessage(error) }),
    };
  }
  if (!adapter) return { available: false, reason: message('worker.backend.noAdapter') };
  const info = adapter.info ?? {};
  // Empty when the browser does not say (the report then says "an unnamed GPU" in its language).
  const name = [info.vendor, info.architecture || info.description].filter(Boolean).join(' ');
  return {
    available: true,
    fallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false),
    adapterName: name,
  };
}

export function createBackendTrial(request: StartRequest, data: PreparedData): TrialFn {
  const info = request.datasetInfo;
  const batchSize = Math.min(request.training.batchSize, data.train.count);
  const sample = takeRange(data.train, 0, batchSize);
  return async (backend: BackendName, timeBudgetMs: number): Promise<BackendTrial> => {
    try {
      await loadBackend(backend);
      if (!(await tf.setBackend(backend))) {
        return { backend, ok: false, detail: message('worker.backend.initFailed', { backend }) };
      }
      await tf.ready();
    } catch (error) {
      return {
        backend,
        ok: false,
        detail: message('worker.backend.initFailedWith', { backend, error: toMessage(error) }),
      };
    }
    const model = buildModel(request.spec, info.inputShape, request.training.seed);
    const outputs = model.outputs[0]?.shape.at(-1) ?? info.classes.length;
    const split = makeSplit(sample, info.inputShape, outputs, info.classes.length);
    const trainer = new Trainer(model, { ...request.training, batchSize }, split, null);
    const runAndRead = async (steps: number): Promise<number> => {
      for (let i = 0; i < steps; i++) trainer.runStep();
      const pending = trainer.drainMetrics();
      if (!pending) return NaN;
      try {
        const [sum = NaN] = await pending.lossSum.data();
        return sum / pending.batches;
      } finally {
        disposePending(pending);
      }
    };
    try {
      const lacking = lackingTrainingKernel(model, backend);
      if (lacking) return { backend, ok: false, detail: describeMissingKernel(lacking, backend) };
      const loss = await runAndRead(1);
      if (!Number.isFinite(loss)) {
        return {
          backend,
          ok: false,
          detail: message('worker.backend.badLoss', { loss: String(loss) }),
        };
      }
      // How WASM runs (SIMD, threads) explains its speed, so its check says so.
      const features = backend === 'wasm' ? await wasmFeatures() : null;
      if (timeBudgetMs <= 0) {
        const detail = features
          ? message('worker.backend.wasmStepPassed', { features })
          : message('worker.backend.stepPassed');
        return { backend, ok: true, detail };
      }
      await runAndRead(1); // warm-up: shader compilation and buffer allocation are not throughput
      // Wait for the loss once per doubling chunk of steps: training never waits on its reads
      // (timingChunks.ts).
      const start = performance.now();
      let steps = 0;
      let chunk = 0;
      while ((chunk = nextTimingChunk(steps, performance.now() - start, timeBudgetMs, chunk)) > 0) {
        await runAndRead(chunk);
        steps += chunk;
      }
      const samplesPerSec = (steps * batchSize * 1000) / (performance.now() - start);
      const detail = features
        ? message('worker.backend.wasmStepPassedTimed', { features })
        : message('worker.backend.stepPassedTimed');
      return { backend, ok: true, detail, samplesPerSec };
    } catch (error) {
      const kernel = missingKernelName(error);
      return {
        backend,
        ok: false,
        detail: kernel
          ? describeMissingKernel(kernel, backend)
          : message('worker.backend.stepFailed', { error: toMessage(error) }),
      };
    } finally {
      trainer.dispose();
      model.dispose();
    }
  };
}

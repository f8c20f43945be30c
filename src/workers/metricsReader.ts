/**
 * Reads a run's training metrics back from the device without stalling it: at most one read in
 * flight, at most every METRICS_INTERVAL_MS, and never more than MAX_STEPS_AHEAD steps queued
 * behind a pending read. Each read becomes one TrainRecord (the means since the previous one).
 */
import * as tf from '@tensorflow/tfjs';
import type { TrainRecord } from '../shared/protocol';
import { disposePending, type Trainer } from './trainer';

/** Training metrics are read back at most this often (a few times a second). */
export const METRICS_INTERVAL_MS = 250;
/**
 * Steps queued ahead of the one read in flight before the loop waits for it. It bounds the device
 * queue, so Pause and the curves stay responsive when a step is slow (the CNN on a software GPU
 * takes seconds per step: 64 queued steps meant minutes without an update); a few queued steps
 * are enough to keep the device busy.
 */
export const MAX_STEPS_AHEAD = 8;

export class MetricsReader {
  private inFlight: Promise<void> | null = null;
  private lastReadAt: number;
  private stepsSinceRead = 0;

  constructor(
    private readonly trainer: Trainer,
    private readonly now: () => number,
    private readonly onRecord: (record: TrainRecord) => void,
  ) {
    this.lastReadAt = now();
  }

  /** Throughput is measured from here (after a pause, the paused time does not count). */
  restartClock(): void {
    this.lastReadAt = this.now();
  }

  /** Call after every step: starts a read when one is due, or waits when too far ahead. */
  async afterStep(): Promise<void> {
    this.stepsSinceRead += 1;
    if (this.now() - this.lastReadAt >= METRICS_INTERVAL_MS) {
      await this.start();
    } else if (this.inFlight && this.stepsSinceRead >= MAX_STEPS_AHEAD) {
      await this.inFlight;
    }
  }

  /** Reads whatever is pending and waits until no read is in flight. */
  async flush(): Promise<void> {
    await this.start();
    await this.settle();
  }

  /** Waits for the read in flight, if any. */
  async settle(): Promise<void> {
    if (this.inFlight) await this.inFlight;
  }

  /** Starts a read unless one is in flight (then waits for it first: one read at a time). */
  private async start(): Promise<void> {
    await this.settle();
    const pending = this.trainer.drainMetrics();
    if (!pending) return;
    const { step, epoch, learningRate } = this.trainer;
    const now = this.now();
    const elapsed = Math.max(now - this.lastReadAt, 1);
    this.lastReadAt = now;
    this.stepsSinceRead = 0;
    // The sums stay alive until data() resolves (dispose does not wait for a pending read).
    this.inFlight = Promise.all([
      pending.lossSum.data(),
      pending.correctSum.data(),
      pending.gradientNormSum?.data() ?? null,
    ])
      .then(([lossSum, correctSum, normSum]) => {
        this.onRecord({
          step,
          epoch,
          batches: pending.batches,
          loss: (lossSum[0] ?? NaN) / pending.batches,
          accuracy: pending.regression ? null : (correctSum[0] ?? NaN) / pending.predictions,
          samplesPerSec: (pending.samples * 1000) / elapsed,
          learningRate,
          gradientNorm: normSum ? (normSum[0] ?? NaN) / pending.batches : null,
          ...memoryNow(),
        });
      })
      .finally(() => {
        disposePending(pending);
        this.inFlight = null;
      });
  }
}

/** Cheap (no GPU sync): the counts tfjs keeps, so a leak shows as a rising line in the bench. */
function memoryNow(): { tensors: number; gpuBytes: number } {
  const memory = tf.memory() as tf.MemoryInfo & {
    numBytesInGPUAllocated?: number;
    numBytesInGPU?: number;
  };
  return {
    tensors: memory.numTensors,
    gpuBytes: memory.numBytesInGPUAllocated ?? memory.numBytesInGPU ?? 0,
  };
}

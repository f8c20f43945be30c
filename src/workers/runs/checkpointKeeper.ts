/**
 * Keeps checkpoints of a recorded run: the model's weights and optimizer state, copied on the
 * device at the step they belong to (so training can go on at once), then read back and stored
 * one after the other, within the run's storage budget. A pause or end point is a checkpoint off
 * the schedule; only the latest one is kept. When a checkpoint cannot be kept (too big for the
 * budget, or the browser's storage quota), checkpoints stop for the run and the page is told.
 */
import type * as tf from '@tensorflow/tfjs';
import { checkpointReason } from '../../shared/runs/checkpointSchedule';
import { fitCheckpoint, type RunStorageBudget } from '../../shared/runs/storageBudget';
import type { RunSummary } from '../../shared/runs/runTypes';
import {
  disposeSnapshot,
  encodeSnapshot,
  snapshotModel,
  type ModelSnapshot,
} from '../savedModels/modelBundle';
import { isQuotaError } from '../storageFailure';
import type { Trainer } from '../trainer';
import { countBytes, type LiveRun } from './liveRun';
import type { RunNotice } from './runNotice';
import type { Checkpoint, RunStore } from './runStore';
import type { WriteQueue } from './writeQueue';

/**
 * The most checkpoints of one run copied on the device and waiting for storage. Past it the next
 * one waits for the writes: a large model with short epochs must not pile copies up in GPU memory
 * faster than IndexedDB stores them.
 */
export const MAX_QUEUED_SNAPSHOTS = 3;

/** What the keeper shares with the recorder. */
export interface KeeperHost {
  store: RunStore;
  budget: RunStorageBudget;
  notify(notice: RunNotice): void;
  /** The recorder's write queue: checkpoints are stored in turn with its other writes. */
  writes: WriteQueue;
  /** Writes the run's summary when it changed, and sends it to the page. */
  writeSummary(live: LiveRun): Promise<void>;
  /** Deletes the oldest unpinned runs until everything stored fits the total budget. */
  makeRoom(): Promise<void>;
}

export class CheckpointKeeper {
  constructor(private readonly host: KeeperHost) {}

  /**
   * Copies the model as it is now on the device and queues storing it. Resolves once copied
   * (microtasks only, unless MAX_QUEUED_SNAPSHOTS copies already wait for storage), so the caller
   * may step on at once. `pausePoint`: kept off the schedule, replacing earlier pause points.
   */
  async take(
    live: LiveRun,
    model: tf.LayersModel,
    trainer: Trainer,
    pausePoint: boolean,
  ): Promise<void> {
    if (live.summary.checkpointsStopped) return;
    const { writes } = this.host;
    const step = trainer.step;
    // Kept, or on its way (the schedule and a pause often ask for the same step back to back).
    if (live.pending.has(step) || live.summary.checkpoints.some((c) => c.step === step)) {
      if (pausePoint) void writes.run(() => this.dropPausePointsBefore(live, step));
      return;
    }
    if (live.pending.size >= MAX_QUEUED_SNAPSHOTS) await writes.settled();
    if (trainer.step !== step || live.summary.checkpointsStopped) return;
    live.pending.add(step);
    let snapshot;
    try {
      snapshot = await snapshotModel(model, trainer);
    } catch (error) {
      live.pending.delete(step);
      throw error;
    }
    void writes.run(async () => {
      try {
        await this.store(live, snapshot, pausePoint);
      } finally {
        live.pending.delete(step);
      }
    });
  }

  /** Reads a snapshot back and keeps it as a checkpoint (skipped once checkpoints stopped). */
  private async store(live: LiveRun, snapshot: ModelSnapshot, pausePoint: boolean): Promise<void> {
    if (live.summary.checkpointsStopped) return disposeSnapshot(snapshot);
    const bundle = await encodeSnapshot(snapshot);
    const checkpoint: Checkpoint = {
      step: bundle.step,
      epoch: bundle.epoch,
      weightSpecs: bundle.weightSpecs,
      weightData: bundle.weightData,
      optimizerClass: bundle.optimizerClass,
    };
    await this.keep(live, checkpoint, pausePoint);
  }

  private async keep(live: LiveRun, checkpoint: Checkpoint, pausePoint: boolean): Promise<void> {
    const { summary } = live;
    const { store } = this.host;
    const bytes = checkpoint.weightData.byteLength;
    // A newer pause or end point replaces the previous one; scheduled checkpoints stay.
    const superseded = pausePoint ? pausePointsBefore(summary, checkpoint.step) : [];
    const others = summary.checkpoints.filter(
      (c) => !superseded.includes(c) && c.step !== checkpoint.step,
    );
    const fit = fitCheckpoint(
      others,
      { step: checkpoint.step, bytes },
      this.host.budget.perRunBytes,
    );
    if (!fit.fits) return this.stop(live, 'tooBig');
    try {
      await store.putCheckpoint(summary.id, checkpoint);
    } catch (error) {
      if (isQuotaError(error)) return this.stop(live, 'quota');
      throw error;
    }
    const drop = [...superseded.map((c) => c.step), ...fit.drop];
    for (const step of drop) await store.deleteCheckpoint(summary.id, step);
    const dropped = new Set<number>(drop);
    // One entry per step: a checkpoint stored again at a step replaces its entry.
    summary.checkpoints = [
      ...others.filter((c) => !dropped.has(c.step)),
      { step: checkpoint.step, epoch: checkpoint.epoch, bytes },
    ];
    countBytes(live);
    live.dirty = true;
    await this.host.writeSummary(live);
    await this.host.makeRoom();
  }

  /** A newer pause point at a step already kept: the earlier off-schedule ones go. */
  private async dropPausePointsBefore(live: LiveRun, step: number): Promise<void> {
    const stale = pausePointsBefore(live.summary, step);
    if (stale.length === 0) return;
    for (const c of stale) await this.host.store.deleteCheckpoint(live.summary.id, c.step);
    live.summary.checkpoints = live.summary.checkpoints.filter((c) => !stale.includes(c));
    live.dirty = true;
    await this.host.writeSummary(live);
  }

  private stop(live: LiveRun, reason: 'tooBig' | 'quota'): Promise<void> {
    live.summary.checkpointsStopped = reason;
    live.dirty = true;
    this.host.notify({ type: 'checkpointsStopped', runId: live.summary.id, reason });
    return this.host.writeSummary(live);
  }
}

/** Off-schedule checkpoints (earlier pause points) before `step`. */
function pausePointsBefore(summary: RunSummary, step: number): RunSummary['checkpoints'] {
  return summary.checkpoints.filter(
    (c) => c.step < step && checkpointReason(c.step, summary.stepsPerEpoch) === null,
  );
}

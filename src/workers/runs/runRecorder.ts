/**
 * Records every training run in the browser: its summary and curves as events go by, and
 * checkpoints of its weights and optimizer state at the schedule's steps, within the storage
 * budget. Writes are throttled (a summary at most every FLUSH_MS, curves in chunks) and never
 * block training; they go one at a time through one WriteQueue. Checkpoints are CheckpointKeeper's
 * job (checkpointKeeper.ts); old runs go here, when the total budget needs room.
 */
import type * as tf from '@tensorflow/tfjs';
import { planEviction, type RunStorageBudget } from '../../shared/runs/storageBudget';
import type { Experiment } from '../../shared/experiment';
import type { WorkerEvent } from '../../shared/protocol';
import {
  CURVE_CHUNK_RECORDS,
  EMPTY_METRICS,
  type RunCurves,
  type RunSummary,
} from '../../shared/runs/runTypes';
import { checkpointReason } from '../../shared/runs/checkpointSchedule';
import type { CurveCursor, CurveRead } from '../../shared/runs/curveCursor';
import { message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { Trainer } from '../trainer';
import type { StoredModel } from '../savedModels/savedModelStore';
import { CheckpointKeeper } from './checkpointKeeper';
import { readCurves, readCurvesSince, type CurveSource } from './curveReads';
import { countBytes, trackTime, trainingTime, type LiveRun } from './liveRun';
import { OtherTabs } from './otherTabs';
import type { RunBroadcast } from './runBroadcast';
import type { RunLocks } from './runLocks';
import type { RunNotice } from './runNotice';
import { storedCurves, type Checkpoint, type RunStore } from './runStore';
import { applyEvent, metricsOf, truncateCurves } from './runSummaryUpdate';
import { WriteQueue } from './writeQueue';

export type { RunNotice } from './runNotice';

export interface RecorderHost {
  store: RunStore;
  budget: RunStorageBudget;
  now(): number;
  notify(notice: RunNotice): void;
  /** Runs other tabs record (absent: no other tab is known, every live run was cut short). */
  locks?: RunLocks | null;
  /** News of other tabs' changes to the stored runs (absent: this tab's own runs only). */
  broadcast?: RunBroadcast | null;
}

/** The most often a live run's summary is written (and sent to the page). */
export const FLUSH_MS = 1000;
export { REFRESH_MS } from './otherTabs';
/** Run colours cycle through this many palette entries. */
export const RUN_COLOURS = 10;

export interface RunStart {
  /** The session's number for the run: events of other runs are ignored. */
  sessionRunId: number;
  /** A name to start with ('A', 'B' for a pair); the user may rename it. */
  name?: string;
  /** Recorded beside the runs already live ("Train A and B"), instead of ending them. */
  alongside?: boolean;
  experiment: Experiment;
  parent: RunSummary['parent'];
  backend: string;
  stepsPerEpoch: number;
  /** Steps already done (a run restored from a saved model or a checkpoint). */
  step: number;
  epoch: number;
  /**
   * The session trains already (B of a pair trained after A, begun mid-loop): its clock starts
   * now, as no 'training' phase will come for it.
   */
  training?: boolean;
}

export interface ReopenStart {
  sessionRunId: number;
  /** The stored run and the step of the checkpoint it reopens at. */
  runId: string;
  step: number;
  backend: string;
}

export class RunRecorder {
  private runs: Promise<Map<string, RunSummary>> | null = null;
  /** The runs being recorded: one, or two while A and B train side by side. */
  private live: LiveRun[] = [];
  /** Storage writes, one after the other. */
  private readonly writes = new WriteQueue();
  private readonly checkpoints: CheckpointKeeper;
  private readonly otherTabs: OtherTabs;
  private readonly curveSource: CurveSource;

  constructor(private readonly host: RecorderHost) {
    this.curveSource = {
      store: host.store,
      writes: this.writes,
      summary: async (id) => (await this.loadRuns()).get(id),
      live: (id) => this.live.find((l) => l.summary.id === id),
    };
    this.otherTabs = new OtherTabs({
      store: host.store,
      locks: host.locks ?? null,
      broadcast: host.broadcast ?? null,
      readIn: () => this.readInOtherTabs(),
      announce: async () => host.notify({ type: 'runsChanged', runs: await this.list() }),
    });
    this.checkpoints = new CheckpointKeeper({
      store: host.store,
      budget: host.budget,
      notify: (notice) => host.notify(notice),
      writes: this.writes,
      writeSummary: (live) => this.writeSummary(live),
      makeRoom: () => this.makeRoom(0),
    });
  }

  /** Every stored run, newest first. */
  async list(): Promise<RunSummary[]> {
    const runs = await this.loadRuns();
    return [...runs.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Starts recording a run; earlier runs go first when the budget needs room for it. */
  async begin(start: RunStart): Promise<RunSummary> {
    if (!start.alongside) await this.end();
    const runs = await this.loadRuns();
    const createdAt = this.host.now();
    // Another tab may have begun runs since this one last heard: their numbers count too.
    const stored = await this.host.store.listSummaries().catch(() => []);
    const previous = [...runs.values(), ...stored];
    const number = previous.reduce((most, run) => Math.max(most, run.number), 0) + 1;
    // A fork's clock goes on from its parent's time at the fork step, as its steps go on from it.
    const trainedMs = start.parent ? await this.timeAt(start.parent.runId, start.parent.step) : 0;
    const summary: RunSummary = {
      id: `run-${createdAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      number,
      name: start.name ?? '',
      colour: (number - 1) % RUN_COLOURS,
      createdAt,
      experiment: start.experiment,
      backend: start.backend,
      status: 'live',
      step: start.step,
      epoch: start.epoch,
      stepsPerEpoch: start.stepsPerEpoch,
      durationMs: trainedMs,
      metrics: { ...EMPTY_METRICS },
      pinned: false,
      parent: start.parent,
      checkpoints: [],
      bytes: 0,
      checkpointsStopped: null,
      curveChunks: 1,
      test: null,
    };
    runs.set(summary.id, summary);
    const live: LiveRun = {
      sessionRunId: start.sessionRunId,
      summary,
      chunk: { train: [], validation: [] },
      chunkIndex: 0,
      closedValidation: [],
      trainedMs,
      stretchStart: start.training ? createdAt : null,
      lastFlush: -Infinity,
      dirty: true,
      pending: new Set(),
      release: this.host.locks?.hold(summary.id) ?? (() => undefined),
    };
    this.live.push(live);
    await this.makeRoom(this.host.budget.perRunBytes).catch((error: unknown) => {
      console.error('LayerLab could not make room for a new run:', error);
    });
    this.flush(live);
    return summary;
  }

  /** A run's curves: its stored chunks, plus the chunk still filling when it is a live run. */
  curves(id: string): Promise<RunCurves> {
    return readCurves(this.curveSource, id);
  }

  /** A run's curves after what a reader already holds (see curveReads.ts). */
  curvesSince(id: string, since?: CurveCursor): Promise<CurveRead> {
    return readCurvesSince(this.curveSource, id, since);
  }

  /** A run's training time at `step` (its last record at or before it); 0 when unknown. */
  private async timeAt(runId: string, step: number): Promise<number> {
    if (!(await this.loadRuns()).has(runId)) return 0;
    const { train } = await this.curves(runId).catch(() => ({ train: [] }));
    return train.filter((record) => record.step <= step).at(-1)?.timeMs ?? 0;
  }

  /**
   * A stored checkpoint as a model bundle, with the run's curves up to its step: what a fork
   * starts from. Undefined when the run or the checkpoint is gone.
   */
  async loadCheckpoint(runId: string, step: number): Promise<StoredModel | undefined> {
    await this.writes.settled();
    const checkpoint = await this.host.store.getCheckpoint(runId, step);
    if (!checkpoint) return undefined;
    const curves = await this.curves(runId);
    return {
      // No topology: the fork is built from the current design, which restoreModel checks.
      bundle: { modelTopology: {}, ...checkpoint },
      history: {
        train: curves.train.filter((r) => r.step <= step),
        validation: curves.validation.filter((r) => r.step <= step),
      },
    };
  }

  /** A checkpoint's weights alone (time travel reads one per scrub); undefined when it is gone. */
  async checkpointWeights(runId: string, step: number): Promise<Checkpoint | undefined> {
    await this.writes.settled();
    return this.host.store.getCheckpoint(runId, step);
  }

  /**
   * Reopens a stored run at one of its checkpoints (its last, after a reload or a crashed worker):
   * the same run is recorded again from that step, and what it had recorded after it (curves,
   * checkpoints, its test result) is dropped, since training will redo those steps.
   */
  async reopen(start: ReopenStart): Promise<RunSummary> {
    await this.end();
    const runs = await this.loadRuns();
    const summary = runs.get(start.runId);
    const checkpoint = summary?.checkpoints.find((c) => c.step === start.step);
    if (!summary || !checkpoint) throw new MessageError(message('worker.runGone'));
    await this.writes.settled();
    const curves = await storedCurves(this.host.store, summary);
    const kept = truncateCurves(curves, start.step);
    const later = summary.checkpoints.filter((c) => c.step > start.step);
    const storedChunks = summary.curveChunks;
    const fullChunks = Math.floor(kept.train.length / CURVE_CHUNK_RECORDS);
    Object.assign(summary, {
      status: 'live',
      backend: start.backend,
      step: start.step,
      epoch: checkpoint.epoch,
      checkpoints: summary.checkpoints.filter((c) => c.step <= start.step),
      checkpointsStopped: null,
      curveChunks: fullChunks + 1,
      reopened: (summary.reopened ?? 0) + 1,
      durationMs: kept.train.at(-1)?.timeMs ?? 0,
      metrics: metricsOf(kept),
      test: null,
    } satisfies Partial<RunSummary>);
    const live: LiveRun = {
      sessionRunId: start.sessionRunId,
      summary,
      // Earlier chunks hold training records only; every kept validation record rides in the
      // live chunk, so joined chunks keep both lists in step order.
      chunk: {
        train: kept.train.slice(fullChunks * CURVE_CHUNK_RECORDS),
        validation: kept.validation,
      },
      chunkIndex: fullChunks,
      closedValidation: new Array<number>(fullChunks).fill(0),
      trainedMs: summary.durationMs,
      stretchStart: null,
      lastFlush: -Infinity,
      dirty: true,
      pending: new Set(),
      release: this.host.locks?.hold(summary.id) ?? (() => undefined),
    };
    this.live.push(live);
    const { store } = this.host;
    void this.writes.run(async () => {
      for (let i = 0; i < fullChunks; i++) {
        const train = kept.train.slice(i * CURVE_CHUNK_RECORDS, (i + 1) * CURVE_CHUNK_RECORDS);
        await store.putCurveChunk(summary.id, i, { train, validation: [] });
      }
      for (let i = fullChunks + 1; i < storedChunks; i++)
        await store.deleteCurveChunk(summary.id, i);
      for (const { step } of later) await store.deleteCheckpoint(summary.id, step);
    });
    this.flush(live);
    return structuredClone(summary);
  }

  /** Renames or pins a run; returns the list after it. */
  async update(id: string, patch: { name?: string; pinned?: boolean }): Promise<RunSummary[]> {
    const runs = await this.loadRuns();
    const summary = runs.get(id);
    if (!summary) throw new MessageError(message('worker.runGone'));
    // Its tab writes it about once a second, from its own copy: a change made here would be lost.
    if (this.recordedElsewhere(summary)) throw new MessageError(message('worker.runInOtherTab'));
    if (patch.name !== undefined) summary.name = patch.name.trim().slice(0, 100);
    if (patch.pinned !== undefined) summary.pinned = patch.pinned;
    const live = this.live.find((l) => l.summary.id === id);
    if (live) live.dirty = true;
    summary.revision = (summary.revision ?? 0) + 1;
    await this.writes.run(() => this.host.store.putSummary(structuredClone(summary)));
    this.otherTabs.changed();
    return this.list();
  }

  /**
   * Deletes a run with its curves and checkpoints; returns the list after it. Not a run still
   * training or paused: one that finished (still followed, for the views) stops being recorded.
   */
  async delete(id: string): Promise<RunSummary[]> {
    const summary = (await this.loadRuns()).get(id);
    if (summary && summary.status !== 'live') await this.remove(summary);
    return this.list();
  }

  /** A run begun for a start that was cancelled before its first step: it is not kept. */
  async discard(id: string): Promise<void> {
    const summary = (await this.loadRuns()).get(id);
    if (summary) await this.remove(summary);
  }

  private async remove(summary: RunSummary): Promise<void> {
    this.otherTabs.deleted(summary.id);
    for (const live of this.live) if (live.summary.id === summary.id) live.release();
    this.live = this.live.filter((l) => l.summary.id !== summary.id);
    (await this.loadRuns()).delete(summary.id);
    // Queued after every write of the run, so none brings part of it back.
    await this.writes.run(() => this.host.store.deleteRun(summary));
    this.otherTabs.changed();
  }

  /** The run being recorded (of A and B, the one begun last: B, the design on screen). */
  get current(): RunSummary | null {
    return this.live.at(-1)?.summary ?? null;
  }

  /** Follows the session's events for the live runs (their curves, numbers and phase). */
  observe(event: WorkerEvent): void {
    if (!('runId' in event) || typeof event.runId !== 'number') return;
    const live = this.liveOf(event.runId);
    if (!live) return;
    if (event.type === 'phase') trackTime(live, event.phase === 'training', this.host.now());
    const changed = applyEvent(live, event, trainingTime(live, this.host.now()));
    if (!changed) return;
    live.dirty = true;
    if (live.chunk.train.length >= CURVE_CHUNK_RECORDS) this.startNextChunk(live);
    const ended = event.type === 'phase' && (event.phase === 'done' || event.phase === 'error');
    if (ended || this.host.now() - live.lastFlush >= FLUSH_MS) this.flush(live);
  }

  /**
   * Keeps the model as it is now when the schedule says so (step 0, log-spaced steps, epoch ends).
   * Resolves once the state is copied on the device (microtasks only, unless MAX_QUEUED_SNAPSHOTS
   * copies already wait for storage), so the caller awaits it before the next step; reading it
   * back and storing it go on in the background.
   */
  async checkpointIfDue(
    sessionRunId: number,
    model: tf.LayersModel,
    trainer: Trainer,
  ): Promise<void> {
    if (checkpointReason(trainer.step, trainer.stepsPerEpoch) === null) return;
    return this.take(sessionRunId, model, trainer, false);
  }

  /**
   * Keeps the model as it is now, whatever the schedule: where a run pauses or ends, so that it
   * can be reopened there. Only the latest such pause point is kept off the schedule: earlier
   * off-schedule ones go.
   */
  async checkpointNow(
    sessionRunId: number,
    model: tf.LayersModel,
    trainer: Trainer,
  ): Promise<void> {
    return this.take(sessionRunId, model, trainer, true);
  }

  private async take(
    sessionRunId: number,
    model: tf.LayersModel,
    trainer: Trainer,
    pausePoint: boolean,
  ): Promise<void> {
    const live = this.liveOf(sessionRunId);
    if (live) await this.checkpoints.take(live, model, trainer, pausePoint);
  }

  /** Stops recording the live runs, or only the session's run `sessionRunId` (their last numbers written). */
  async end(sessionRunId?: number): Promise<void> {
    const ending = this.live.filter(
      (l) => sessionRunId === undefined || l.sessionRunId === sessionRunId,
    );
    for (const live of ending) {
      trackTime(live, false, this.host.now());
      // Stopped by a reset or a new run: it ended where it stood.
      if (live.summary.status === 'live') live.summary.status = 'done';
      live.dirty = true;
      this.flush(live);
    }
    this.live = this.live.filter((l) => !ending.includes(l));
    await this.writes.settled();
    for (const live of ending) live.release();
  }

  private liveOf(sessionRunId: number): LiveRun | undefined {
    return this.live.find((l) => l.sessionRunId === sessionRunId);
  }

  /** Waits for every queued write (tests, and before reading a checkpoint back). */
  settle(): Promise<void> {
    return this.writes.settled();
  }

  /** Deletes the oldest unpinned runs until everything plus `incoming` bytes fits the budget. */
  private async makeRoom(incoming: number): Promise<void> {
    const runs = await this.loadRuns();
    // Not the runs recorded here, nor those another tab records (still live, lock held).
    const protect = new Set([
      ...this.live.map((l) => l.summary.id),
      ...[...runs.values()].filter((run) => run.status === 'live').map((run) => run.id),
    ]);
    const plan = planEviction([...runs.values()], incoming, this.host.budget.totalBytes, protect);
    if (plan.evict.length === 0) return;
    const evicted = plan.evict.map((id) => runs.get(id)!);
    for (const run of evicted) {
      this.otherTabs.deleted(run.id);
      runs.delete(run.id);
      await this.host.store.deleteRun(run);
    }
    this.otherTabs.changed();
    this.host.notify({
      type: 'runsEvicted',
      ids: evicted.map((run) => run.id),
      names: evicted.map((run) => run.name),
      numbers: evicted.map((run) => run.number),
    });
  }

  private startNextChunk(live: LiveRun): void {
    this.writeChunk(live);
    live.closedValidation.push(live.chunk.validation.length);
    live.chunkIndex++;
    live.summary.curveChunks = live.chunkIndex + 1;
    live.chunk = { train: [], validation: [] };
  }

  private flush(live: LiveRun): void {
    if (!live.dirty) return;
    live.lastFlush = this.host.now();
    this.writeChunk(live);
    void this.writes.run(() => this.writeSummary(live));
  }

  private writeChunk(live: LiveRun): void {
    const { id } = live.summary;
    const index = live.chunkIndex;
    const chunk = { train: live.chunk.train.slice(), validation: live.chunk.validation.slice() };
    void this.writes.run(() => this.host.store.putCurveChunk(id, index, chunk));
  }

  private async writeSummary(live: LiveRun): Promise<void> {
    if (!live.dirty) return;
    live.dirty = false;
    countBytes(live);
    live.summary.revision = (live.summary.revision ?? 0) + 1;
    const summary = structuredClone(live.summary);
    await this.host.store.putSummary(summary);
    this.host.notify({ type: 'runUpdated', summary });
    this.otherTabs.changed();
  }

  /** The stored runs, read once (concurrent first callers share the one read). */
  private loadRuns(): Promise<Map<string, RunSummary>> {
    this.runs ??= this.readRuns();
    return this.runs;
  }

  private async readRuns(): Promise<Map<string, RunSummary>> {
    // Without IndexedDB (a private window in some browsers) runs are kept for this page only:
    // training must never fail because history cannot be stored.
    const stored = await this.host.store.listSummaries().catch((error: unknown) => {
      console.error('LayerLab cannot read its stored runs:', error);
      return [];
    });
    await this.otherTabs.markCutShort(stored);
    return new Map(stored.map((run) => [run.id, run]));
  }

  /** A run stored as live that this tab does not record: another tab trains it. */
  private recordedElsewhere(summary: RunSummary): boolean {
    return summary.status === 'live' && !this.live.some((l) => l.summary.id === summary.id);
  }

  /** Another tab's changes read in (see otherTabs.ts): the list as this tab holds it after. */
  private async readInOtherTabs(): Promise<boolean> {
    if (!this.runs) return false; // never read: the first read will see everything
    const runs = await this.runs;
    await this.writes.settled();
    return this.otherTabs.merge(runs, {
      recordedHere: () => this.live,
      letGo: (live) => {
        live.release();
        this.live = this.live.filter((l) => l !== live);
      },
    });
  }
}

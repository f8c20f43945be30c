/**
 * The training session: an explicit state machine (idle → preparing → training ⇄ paused →
 * done / error) around one run's model and Trainer. Commands arrive from the worker entry; events
 * leave through `host.emit`. The loop yields to the event loop after every step so that pause,
 * stop and learning-rate changes take effect at the next step. Runs in Node tests unchanged.
 */
import { message, type Message } from '../shared/messages/message';
import { MessageError, toMessage } from '../shared/messages/messageError';
import type * as tf from '@tensorflow/tfjs';
import type { PreparedData } from '../data/split';
import { analyzeModel, type ModelAnalysis } from '../models/analyze';
import { createRun, disposeRun, type Run } from './run';
import type {
  BackendReport,
  RestoreSource,
  SessionCommand,
  Phase,
  StartRequest,
  TrainRecord,
  WorkerEvent,
} from '../shared/protocol';
import { assertNever } from '../shared/protocol';
import type { Trainer } from './trainer';
import { restoreModel } from './savedModels/modelBundle';
import { restoreEarlyStopping } from './earlyStopRestore';
import type { StoredModel } from './savedModels/savedModelStore';
import type { RunRecorder } from './runs/runRecorder';
import { makeExperiment } from '../shared/experiment';
import { estimateTrainingBytes } from '../models/trainingMemory';
import { buildModel } from '../models/builder';
import type { BackendName } from '../models/trainingConfig';
import { BACKEND_ORDER } from './backends/backendChoice';
import { lackingTrainingKernel } from './backends/missingKernel';
import { backendForPair, type KernelGap } from './backends/pairBackend';
import { choosePairMode, PAIR_MEMORY_BUDGET_BYTES } from '../shared/runs/pairing';

export interface SessionHost {
  emit(event: WorkerEvent): void;
  loadData(
    request: StartRequest,
    progress: (message: Message, fraction: number | null) => void,
  ): Promise<PreparedData>;
  /** Picks, proves and activates a backend for this request, telling how far measuring got. */
  prepareBackend(
    request: StartRequest,
    data: PreparedData,
    progress: (message: Message, fraction: number | null) => void,
  ): Promise<BackendReport>;
  /** Switches tfjs to a backend prepareBackend's trials passed on (A of a pair needs another). */
  activateBackend(backend: BackendName): Promise<void>;
  /** A saved model's weights and history (for a start with `restoreFrom`). */
  loadSavedModel(id: string): Promise<StoredModel | undefined>;
  /** Lets queued commands run (a macrotask); tests may pass setImmediate. */
  yieldToEvents(): Promise<void>;
  now(): number;
  /** Records every run (curves, checkpoints) in the browser; absent in tests that do not need it. */
  runs?: RunRecorder;
  /** The most memory A and B may need together to train interleaved (tests lower it). */
  pairBudgetBytes?: number;
}

export { METRICS_INTERVAL_MS } from './metricsReader';

const TRANSITIONS: Record<Phase, readonly Phase[]> = {
  idle: ['preparing'],
  preparing: ['training', 'paused', 'error', 'idle'],
  training: ['paused', 'done', 'error', 'idle', 'preparing'],
  paused: ['training', 'done', 'error', 'idle', 'preparing'],
  done: ['idle', 'preparing'],
  error: ['idle', 'preparing'],
};

/** What the user is told when a run starts paused from stored weights. */
const RESTORED_MESSAGE = {
  savedModel: 'worker.restored',
  checkpoint: 'worker.forked',
  reopen: 'worker.reopened',
} as const satisfies Record<RestoreSource['kind'], string>;

/** B's request and data while A trains first (a pair that does not fit in memory together). */
interface DeferredRun {
  request: StartRequest;
  data: PreparedData;
  backend: string;
}

export class TrainingSession {
  phase: Phase = 'idle';
  /** The run of the design on screen (B of a pair): the one the views, saves and timeline follow. */
  private run: Run | null = null;
  /** Run A of "Train A and B", while it trains; null otherwise. */
  private partner: Run | null = null;
  /** B, built once A has finished, when A and B train one after the other. */
  private deferred: DeferredRun | null = null;
  /** Of A and B, the run that took the last step (the next goes to the other). */
  private lastStepped: Run | null = null;
  private runId = 0;
  /** Bumped by every start/reset so that stale async work can tell it was cancelled. */
  private generation = 0;
  private loop: Promise<void> | null = null;
  private pauseRequested = false;
  private stopRequested = false;

  constructor(private readonly host: SessionHost) {}

  /** The one entry point for commands from the UI. */
  async handle(command: SessionCommand): Promise<void> {
    switch (command.type) {
      case 'start':
        return this.start(command.request);
      case 'pause':
        return this.pause();
      case 'resume':
        return this.resume();
      case 'step':
        return this.step();
      case 'stop':
        return this.stop();
      case 'reset':
        return this.reset();
      // Both apply to the design on screen (B of a pair), also while it waits for A.
      case 'setLearningRate':
        this.run?.trainer.setLearningRate(command.learningRate);
        this.patchDeferred({ learningRate: command.learningRate });
        return;
      case 'setEpochs':
        if (Number.isInteger(command.epochs) && command.epochs >= 1) {
          if (this.run) {
            this.run.epochs = command.epochs;
            // More epochs than an early stop left it: the stop is lifted, the run trains on.
            if (command.epochs > this.run.trainer.epoch) this.run.earlyStopper?.trainOn();
            // A schedule spanning the run (cosine) stretches or shrinks with it.
            this.run.trainer.plannedEpochs = command.epochs;
          }
          this.patchDeferred({ epochs: command.epochs });
        }
        return;
      default:
        return assertNever(command, 'command');
    }
  }

  /** For tests and the worker entry: the live model of the current run. */
  get model(): tf.LayersModel | null {
    return this.run?.model ?? null;
  }

  get trainer(): Trainer | null {
    return this.run?.trainer ?? null;
  }

  /** The run the internals views probe: live, paused or finished (until reset or a new start). */
  get currentRun(): Run | null {
    return this.run;
  }

  private transition(to: Phase, message: Message | null = null): void {
    if (to !== this.phase && !TRANSITIONS[this.phase].includes(to)) {
      throw new Error(`Invalid training transition ${this.phase} → ${to}`);
    }
    this.phase = to;
    this.host.emit({ type: 'phase', runId: this.runId, phase: to, message });
    // A trains and pauses with B (the recorder times each run by its phases).
    if (this.partner) {
      this.host.emit({ type: 'phase', runId: this.partner.id, phase: to, message: null });
    }
  }

  /** The runs that train now: A and B of a pair, or the one run. */
  private get active(): Run[] {
    return [this.partner, this.run].filter((run): run is Run => run !== null);
  }

  private isActive(runId: number): boolean {
    return this.active.some((run) => run.id === runId);
  }

  private patchDeferred(training: Partial<StartRequest['training']>): void {
    const deferred = this.deferred;
    if (!deferred) return;
    deferred.request = {
      ...deferred.request,
      training: { ...deferred.request.training, ...training },
    };
  }

  private async start(request: StartRequest): Promise<void> {
    // A fork reads its checkpoint before the current run halts: halting keeps a pause point where
    // that run stands, which replaces its previous one, perhaps the very checkpoint forked from.
    if (request.restoreFrom?.kind === 'checkpoint') {
      const early = this.loadRestoreSource(request.restoreFrom);
      early.catch(() => undefined); // reported where restore awaits it
      this.preloaded.set(request, early);
    }
    await this.halt();
    const generation = ++this.generation;
    this.runId = request.runId;
    this.pauseRequested = request.pauseAfterFirstStep || request.restoreFrom !== null;
    this.stopRequested = false;
    this.transition('preparing');
    const info = request.datasetInfo;
    const partner = partnerOf(request);
    try {
      const analysis = analyzeModel(request.spec, info, request.training, request.dataset);
      if (analysis.blockingReason) throw new MessageError(analysis.blockingReason);
      const partnerAnalysis = partner
        ? analyzeModel(partner.spec, info, partner.training, request.dataset)
        : null;
      if (partnerAnalysis?.blockingReason) {
        throw new MessageError(
          message('worker.partnerInvalid', { reason: partnerAnalysis.blockingReason }),
        );
      }
      const data = await this.host.loadData(request, (message, fraction) =>
        this.host.emit({ type: 'progress', runId: request.runId, message, fraction }),
      );
      if (generation !== this.generation) return;
      this.host.emit({
        type: 'progress',
        runId: request.runId,
        message: message('worker.checkingBackends'),
        fraction: null,
      });
      let report = await this.host.prepareBackend(request, data, (message, fraction) =>
        this.host.emit({ type: 'progress', runId: request.runId, message, fraction }),
      );
      if (generation !== this.generation) return;
      if (partner) {
        // The backend was chosen for B: A trains there too, unless it lacks an operation A needs.
        const paired = backendForPair(report, kernelGapOf(partner));
        if (paired.backend !== report.backend) await this.host.activateBackend(paired.backend);
        if (generation !== this.generation) return;
        report = paired;
      }
      this.host.emit({ type: 'backend', runId: request.runId, report });
      if (partner && partnerAnalysis) {
        const budget = this.host.pairBudgetBytes ?? PAIR_MEMORY_BUDGET_BYTES;
        const memoryOf = (of: ModelAnalysis, { training }: StartRequest) =>
          estimateTrainingBytes(of, training.batchSize, training.optimizer).total;
        const [bytesB, bytesA] = [memoryOf(analysis, request), memoryOf(partnerAnalysis, partner)];
        const mode = choosePairMode(bytesA, bytesB, budget);
        const bytes = bytesA + bytesB;
        this.host.emit({
          type: 'pair',
          runId: request.runId,
          partnerRunId: partner.runId,
          mode,
          bytes,
          budget,
        });
        // A is recorded first, so B's "what changed" in the runs list reads as the A/B difference.
        const partnerRun = await this.buildRun(partner, data, report.backend, generation, 'A');
        if (!partnerRun) return;
        this.partner = partnerRun;
        await this.checkpoint(partnerRun);
        if (mode === 'sequential') {
          this.deferred = { request, data, backend: report.backend };
          this.partner.metrics.restartClock();
          this.transition('training');
          this.startLoop();
          return;
        }
      }
      const run = await this.buildRun(
        request,
        data,
        report.backend,
        generation,
        partner ? 'B' : '',
      );
      if (!run) return;
      this.run = run;
      await this.checkpoint(run);
    } catch (error) {
      if (generation !== this.generation) return;
      // The error reaches A of a pair too (recorded already when B fails to build), then both go.
      this.transition('error', toMessage(error));
      this.disposeRun();
      return;
    }
    for (const run of this.active) run.metrics.restartClock();
    if (request.restoreFrom !== null) {
      const { step, epoch } = this.run.trainer;
      const loaded =
        epoch >= this.run.epochs
          ? message('worker.restoredFinished', { step, epoch, epochs: this.run.epochs })
          : message(RESTORED_MESSAGE[request.restoreFrom.kind], { step, epoch });
      this.transition('paused', loaded);
      return;
    }
    if (request.pauseAfterFirstStep) {
      this.transition('paused');
      await this.step();
      return;
    }
    this.transition('training');
    this.startLoop();
  }

  /**
   * Builds a run's model and trainer on the prepared data, loads its starting weights when it has
   * some, and starts recording it. Null when a newer command cancelled the start meanwhile.
   */
  private async buildRun(
    request: StartRequest,
    data: PreparedData,
    backend: string,
    generation: number,
    /** The stored run's first name ('A', 'B' for a pair, else none). */
    name: string,
  ): Promise<Run | null> {
    const run = createRun(
      request,
      data,
      () => this.host.now(),
      (record) => this.onRecord(request.runId, record),
    );
    try {
      this.host.emit({
        type: 'dataInfo',
        runId: request.runId,
        trainCount: data.train.count,
        validationCount: data.validation?.count ?? 0,
        testCount: data.test?.count ?? 0,
        stepsPerEpoch: run.trainer.stepsPerEpoch,
      });
      // The run becomes visible (to probes, saves) only once its weights are the saved ones.
      if (request.restoreFrom !== null) await this.restore(run, request.restoreFrom);
      if (generation !== this.generation) {
        disposeRun(run);
        return null;
      }
      const recorded = await this.record(request, run, backend, name);
      if (generation !== this.generation) {
        disposeRun(run);
        // Cancelled while it was being recorded: a new run with no step of its own is not kept.
        if (recorded && request.restoreFrom?.kind !== 'reopen') {
          await this.host.runs?.discard(recorded.id);
        }
        return null;
      }
      if (recorded) this.host.emit({ type: 'runBegan', runId: request.runId, summary: recorded });
      return run;
    } catch (error) {
      disposeRun(run);
      throw error;
    }
  }

  /** Starts recording the run: a new stored run, or the reopened one going on. */
  private async record(request: StartRequest, run: Run, backend: string, name: string) {
    const runs = this.host.runs;
    const source = request.restoreFrom;
    if (!runs) return undefined;
    if (source?.kind === 'reopen') {
      return runs.reopen({
        sessionRunId: request.runId,
        runId: source.runId,
        step: source.step,
        backend,
      });
    }
    return runs.begin({
      sessionRunId: request.runId,
      name,
      alongside: this.partner !== null,
      experiment: makeExperiment({
        name: '',
        spec: request.spec,
        dataset: request.dataset,
        training: request.training,
        views: { open: [], intervalMs: 250 },
      }),
      parent: source?.kind === 'checkpoint' ? { runId: source.runId, step: source.step } : null,
      backend,
      stepsPerEpoch: run.trainer.stepsPerEpoch,
      step: run.trainer.step,
      epoch: run.trainer.epoch,
      training: this.phase === 'training',
    });
  }

  /** Puts a saved model's or a checkpoint's weights, optimizer state and step into the fresh run. */
  private async restore(run: Run, source: RestoreSource): Promise<void> {
    const stored = await (this.preloaded.get(run.request) ?? this.loadRestoreSource(source));
    const notes = await restoreModel(run.model, run.trainer, stored.bundle);
    // Patience and the best epoch carry over; its weights come from its checkpoint, if kept.
    await restoreEarlyStopping(run, stored.history.validation, (step) =>
      source.kind === 'savedModel'
        ? Promise.resolve(undefined)
        : (this.host.runs?.checkpointWeights(source.runId, step) ?? Promise.resolve(undefined)),
    );
    this.host.emit({
      type: 'restored',
      runId: run.id,
      step: run.trainer.step,
      epoch: run.trainer.epoch,
      history: stored.history,
      notes,
    });
  }

  private async loadRestoreSource(source: RestoreSource): Promise<StoredModel> {
    if (source.kind === 'savedModel') {
      const stored = await this.host.loadSavedModel(source.id);
      if (!stored) throw new MessageError(message('worker.savedModelGone'));
      return stored;
    }
    const fork = await this.host.runs?.loadCheckpoint(source.runId, source.step);
    if (!fork) throw new MessageError(message('worker.runGone'));
    return fork;
  }

  private startLoop(): void {
    this.loop = this.trainLoop(this.generation).finally(() => {
      this.loop = null;
    });
  }

  private async trainLoop(generation: number): Promise<void> {
    try {
      while (generation === this.generation && !this.pauseRequested && !this.stopRequested) {
        const run = await this.nextToStep(generation);
        if (!run) {
          this.stopRequested = true;
          break;
        }
        run.trainer.runStep();
        await this.checkpoint(run);
        if (run.trainer.step % run.trainer.stepsPerEpoch === 0) {
          await run.metrics.flush();
          await this.validate(run);
        } else {
          await run.metrics.afterStep();
        }
        await this.host.yieldToEvents();
      }
      if (generation !== this.generation) return;
      for (const run of this.active) await run.metrics.flush();
      if (generation !== this.generation) return;
      if (this.stopRequested) {
        await this.finish();
      } else {
        for (const run of this.active) await this.keepWhereItStands(run);
        this.transition('paused', this.pauseMessage);
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.transition('error', toMessage(error));
    }
  }

  /**
   * The run that takes the next step: A and B in turn while both have epochs to go, else the one
   * that has. A that has trained all its epochs is finished and freed here; when A and B train one
   * after the other, B is built then. Null when every run has trained all its epochs.
   */
  private async nextToStep(generation: number): Promise<Run | null> {
    if (this.partner && this.partner.trainer.epoch >= this.partner.epochs) {
      await this.finishPartner();
      if (this.deferred && !(await this.buildDeferred(generation))) return null;
    }
    const due = this.active.filter((run) => run.trainer.epoch < run.epochs);
    const next = due.find((run) => run !== this.lastStepped) ?? due[0] ?? null;
    this.lastStepped = next;
    return next;
  }

  /** Builds B after A (a pair trained one after the other); false when cancelled meanwhile. */
  private async buildDeferred(generation: number): Promise<boolean> {
    const deferred = this.deferred;
    this.deferred = null;
    if (!deferred) return true;
    const { request, data, backend } = deferred;
    const run = await this.buildRun(request, data, backend, generation, 'B');
    if (!run) return false;
    this.run = run;
    await this.checkpoint(run);
    run.metrics.restartClock();
    return true;
  }

  private pauseMessage: Message | null = null;
  /** A fork's checkpoint, read before the start halted the run it was taken from. */
  private readonly preloaded = new WeakMap<StartRequest, Promise<StoredModel>>();

  /**
   * Keeps the model's state when the run's checkpoint schedule says so. Waits only for the copy on
   * the device (microtasks), never for storage; a failed checkpoint never stops training.
   */
  private async checkpoint(run: Run): Promise<void> {
    await this.host.runs?.checkpointIfDue(run.id, run.model, run.trainer).catch(() => undefined);
  }

  /** A checkpoint where the run pauses or ends (off the schedule too), to reopen it there. */
  private async keepWhereItStands(run: Run): Promise<void> {
    await this.host.runs?.checkpointNow(run.id, run.model, run.trainer).catch(() => undefined);
  }

  private onRecord(runId: number, record: TrainRecord): void {
    if (!this.isActive(runId)) return;
    this.host.emit({ type: 'train', runId, record });
    if (!Number.isFinite(record.loss)) {
      // The setting the learner can change: the base rate, not the scheduled rate of the step.
      const base = this.active.find((r) => r.id === runId)?.trainer.baseRate;
      this.onNonFiniteLoss(record.loss, record.step, base ?? record.learningRate);
    }
  }

  private onNonFiniteLoss(loss: number, step: number, learningRate: number): void {
    this.pauseRequested = true;
    this.pauseMessage = message(
      Number.isNaN(loss) ? 'worker.divergedNaN' : 'worker.divergedInfinite',
      {
        step,
        learningRate: String(learningRate),
        lower: String(learningRate / 10),
      },
    );
  }

  private async validate(run: Run): Promise<void> {
    const result = await run.trainer.evaluate();
    if (!result || !this.isActive(run.id)) return;
    const { loss, accuracy } = result;
    const record = { step: run.trainer.step, epoch: run.trainer.epoch, loss, accuracy };
    this.host.emit({ type: 'validation', runId: run.id, record });
    // Early stopping ends the run at this epoch, as if it had been its last. Only whole epochs
    // count: a run stopped by hand mid-epoch is validated at the end, and that is not an epoch.
    const epochEnd = run.trainer.step % run.trainer.stepsPerEpoch === 0;
    if (epochEnd && run.earlyStopper?.observe(record)) run.epochs = run.trainer.epoch;
  }

  /** Ends every run of the session (A first): B's end is the session's. */
  private async finish(): Promise<void> {
    if (this.partner) await this.finishPartner();
    // Stopped while A trained first: B never starts.
    this.deferred = null;
    if (this.run) await this.finishRun(this.run);
    this.stopRequested = false;
    this.transition('done', this.run?.earlyStopper?.stopped ?? null);
  }

  /** A's end: its last numbers, its own 'done', and its model freed (B may train on). */
  private async finishPartner(): Promise<void> {
    const partner = this.partner;
    if (!partner) return;
    await partner.metrics.flush();
    await this.finishRun(partner);
    this.partner = null;
    if (this.lastStepped === partner) this.lastStepped = null;
    const stopped = partner.earlyStopper?.stopped ?? null;
    this.host.emit({ type: 'phase', runId: partner.id, phase: 'done', message: stopped });
    await this.host.runs?.end(partner.id);
    disposeRun(partner);
  }

  private async finishRun(run: Run): Promise<void> {
    // Validate once more unless the run ended exactly on an epoch (already validated then).
    if (run.trainer.step % run.trainer.stepsPerEpoch !== 0) await this.validate(run);
    // Stopped early: the best epoch's weights, for the test and the checkpoint kept.
    run.earlyStopper?.restoreBest();
    // The test set is used once, at the end: it never steered a choice during training.
    const test = run.test ? await run.trainer.evaluate(run.test) : null;
    if (test && this.isActive(run.id)) {
      this.host.emit({
        type: 'test',
        runId: run.id,
        record: { step: run.trainer.step, ...test },
      });
    }
    await this.keepWhereItStands(run);
  }

  private async pause(): Promise<void> {
    if (this.phase === 'preparing') this.pauseRequested = true;
    if (this.phase !== 'training') return;
    this.pauseMessage = null;
    this.pauseRequested = true;
    await this.loop;
  }

  private async resume(): Promise<void> {
    if (this.phase !== 'paused' || this.active.length === 0) return;
    this.pauseRequested = false;
    this.pauseMessage = null;
    for (const run of this.active) run.metrics.restartClock();
    this.transition('training');
    this.startLoop();
  }

  /** One step while paused (or the first step of a run started with pauseAfterFirstStep). */
  private async step(): Promise<void> {
    if (this.phase !== 'paused') return;
    const run = await this.nextToStep(this.generation);
    if (!run) return;
    run.metrics.restartClock();
    run.trainer.runStep();
    await this.checkpoint(run);
    await this.keepWhereItStands(run);
    await run.metrics.flush();
    if (run.trainer.step % run.trainer.stepsPerEpoch === 0) await this.validate(run);
    if (this.pauseMessage) this.transition('paused', this.pauseMessage);
    // A Step that reaches an early stop ends the run as training would: best weights back, and
    // the reason shown (a pair waits for its other run).
    else if (run.earlyStopper?.stopped && !this.partner && !this.deferred) await this.finish();
  }

  private async stop(): Promise<void> {
    if (this.phase === 'training') {
      this.stopRequested = true;
      await this.loop;
    } else if (this.phase === 'paused' && this.active.length > 0) {
      await this.finish();
    } else if (this.phase === 'preparing') {
      this.generation++;
      this.transition('idle');
    }
  }

  private async reset(): Promise<void> {
    await this.halt();
    if (this.phase !== 'idle') this.transition('idle');
  }

  /** Cancels any run (waiting for its loop and read to settle) and frees its tensors. */
  private async halt(): Promise<void> {
    this.generation++;
    if (this.loop) await this.loop;
    for (const run of this.active) await run.metrics.settle();
    for (const run of this.active) await this.keepWhereItStands(run);
    await this.host.runs?.end();
    this.disposeRun();
    this.pauseRequested = false;
    this.stopRequested = false;
    this.pauseMessage = null;
  }

  /** Frees every run of the session (B, and A of a pair). */
  private disposeRun(): void {
    const runs = this.active;
    this.run = null;
    this.partner = null;
    this.deferred = null;
    this.lastStepped = null;
    for (const run of runs) disposeRun(run);
  }
}

/**
 * Run A of a pair as a request of its own: its design and settings, on B's data, seed, split and
 * backend (the page checks these match; the worker makes sure). Null without a pair, and for
 * starts that load weights or take a single step.
 */
/**
 * Which kernel A's training step lacks on each backend, found on a throwaway build of A's model
 * (only its layers matter; it is freed at once, before any backend switch).
 */
function kernelGapOf(partner: StartRequest): KernelGap {
  const model = buildModel(partner.spec, partner.datasetInfo.inputShape, partner.training.seed);
  try {
    const gaps = new Map(BACKEND_ORDER.map((b) => [b, lackingTrainingKernel(model, b)] as const));
    return (backend) => gaps.get(backend) ?? null;
  } finally {
    model.dispose();
  }
}

function partnerOf(request: StartRequest): StartRequest | null {
  const partner = request.partner;
  if (!partner || request.restoreFrom !== null || request.pauseAfterFirstStep) return null;
  const { seed, validationSplit, testSplit, backend } = request.training;
  return {
    ...request,
    runId: partner.runId,
    spec: partner.spec,
    training: { ...partner.training, seed, validationSplit, testSplit, backend },
    partner: null,
  };
}

/** An error's English text (logs, tests); what the user sees is `toMessage(error)`. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

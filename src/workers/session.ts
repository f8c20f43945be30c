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
import { analyzeModel } from '../models/analyze';
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
import type { StoredModel } from './savedModels/savedModelStore';
import type { RunRecorder } from './runs/runRecorder';
import { makeExperiment } from '../shared/experiment';

export interface SessionHost {
  emit(event: WorkerEvent): void;
  loadData(
    request: StartRequest,
    progress: (message: Message, fraction: number | null) => void,
  ): Promise<PreparedData>;
  /** Picks, proves and activates a backend for this request. */
  prepareBackend(request: StartRequest, data: PreparedData): Promise<BackendReport>;
  /** A saved model's weights and history (for a start with `restoreFrom`). */
  loadSavedModel(id: string): Promise<StoredModel | undefined>;
  /** Lets queued commands run (a macrotask); tests may pass setImmediate. */
  yieldToEvents(): Promise<void>;
  now(): number;
  /** Records every run (curves, checkpoints) in the browser; absent in tests that do not need it. */
  runs?: RunRecorder;
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

export class TrainingSession {
  phase: Phase = 'idle';
  private run: Run | null = null;
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
      case 'setLearningRate':
        this.run?.trainer.setLearningRate(command.learningRate);
        return;
      case 'setEpochs':
        if (this.run && Number.isInteger(command.epochs) && command.epochs >= 1) {
          this.run.epochs = command.epochs;
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
  }

  private async start(request: StartRequest): Promise<void> {
    await this.halt();
    const generation = ++this.generation;
    this.runId = request.runId;
    this.pauseRequested = request.pauseAfterFirstStep || request.restoreFrom !== null;
    this.stopRequested = false;
    this.transition('preparing');
    const info = request.datasetInfo;
    try {
      const analysis = analyzeModel(request.spec, info, request.training, request.dataset);
      if (analysis.blockingReason) throw new MessageError(analysis.blockingReason);
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
      const report = await this.host.prepareBackend(request, data);
      if (generation !== this.generation) return;
      this.host.emit({ type: 'backend', runId: request.runId, report });
      const run = createRun(
        request,
        data,
        () => this.host.now(),
        (record) => this.onRecord(request.runId, record),
      );
      this.host.emit({
        type: 'dataInfo',
        runId: request.runId,
        trainCount: data.train.count,
        validationCount: data.validation?.count ?? 0,
        testCount: data.test?.count ?? 0,
        stepsPerEpoch: run.trainer.stepsPerEpoch,
      });
      // The run becomes visible (to probes, saves) only once its weights are the saved ones.
      if (request.restoreFrom !== null) {
        try {
          await this.restore(run, request.restoreFrom);
        } catch (error) {
          disposeRun(run);
          throw error;
        }
        if (generation !== this.generation) {
          disposeRun(run);
          return;
        }
      }
      const recorded = await this.record(request, run, report.backend);
      if (generation !== this.generation) {
        disposeRun(run);
        return;
      }
      if (recorded) this.host.emit({ type: 'runBegan', runId: request.runId, summary: recorded });
      this.run = run;
      await this.checkpoint(run);
    } catch (error) {
      if (generation !== this.generation) return;
      this.disposeRun();
      this.transition('error', toMessage(error));
      return;
    }
    this.run.metrics.restartClock();
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

  /** Starts recording the run: a new stored run, or the reopened one going on. */
  private async record(request: StartRequest, run: Run, backend: string) {
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
    });
  }

  /** Puts a saved model's or a checkpoint's weights, optimizer state and step into the fresh run. */
  private async restore(run: Run, source: RestoreSource): Promise<void> {
    const stored = await this.loadRestoreSource(source);
    const notes = await restoreModel(run.model, run.trainer, stored.bundle);
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
    const run = this.run;
    if (!run) return;
    const { trainer } = run;
    try {
      while (generation === this.generation && !this.pauseRequested && !this.stopRequested) {
        if (trainer.epoch >= run.epochs) {
          this.stopRequested = true;
          break;
        }
        trainer.runStep();
        await this.checkpoint(run);
        if (trainer.step % trainer.stepsPerEpoch === 0) {
          await run.metrics.flush();
          await this.validate(run);
        } else {
          await run.metrics.afterStep();
        }
        await this.host.yieldToEvents();
      }
      if (generation !== this.generation) return;
      await run.metrics.flush();
      if (generation !== this.generation) return;
      if (this.stopRequested) {
        await this.finish(run);
      } else {
        await this.keepWhereItStands(run);
        this.transition('paused', this.pauseMessage);
      }
    } catch (error) {
      if (generation !== this.generation) return;
      this.transition('error', toMessage(error));
    }
  }

  private pauseMessage: Message | null = null;

  /**
   * Keeps the model's state when the run's checkpoint schedule says so. Waits only for the copy on
   * the device (microtasks), never for storage; a failed checkpoint never stops training.
   */
  private async checkpoint(run: Run): Promise<void> {
    await this.host.runs?.checkpointIfDue(run.model, run.trainer).catch(() => undefined);
  }

  /** A checkpoint where the run pauses or ends (off the schedule too), to reopen it there. */
  private async keepWhereItStands(run: Run): Promise<void> {
    await this.host.runs?.checkpointNow(run.model, run.trainer).catch(() => undefined);
  }

  private onRecord(runId: number, record: TrainRecord): void {
    if (runId !== this.run?.id) return;
    this.host.emit({ type: 'train', runId, record });
    if (!Number.isFinite(record.loss))
      this.onNonFiniteLoss(record.loss, record.step, record.learningRate);
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
    if (!result || run !== this.run) return;
    const { loss, accuracy } = result;
    this.host.emit({
      type: 'validation',
      runId: run.id,
      record: { step: run.trainer.step, epoch: run.trainer.epoch, loss, accuracy },
    });
  }

  private async finish(run: Run): Promise<void> {
    // Validate once more unless the run ended exactly on an epoch (already validated then).
    if (run.trainer.step % run.trainer.stepsPerEpoch !== 0) await this.validate(run);
    // The test set is used once, at the end: it never steered a choice during training.
    const test = run.test ? await run.trainer.evaluate(run.test) : null;
    if (test && run === this.run) {
      this.host.emit({
        type: 'test',
        runId: run.id,
        record: { step: run.trainer.step, ...test },
      });
    }
    this.stopRequested = false;
    await this.keepWhereItStands(run);
    this.transition('done');
  }

  private async pause(): Promise<void> {
    if (this.phase === 'preparing') this.pauseRequested = true;
    if (this.phase !== 'training') return;
    this.pauseMessage = null;
    this.pauseRequested = true;
    await this.loop;
  }

  private async resume(): Promise<void> {
    if (this.phase !== 'paused' || !this.run) return;
    this.pauseRequested = false;
    this.pauseMessage = null;
    this.run.metrics.restartClock();
    this.transition('training');
    this.startLoop();
  }

  /** One step while paused (or the first step of a run started with pauseAfterFirstStep). */
  private async step(): Promise<void> {
    const run = this.run;
    if (this.phase !== 'paused' || !run) return;
    if (run.trainer.epoch >= run.epochs) return;
    run.metrics.restartClock();
    run.trainer.runStep();
    await this.checkpoint(run);
    await this.keepWhereItStands(run);
    await run.metrics.flush();
    if (run.trainer.step % run.trainer.stepsPerEpoch === 0) await this.validate(run);
    if (this.pauseMessage) this.transition('paused', this.pauseMessage);
  }

  private async stop(): Promise<void> {
    if (this.phase === 'training') {
      this.stopRequested = true;
      await this.loop;
    } else if (this.phase === 'paused' && this.run) {
      await this.finish(this.run);
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
    await this.run?.metrics.settle();
    if (this.run) await this.keepWhereItStands(this.run);
    await this.host.runs?.end();
    this.disposeRun();
    this.pauseRequested = false;
    this.stopRequested = false;
    this.pauseMessage = null;
  }

  private disposeRun(): void {
    const run = this.run;
    this.run = null;
    if (run) disposeRun(run);
  }
}

/** An error's English text (logs, tests); what the user sees is `toMessage(error)`. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

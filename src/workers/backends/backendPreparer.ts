/**
 * Gets tfjs onto the backend a run should train on: the decision (chooseBackend) for this model,
 * remembered for the worker's life and, for "auto", across visits (BackendMemory), with progress
 * while candidates are timed. Preparations run one after another: switching backends is global
 * to tfjs, so a cancelled run still measuring must finish before the next one measures.
 */
import type { PreparedData } from '../../data/split';
import type { BackendName } from '../../models/trainingConfig';
import { message, type Message } from '../../shared/messages/message';
import type { BackendReport, StartRequest } from '../../shared/protocol';
import {
  BACKEND_LABELS,
  chooseBackend,
  type BackendDecision,
  type TrialFn,
  type WebGpuStatus,
} from './backendChoice';
import { backendMemoryKey, type BackendMemory } from './backendMemory';

export interface PreparerDeps {
  memory: BackendMemory;
  webgpuStatus(): Promise<WebGpuStatus>;
  /** The browser and its version (navigator.userAgent): a new version is measured afresh. */
  browser: string;
  /** The threads WASM trains with here (more on a cross-origin isolated page): its speed. */
  wasmThreads?: number;
  trial(request: StartRequest, data: PreparedData): TrialFn;
  /** Switches tfjs to the chosen backend for training. */
  activate(backend: BackendName): Promise<void>;
  /** The timing budget of a measurement (MEASURE_BUDGET_MS unless a test shortens it). */
  budgetMs?: number;
  /**
   * Times a quick start's deferred GPUs away from the training (in another worker, whose tfjs
   * switches backends without touching this one's) and resolves with the complete decision, or
   * null when it could not or `signal` aborted it. Without it, auto times every candidate before
   * training.
   */
  measureLater?(
    request: StartRequest,
    decision: BackendDecision,
    signal: AbortSignal,
  ): Promise<BackendReport | null>;
  /**
   * A background measurement's complete decision, once remembered, with the request whose start
   * left it (the page shows it beside that run's report).
   */
  onMeasured?(report: BackendReport, request: StartRequest): void;
}

export type PrepareProgress = (message: Message, fraction: number | null) => void;

export class BackendPreparer {
  /** The last decision in this worker: the same model again needs no new trial at all. */
  private last: { key: string; report: BackendReport } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * The one background measurement under way: at most one, for the model last prepared (another
   * model's, or one started before "measure again", is aborted: it would time its backends
   * against this one's and store what the user asked to forget).
   */
  private background: { memoryKey: string; abort: AbortController } | null = null;

  constructor(private readonly deps: PreparerDeps) {}

  prepare(
    request: StartRequest,
    data: PreparedData,
    progress: PrepareProgress = () => undefined,
  ): Promise<BackendReport> {
    const next = this.queue.then(() => this.prepareNow(request, data, progress));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** "Measure again": every remembered decision is dropped; the next Train measures. */
  async forget(): Promise<void> {
    this.last = null;
    this.stopBackground(); // a background result arriving now is not remembered
    await this.deps.memory.clear().catch((error: unknown) => {
      console.error('LayerLab could not forget its backend measurements:', error);
    });
  }

  private async prepareNow(
    request: StartRequest,
    data: PreparedData,
    progress: PrepareProgress,
  ): Promise<BackendReport> {
    const { deps } = this;
    const webgpu = await deps.webgpuStatus();
    const choice = request.training.backend;
    const memoryKey = backendMemoryKey(request, webgpu, deps.browser, deps.wasmThreads ?? 1);
    // Another model's background timing would compete with this one's timing and training.
    if (this.background && this.background.memoryKey !== memoryKey) this.stopBackground();
    const lastKey = `${choice} ${memoryKey}`;
    let report = this.last?.key === lastKey ? this.last.report : null;
    if (!report) {
      const remembered =
        choice === 'auto' ? await deps.memory.get(memoryKey).catch(() => undefined) : undefined;
      // Whole batches only: the epoch the quick start estimates is the epoch that trains.
      const batch = Math.min(request.training.batchSize, data.train.count);
      report = await chooseBackend(choice, webgpu, deps.trial(request, data), {
        remembered: remembered ?? null,
        ...(deps.measureLater
          ? { epochSamples: Math.floor(data.train.count / batch) * batch }
          : {}),
        ...(deps.budgetMs !== undefined ? { budgetMs: deps.budgetMs } : {}),
        onMeasure: (backend, done, total) =>
          progress(
            message('worker.measuringBackend', { backend: BACKEND_LABELS[backend], done, total }),
            done / total,
          ),
      });
      const measuredNow =
        report.measuredAt !== null && report.measuredAt !== remembered?.measuredAt;
      if (choice === 'auto' && measuredNow) {
        await deps.memory.set(memoryKey, report).catch((error: unknown) => {
          console.error('LayerLab could not remember its backend measurement:', error);
        });
      }
      this.last = { key: lastKey, report };
    }
    const decision: BackendDecision = report;
    if (decision.deferred?.length) this.measureInBackground(lastKey, memoryKey, request, decision);
    await deps.activate(report.backend);
    const { backend, reason, trials, measuredAt } = report;
    return { backend, reason, trials, measuredAt }; // the page gets no internal bookkeeping
  }

  /** Times a quick start's deferred GPUs; the complete decision replaces the quick one. */
  private measureInBackground(
    lastKey: string,
    memoryKey: string,
    request: StartRequest,
    decision: BackendDecision,
  ): void {
    const { measureLater, memory } = this.deps;
    if (!measureLater || this.background?.memoryKey === memoryKey) return;
    const mine = { memoryKey, abort: new AbortController() };
    this.background = mine;
    void measureLater(request, decision, mine.abort.signal)
      .catch((error: unknown) => {
        console.error('LayerLab could not time the GPUs in the background:', error);
        return null;
      })
      .then(async (complete) => {
        // Aborted meanwhile (another model, "measure again"), or nothing measured: the quick
        // decision stands.
        if (this.background !== mine) return;
        this.background = null;
        if (!complete || mine.abort.signal.aborted) return;
        if (this.last?.key === lastKey) this.last = { key: lastKey, report: complete };
        await memory.set(memoryKey, complete).catch((error: unknown) => {
          console.error('LayerLab could not remember its backend measurement:', error);
        });
        this.deps.onMeasured?.(complete, request);
      });
  }

  private stopBackground(): void {
    this.background?.abort.abort();
    this.background = null;
  }
}

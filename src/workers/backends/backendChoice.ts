/**
 * Backend selection policy. "Auto" measures: every candidate (WebGPU, WebGL, CPU) that the browser
 * offers is proven by a real training step of the user's model and timed for a share of a small
 * budget, and the fastest wins, on every machine. A tiny MLP is often fastest on the CPU even
 * beside a real GPU (every GPU kernel launch has a fixed cost), while a CNN should win on the GPU;
 * only a measurement tells. A decision remembered for this model, adapter and browser is reused
 * once its backend passes one training step again. Pure decision logic: the trial is injected (see
 * backendTrial.ts), so this is unit-tested in Node.
 */
import { message, type Message } from '../../shared/messages/message';
import type { MessageKey } from '../../shared/messages/messageKeys';
import { MessageError } from '../../shared/messages/messageError';
import type { BackendChoice, BackendName } from '../../models/trainingConfig';
import type { BackendTrial, BackendReport } from '../../shared/protocol';

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** The time all candidates' timed steps share (their first, proving step is not counted). */
export const MEASURE_BUDGET_MS = 2000;

/**
 * The CPU-side candidates are timed first: they start in a moment, while a GPU's first step
 * compiles its shaders (seconds on a software adapter, measured 11 s for the spiral here).
 */
const CPU_SIDE: readonly BackendName[] = ['wasm', 'cpu'];

/**
 * Quick start: when the fastest CPU-side candidate trains an epoch within this, training starts
 * on it at once and the GPUs are timed in the background for the next run. A GPU could at most
 * save part of an epoch this short, while timing it first would hold up every first run.
 */
export const QUICK_EPOCH_MS = 1000;

/**
 * A CPU-side candidate's timing share when a quick start is possible: a model small enough to
 * start quickly runs dozens of steps in this, enough to rank WASM against the CPU.
 */
const QUICK_SHARE_MS = 120;

/**
 * A remembered decision in which a candidate failed for what may pass (it did not start, or its
 * step threw: a module that failed to load offline, a GPU busy or out of memory) has that
 * candidate tried again in the background, once this long after the measurement. A candidate
 * that lacks a kernel, or whose loss was not a number, failed for good and is not retried.
 */
export const RETRY_FAILED_AFTER_MS = 24 * 60 * 60 * 1000;

const PASSING_FAILURES: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'worker.backend.initFailed',
  'worker.backend.initFailedWith',
  'worker.backend.stepFailed',
]);

/** The remembered decision's candidates that failed for what may pass, when they are due again. */
function dueForRetry(remembered: BackendReport, now: number): BackendName[] {
  if (remembered.measuredAt === null || now - remembered.measuredAt < RETRY_FAILED_AFTER_MS) {
    return [];
  }
  return remembered.trials
    .filter((t) => !t.ok && PASSING_FAILURES.has(t.detail.key))
    .map((t) => t.backend);
}

/** A decision, with the GPUs still to be timed when it was a quick start. */
export type BackendDecision = BackendReport & {
  /**
   * Candidates not timed yet (a quick start's GPUs), or to be timed again (failed for what may
   * pass, see RETRY_FAILED_AFTER_MS): the background measurement times them for the next run.
   */
  deferred?: BackendName[];
};

/** What is known about WebGPU before tfjs tries it. */
export type WebGpuStatus =
  | { available: false; reason: Message }
  | { available: true; fallbackAdapter: boolean; adapterName: string };

/**
 * Runs one training step on `backend`; when `timeBudgetMs` > 0, then times further steps for
 * about that long and reports samples/s.
 */
export type TrialFn = (backend: BackendName, timeBudgetMs: number) => Promise<BackendTrial>;

export interface ChoiceOptions {
  /** A decision measured earlier for this model on this machine (auto only): proven, then reused. */
  remembered?: BackendDecision | null;
  /** Total timing budget (MEASURE_BUDGET_MS). */
  budgetMs?: number;
  /** Before each candidate is measured: which, and how many of how many are done. */
  onMeasure?: (backend: BackendName, done: number, total: number) => void;
  /** The clock (tests inject one); measuredAt is stamped with it. */
  now?: () => number;
  /**
   * Training samples in one epoch: with it, auto may start quickly on the CPU side (QUICK_EPOCH_MS)
   * and defer the GPUs; without it, every candidate is timed before training.
   */
  epochSamples?: number;
}

export async function chooseBackend(
  choice: BackendChoice,
  webgpu: WebGpuStatus,
  trial: TrialFn,
  options: ChoiceOptions = {},
): Promise<BackendDecision> {
  const trials: BackendTrial[] = [];
  const tryOne = async (backend: BackendName, timeBudgetMs: number): Promise<BackendTrial> => {
    if (backend === 'webgpu' && !webgpu.available) {
      const skipped = { backend, ok: false, detail: webgpu.reason };
      trials.push(skipped);
      return skipped;
    }
    const result = await trial(backend, timeBudgetMs);
    trials.push(result);
    return result;
  };

  if (choice !== 'auto') {
    const forced = await tryOne(choice, 0);
    if (forced.ok) {
      const reason = message('worker.backend.chosenByYou', { backend: BACKEND_LABELS[choice] });
      return { backend: choice, reason, trials, measuredAt: null };
    }
    const fallback = await chooseBackend(
      'auto',
      webgpu,
      async (b, t) => (b === choice ? forced : trial(b, t)),
      { ...options, remembered: null },
    );
    return {
      ...fallback,
      reason: message('worker.backend.chosenFailed', {
        backend: BACKEND_LABELS[choice],
        detail: forced.detail,
        fallback: fallback.reason,
      }),
      trials: [...trials, ...fallback.trials.filter((t) => t.backend !== choice)],
    };
  }

  const remembered = options.remembered;
  if (remembered) {
    const proof = await trial(remembered.backend, 0);
    if (proof.ok) {
      // A quick start's GPUs are still owed a measurement: the caller times them again.
      if (remembered.deferred?.length) return remembered;
      const retry = dueForRetry(remembered, (options.now ?? Date.now)());
      return {
        ...remembered,
        reason: rememberedReason(remembered),
        ...(retry.length > 0 ? { deferred: retry } : {}),
      };
    }
    trials.push(proof); // it failed now: measure afresh, and show why
  }
  return measureAll(webgpu, tryOne, trials, options);
}

/**
 * Times every candidate the browser offers for a share of the budget; the fastest wins. The
 * CPU-side candidates go first, and when one of them trains an epoch within QUICK_EPOCH_MS the
 * GPUs are left for the background (`deferred`).
 */
async function measureAll(
  webgpu: WebGpuStatus,
  tryOne: (backend: BackendName, timeBudgetMs: number) => Promise<BackendTrial>,
  trials: BackendTrial[],
  options: ChoiceOptions,
): Promise<BackendDecision> {
  const { budgetMs = MEASURE_BUDGET_MS, onMeasure, now = Date.now, epochSamples } = options;
  const offered = BACKEND_ORDER.filter((b) => b !== 'webgpu' || webgpu.available);
  const cpuSide = offered.filter((b) => CPU_SIDE.includes(b));
  const candidates = [...cpuSide, ...offered.filter((b) => !CPU_SIDE.includes(b))];
  if (!webgpu.available) await tryOne('webgpu', 0); // recorded as skipped, with the reason
  const share = budgetMs / offered.length;
  for (const [i, backend] of candidates.entries()) {
    // Once, between the CPU side and the first GPU, and on the CPU side's numbers only.
    if (i === cpuSide.length && i > 0 && epochSamples !== undefined) {
      const quick = fastest(trials.filter((t) => CPU_SIDE.includes(t.backend)));
      const epochMs = quick ? (epochSamples / (quick.samplesPerSec ?? 1)) * 1000 : Infinity;
      if (quick && epochMs <= QUICK_EPOCH_MS) {
        return {
          ...decide(quick, trials, webgpu, now, 'worker.backend.quickStart', epochMs),
          deferred: candidates.slice(i),
        };
      }
    }
    onMeasure?.(backend, i, candidates.length);
    const quickShare = epochSamples !== undefined && CPU_SIDE.includes(backend);
    await tryOne(backend, quickShare ? Math.min(share, QUICK_SHARE_MS) : share);
  }
  const best = fastest(trials);
  if (!best) throw new MessageError(describeNoBackend(inOrder(trials).filter((t) => !t.ok)));
  return decide(best, trials, webgpu, now, 'worker.backend.fastest', null);
}

/** Trials listed in BACKEND_ORDER, whatever order they were timed in (a user reads them so). */
function inOrder(trials: readonly BackendTrial[]): BackendTrial[] {
  return [...trials].sort(
    (a, b) => BACKEND_ORDER.indexOf(a.backend) - BACKEND_ORDER.indexOf(b.backend),
  );
}

/** The timed candidate with the most samples/s, if any worked. */
function fastest(trials: readonly BackendTrial[]): BackendTrial | null {
  // A tie goes to the first in BACKEND_ORDER, whatever order they were timed in.
  return inOrder(trials)
    .filter((t) => t.ok && t.samplesPerSec !== undefined)
    .reduce<BackendTrial | null>(
      (a, b) => (a === null || (b.samplesPerSec ?? 0) > (a.samplesPerSec ?? 0) ? b : a),
      null,
    );
}

/** The report naming `best`, with every measurement in its reason. */
function decide(
  best: BackendTrial,
  trials: BackendTrial[],
  webgpu: WebGpuStatus,
  now: () => number,
  key: 'worker.backend.fastest' | 'worker.backend.quickStart',
  epochMs: number | null,
): BackendReport {
  const listed = inOrder(trials);
  const table = measuredTable(listed);
  const adapter = webgpu.available
    ? message(
        webgpu.fallbackAdapter ? 'worker.backend.softwareAdapter' : 'worker.backend.adapter',
        { name: webgpu.adapterName || message('worker.backend.unnamedAdapter') },
      )
    : message('worker.backend.noWebgpuBecause', { reason: webgpu.reason });
  const reason =
    key === 'worker.backend.quickStart'
      ? message(key, {
          backend: BACKEND_LABELS[best.backend],
          seconds: ((epochMs ?? 0) / 1000).toFixed(2),
          adapter,
          table,
        })
      : message(key, { backend: BACKEND_LABELS[best.backend], adapter, table });
  return { backend: best.backend, reason, trials: listed, measuredAt: now() };
}

/** "WebGL 900, CPU 300": names and numbers only, the same in every language. */
function measuredTable(trials: readonly BackendTrial[]): string {
  return trials
    .filter((t) => t.ok && t.samplesPerSec !== undefined)
    .map((t) => `${BACKEND_LABELS[t.backend]} ${Math.round(t.samplesPerSec ?? 0)}`)
    .join(', ');
}

/** A remembered decision's reason: what was measured then. */
function rememberedReason(report: BackendReport): Message {
  const table = measuredTable(report.trials);
  return message('worker.backend.remembered', {
    backend: BACKEND_LABELS[report.backend],
    table,
  });
}

/** "WebGPU: …; WebGL: …" as one Message. */
function describeTrials(trials: BackendTrial[]): Message {
  if (trials.length === 0) return message('common.verbatim', { text: '' });
  return trials
    .map((t) =>
      message('worker.backend.failure', { backend: BACKEND_LABELS[t.backend], detail: t.detail }),
    )
    .reduce((first, second) => message('worker.backend.listItem', { first, second }));
}

function describeNoBackend(trials: BackendTrial[]): Message {
  return message('worker.backend.noneWorks', { failures: describeTrials(trials) });
}

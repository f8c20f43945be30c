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
  remembered?: BackendReport | null;
  /** Total timing budget (MEASURE_BUDGET_MS). */
  budgetMs?: number;
  /** Before each candidate is measured: which, and how many of how many are done. */
  onMeasure?: (backend: BackendName, done: number, total: number) => void;
  /** The clock (tests inject one); measuredAt is stamped with it. */
  now?: () => number;
}

export async function chooseBackend(
  choice: BackendChoice,
  webgpu: WebGpuStatus,
  trial: TrialFn,
  options: ChoiceOptions = {},
): Promise<BackendReport> {
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
    if (proof.ok) return { ...remembered, reason: rememberedReason(remembered) };
    trials.push(proof); // it failed now: measure afresh, and show why
  }
  return measureAll(webgpu, tryOne, trials, options);
}

/** Times every candidate the browser offers for a share of the budget; the fastest wins. */
async function measureAll(
  webgpu: WebGpuStatus,
  tryOne: (backend: BackendName, timeBudgetMs: number) => Promise<BackendTrial>,
  trials: BackendTrial[],
  { budgetMs = MEASURE_BUDGET_MS, onMeasure, now = Date.now }: ChoiceOptions,
): Promise<BackendReport> {
  const candidates = BACKEND_ORDER.filter((b) => b !== 'webgpu' || webgpu.available);
  if (!webgpu.available) await tryOne('webgpu', 0); // recorded as skipped, with the reason
  for (const [i, backend] of candidates.entries()) {
    onMeasure?.(backend, i, candidates.length);
    await tryOne(backend, budgetMs / candidates.length);
  }
  const working = trials.filter((t) => t.ok && t.samplesPerSec !== undefined);
  const best = working.reduce<BackendTrial | null>(
    (a, b) => (a === null || (b.samplesPerSec ?? 0) > (a.samplesPerSec ?? 0) ? b : a),
    null,
  );
  if (!best) throw new MessageError(describeNoBackend(trials.filter((t) => !t.ok)));
  const table = working
    .map((t) => `${BACKEND_LABELS[t.backend]} ${Math.round(t.samplesPerSec ?? 0)}`)
    .join(', '); // names and numbers only: the same in every language
  const adapter = webgpu.available
    ? message(
        webgpu.fallbackAdapter ? 'worker.backend.softwareAdapter' : 'worker.backend.adapter',
        {
          name: webgpu.adapterName,
        },
      )
    : message('worker.backend.noWebgpuBecause', { reason: webgpu.reason });
  return {
    backend: best.backend,
    reason: message('worker.backend.fastest', {
      backend: BACKEND_LABELS[best.backend],
      adapter,
      table,
    }),
    trials,
    measuredAt: now(),
  };
}

/** A remembered decision's reason: what was measured then. */
function rememberedReason(report: BackendReport): Message {
  const table = report.trials
    .filter((t) => t.ok && t.samplesPerSec !== undefined)
    .map((t) => `${BACKEND_LABELS[t.backend]} ${Math.round(t.samplesPerSec ?? 0)}`)
    .join(', ');
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

/**
 * Runs probe cycles for the open internals views: at most every `intervalMs`, only when the model
 * changed (a new step) or the request changed (another sample, another view), one cycle at a time
 * (its single readback must finish first), never while frozen, and not at all when no view is
 * open. Probes interleave with training steps on the worker's one thread. With `rewind` set they
 * look at a checkpoint's copy of the model instead, computed once per chosen step.
 */
import type { ProbedRun, Run } from '../run';
import type { ProbeResult, ProbeSettings, WorkerEvent } from '../../shared/protocol';
import { computeProbes } from './computeProbes';

export interface ProbeHost {
  /** The current run (live, paused or finished), or null. */
  run(): Run | null;
  emit(event: WorkerEvent, transfer: Transferable[]): void;
  now(): number;
  /** Time travel: the run's model as it was at a checkpoint (see rewind.ts). */
  rewound(run: Run, step: number): Promise<ProbedRun>;
  /** No view looks back any more: the checkpoint copy can go. */
  releaseRewound(): void;
}

/** Lower bound of the interval: a few readbacks a second at most. */
export const MIN_PROBE_INTERVAL_MS = 100;

/**
 * Probes may take at most this share of the time: after a cycle that took d ms, the next waits at
 * least d × (1 − share) / share. On a slow model (a CNN on a software GPU) the views then update
 * less often instead of slowing training down.
 */
export const PROBE_TIME_SHARE = 0.08;

export class ProbeScheduler {
  private settings: ProbeSettings | null = null;
  private version = 0;
  private lastKey = '';
  private busy = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Earliest time of the next cycle, from the last cycle's cost (PROBE_TIME_SHARE). */
  private notBefore = 0;

  constructor(private readonly host: ProbeHost) {}

  update(settings: ProbeSettings): void {
    this.settings = settings;
    this.version += 1;
    const wanted = Object.values(settings.views).some(Boolean) && !settings.frozen;
    if (!settings.rewind) this.host.releaseRewound();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (!wanted) return;
    this.timer = setInterval(
      () => void this.tick(),
      Math.max(MIN_PROBE_INTERVAL_MS, settings.intervalMs),
    );
    void this.tick();
  }

  /** One cycle if something changed; exported for tests. */
  async tick(): Promise<ProbeResult | null> {
    const settings = this.settings;
    const run = this.host.run();
    if (!settings || settings.frozen || !run || this.busy) return null;
    const rewind = settings.rewind;
    const at = rewind ? `checkpoint ${rewind.step}` : run.trainer.step;
    const key = `${run.id}:${at}:${this.version}`;
    if (key === this.lastKey) return null;
    // A changed request (another sample, a view opened) is answered at once; new steps wait.
    const sameRequest = this.lastKey.endsWith(`:${this.version}`);
    const started = this.host.now();
    if (sameRequest && started < this.notBefore) return null;
    this.busy = true;
    try {
      const target = rewind ? await this.host.rewound(run, rewind.step) : run;
      const result = await computeProbes(target, settings);
      const took = this.host.now() - started;
      this.notBefore = this.host.now() + (took * (1 - PROBE_TIME_SHARE)) / PROBE_TIME_SHARE;
      this.lastKey = key;
      // A result for a run that has since been replaced is dropped.
      if (this.host.run() === run) {
        this.host.emit({ type: 'probe', runId: run.id, result }, transferables(result));
      }
      return result;
    } catch (error) {
      // A checkpoint dropped meanwhile (the run's budget): the views keep their last picture.
      this.lastKey = key;
      console.warn('LayerLab could not compute the internals views:', error);
      return null;
    } finally {
      this.busy = false;
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** Every typed array of a result owns its buffer (they are slices), so all of them can move. */
function transferables(result: ProbeResult): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(result);
  return [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

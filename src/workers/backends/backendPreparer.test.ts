import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadForTraining } from '../datasetLoader';
import { englishText } from '../../shared/messages/englishText';
import type { Message } from '../../shared/messages/message';
import type { BackendName, TrainingConfig } from '../../models/trainingConfig';
import { fromDisk, request } from '../testing/sessionHarness';
import type { WebGpuStatus } from './backendChoice';
import { createBackendTrial } from './backendTrial';
import { BackendPreparer, type PreparerDeps } from './backendPreparer';
import { backendMemoryKey, createMemoryBackendMemory, type BackendMemory } from './backendMemory';
import type { BackendDecision } from './backendChoice';
import type { BackendReport, StartRequest } from '../../shared/protocol';

/** The harness's XOR request, with the backend left to "auto". */
const autoRequest = (training: Partial<TrainingConfig> = {}) =>
  request({ training: { backend: 'auto', ...training } });

const NO_GPU: WebGpuStatus = { available: false, reason: { key: 'worker.backend.noWebgpu' } };

/** A preparer over the real trial (in Node only the CPU backend exists: WebGL fails its trial). */
function preparer(memory: BackendMemory, extra: Partial<PreparerDeps> = {}) {
  const activated: BackendName[] = [];
  const trialsRun: BackendName[] = [];
  const p = new BackendPreparer({
    memory,
    webgpuStatus: () => Promise.resolve(NO_GPU),
    browser: 'Test/1.0',
    trial: (req, data) => {
      const real = createBackendTrial(req, data);
      return (backend, budget) => {
        trialsRun.push(backend);
        return real(backend, budget);
      };
    },
    activate: async (backend) => {
      activated.push(backend);
      await tf.setBackend(backend);
    },
    budgetMs: 100,
    ...extra,
  });
  return { p, activated, trialsRun };
}

describe('BackendPreparer', () => {
  it('measures once per model and machine, remembers it across visits, and forgets on request', async () => {
    const req = autoRequest();
    const data = await loadForTraining(req, fromDisk, () => undefined);
    const memory = createMemoryBackendMemory();
    const progress: Message[] = [];

    const first = preparer(memory);
    const measured = await first.p.prepare(req, data, (m) => progress.push(m));
    // WASM and the CPU both train in Node; whichever measured faster here wins.
    const winner = measured.backend;
    expect(['wasm', 'cpu']).toContain(winner);
    expect(measured.measuredAt).not.toBeNull();
    expect(englishText(measured.reason)).toMatch(
      /^(WASM|CPU): the fastest for this model when measured on this machine \(no WebGPU: .+\)\. Samples\/s: WASM \d+, CPU \d+\.$/,
    );
    // WebGL cannot start in Node: its trial failed, with the reason listed.
    expect(measured.trials.map((t) => [t.backend, t.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
      ['cpu', true],
    ]);
    expect(progress.map(englishText)).toEqual([
      'Choosing the fastest backend for this model: timing WASM (0 of 3 done)…',
      'Choosing the fastest backend for this model: timing CPU (1 of 3 done)…',
      'Choosing the fastest backend for this model: timing WebGL (2 of 3 done)…',
    ]);
    expect(first.activated).toEqual([winner]);
    // The same model in the same worker: no trial at all.
    await first.p.prepare(autoRequest(), data);
    expect(first.trialsRun).toEqual(['wasm', 'cpu', 'webgl']);

    // A later visit (a new worker): one proving step, the measurement reused.
    const later = preparer(memory);
    const reused = await later.p.prepare(autoRequest(), data);
    expect(later.trialsRun).toEqual([winner]);
    expect(reused.measuredAt).toBe(measured.measuredAt);
    expect(englishText(reused.reason)).toContain('when last measured on this machine');

    // Another batch size is another measurement.
    const other = preparer(memory);
    await other.p.prepare(autoRequest({ batchSize: 16 }), data);
    expect(other.trialsRun).toEqual(['wasm', 'cpu', 'webgl']);

    // "Measure again".
    await later.p.forget();
    await later.p.prepare(autoRequest(), data);
    expect(later.trialsRun).toEqual([winner, 'wasm', 'cpu', 'webgl']);
  });

  it('never remembers a forced choice', async () => {
    const memory = createMemoryBackendMemory();
    const req = request({ training: { backend: 'cpu' } });
    const data = await loadForTraining(req, fromDisk, () => undefined);
    const report = await preparer(memory).p.prepare(req, data);
    expect(report.measuredAt).toBeNull();
    const auto = preparer(memory);
    await auto.p.prepare(autoRequest(), data);
    expect(auto.trialsRun).toEqual(['wasm', 'cpu', 'webgl']);
  });

  it('quick start: a small model trains at once on the CPU side, and the GPUs timed in the background decide the next run', async () => {
    const req = autoRequest();
    const data = await loadForTraining(req, fromDisk, () => undefined);
    const memory = createMemoryBackendMemory();
    // The background worker, faked: it finds WebGL four times faster than the CPU side.
    let answer: (report: BackendReport) => void = () => undefined;
    const asked: BackendDecision[] = [];
    const measureLater = (_: StartRequest, decision: BackendDecision) => {
      asked.push(decision);
      return new Promise<BackendReport>((resolve) => (answer = resolve));
    };
    // Node has no WebGL to switch to: this test only records what would be activated.
    const activated: BackendName[] = [];
    const activate = (backend: BackendName) => {
      activated.push(backend);
      return tf.setBackend(backend === 'webgl' ? 'cpu' : backend).then(() => undefined);
    };
    const shown: BackendReport[] = [];
    const onMeasured = (report: BackendReport) => shown.push(report);
    const first = preparer(memory, { measureLater, activate, onMeasured });
    const quick = await first.p.prepare(req, data);
    // XOR trains an epoch in a few ms on WASM or the CPU: WebGL is not timed before training.
    expect(first.trialsRun).toEqual(['wasm', 'cpu']);
    expect(['wasm', 'cpu']).toContain(quick.backend);
    expect(englishText(quick.reason)).toMatch(
      /^(WASM|CPU): the fastest CPU backend here trains an epoch of this model in \d+\.\d\d s, so training started at once; the GPUs \(no WebGPU: .+\) are timed in the background/,
    );
    expect(quick).not.toHaveProperty('deferred'); // bookkeeping stays in the worker
    expect(asked.map((d) => d.deferred)).toEqual([['webgl']]);

    // Another Train meanwhile: the quick decision again, and no second background measurement.
    await first.p.prepare(autoRequest(), data);
    expect(asked).toHaveLength(1);

    const fastest = Math.max(...quick.trials.map((t) => t.samplesPerSec ?? 0));
    const complete: BackendReport = {
      backend: 'webgl',
      reason: { key: 'worker.backend.stepPassed' },
      trials: [
        ...quick.trials,
        {
          backend: 'webgl',
          ok: true,
          detail: { key: 'worker.backend.stepPassed' },
          samplesPerSec: fastest * 4,
        },
      ],
      measuredAt: 99,
    };
    answer(complete);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual([complete]); // the page is told
    // The next run in this worker trains on the winner, and a later visit remembers it.
    activated.length = 0;
    await first.p.prepare(autoRequest(), data);
    expect(activated).toEqual(['webgl']);
    expect(await memory.get(backendMemoryKey(req, NO_GPU, 'Test/1.0', 1))).toMatchObject({
      backend: 'webgl',
      measuredAt: 99,
    });
  });

  it('quick start: a reload before the background answer keeps the quick decision and asks again', async () => {
    const req = autoRequest();
    const data = await loadForTraining(req, fromDisk, () => undefined);
    const memory = createMemoryBackendMemory();
    const asked: BackendDecision[] = [];
    const measureLater = (_: StartRequest, decision: BackendDecision) => {
      asked.push(decision);
      return new Promise<BackendReport | null>(() => undefined); // never answers (the tab closed)
    };
    const quick = await preparer(memory, { measureLater }).p.prepare(req, data);
    const later = preparer(memory, { measureLater });
    const again = await later.p.prepare(autoRequest(), data);
    expect(later.trialsRun).toEqual([quick.backend]); // one proving step, no new timing
    expect(again.backend).toBe(quick.backend);
    expect(asked.map((d) => d.deferred)).toEqual([['webgl'], ['webgl']]);
  });

  it('keeps one background measurement: another model, or "measure again", aborts the one under way', async () => {
    const req = autoRequest();
    const data = await loadForTraining(req, fromDisk, () => undefined);
    const memory = createMemoryBackendMemory();
    const started: { signal: AbortSignal; answer: (report: BackendReport) => void }[] = [];
    const measureLater = (_: StartRequest, __: BackendDecision, signal: AbortSignal) =>
      new Promise<BackendReport>((answer) => started.push({ signal, answer }));
    const shown: BackendReport[] = [];
    const { p } = preparer(memory, { measureLater, onMeasured: (report) => shown.push(report) });
    const quick = await p.prepare(req, data);
    expect(started).toHaveLength(1);

    // Another model (another batch size: another step to time): the first timing is aborted.
    const wider = autoRequest({ batchSize: 16 });
    await p.prepare(wider, data);
    expect(started[0]!.signal.aborted).toBe(true);
    expect(started).toHaveLength(2);
    // Its late answer is neither remembered nor shown.
    const late: BackendReport = { ...quick, backend: 'webgl', measuredAt: 77 };
    started[0]!.answer(late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual([]);
    expect(await memory.get(backendMemoryKey(req, NO_GPU, 'Test/1.0', 1))).not.toMatchObject({
      measuredAt: 77,
    });

    // "Measure again" aborts the one under way too.
    await p.forget();
    expect(started[1]!.signal.aborted).toBe(true);
    started[1]!.answer(late);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown).toEqual([]);
  });
});

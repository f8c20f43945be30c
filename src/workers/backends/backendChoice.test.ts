import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/messages/englishText';
import { message } from '../../shared/messages/message';
import type { BackendName } from '../../models/trainingConfig';
import {
  chooseBackend,
  MEASURE_BUDGET_MS,
  RETRY_FAILED_AFTER_MS,
  QUICK_EPOCH_MS,
  type TrialFn,
  type WebGpuStatus,
} from './backendChoice';
import type { BackendReport, BackendTrial } from '../../shared/protocol';

/** A trial's detail as a fake trial words it. */
const said = (text: string) => message('common.verbatim', { text });

const GPU: WebGpuStatus = { available: true, fallbackAdapter: false, adapterName: 'nvidia ampere' };
const SOFTWARE_GPU: WebGpuStatus = {
  available: true,
  fallbackAdapter: true,
  adapterName: 'google swiftshader',
};
const NO_GPU: WebGpuStatus = {
  available: false,
  reason: message('worker.backend.noWebgpu'),
};

interface FakeTrial {
  trial: TrialFn;
  calls: Array<[BackendName, number]>;
}

/** A trial that passes for `working` backends (with the given throughput) and fails for the rest. */
function fakeTrial(working: Partial<Record<BackendName, number>>): FakeTrial {
  const calls: Array<[BackendName, number]> = [];
  const trial: TrialFn = async (backend, timeBudgetMs) => {
    calls.push([backend, timeBudgetMs]);
    const speed = working[backend];
    if (speed === undefined)
      return { backend, ok: false, detail: said(`${backend} step gave a NaN loss`) };
    const result: BackendTrial = { backend, ok: true, detail: said('one training step passed') };
    if (timeBudgetMs > 0) result.samplesPerSec = speed;
    return result;
  };
  return { trial, calls };
}

const at = (ms: number) => ({ now: () => ms });

describe('chooseBackend: auto measures every candidate, on every machine', () => {
  it('real GPU, tiny MLP: the CPU wins when it is faster, and the reason shows the numbers', async () => {
    const fake = fakeTrial({ webgpu: 400, webgl: 900, cpu: 3000 });
    const report = await chooseBackend('auto', GPU, fake.trial, at(42));
    expect(report.backend).toBe('cpu');
    expect(englishText(report.reason)).toBe(
      'CPU: the fastest for this model when measured on this machine (GPU: nvidia ampere). Samples/s: WebGPU 400, WebGL 900, CPU 3000.',
    );
    expect(report.measuredAt).toBe(42);
    // Each candidate gets an equal share of the budget; the CPU side is timed first.
    const share = MEASURE_BUDGET_MS / 4;
    expect(fake.calls).toEqual([
      ['wasm', share],
      ['cpu', share],
      ['webgpu', share],
      ['webgl', share],
    ]);
  });

  it('real GPU, CNN: the GPU wins', async () => {
    const report = await chooseBackend(
      'auto',
      GPU,
      fakeTrial({ webgpu: 5000, webgl: 1500, cpu: 90 }).trial,
    );
    expect(report.backend).toBe('webgpu');
  });

  it('a software WebGPU adapter is measured like any other and named as software', async () => {
    const report = await chooseBackend(
      'auto',
      SOFTWARE_GPU,
      fakeTrial({ webgpu: 50, webgl: 900, wasm: 600, cpu: 300 }).trial,
    );
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain(
      'WebGPU only as a software adapter, google swiftshader',
    );
  });

  it('no GPU, small MLP: WASM wins when it measures fastest', async () => {
    const fake = fakeTrial({ webgl: 900, wasm: 3500, cpu: 700 });
    const report = await chooseBackend('auto', NO_GPU, fake.trial);
    expect(report.backend).toBe('wasm');
    expect(englishText(report.reason)).toContain('Samples/s: WebGL 900, WASM 3500, CPU 700.');
    expect(fake.calls.map(([b]) => b)).toEqual(['wasm', 'cpu', 'webgl']);
  });

  it('ends on the CPU when the GPUs and WASM fail, naming every failure', async () => {
    const fake = fakeTrial({ cpu: 1 });
    const report = await chooseBackend('auto', GPU, fake.trial);
    expect(report.backend).toBe('cpu');
    expect(report.trials.map((t) => t.ok)).toEqual([false, false, false, true]);
    expect(report.trials.map((t) => englishText(t.detail))).toContain('wasm step gave a NaN loss');
  });

  it('without WebGPU, lists it as skipped with the reason and shares the budget among the rest', async () => {
    const fake = fakeTrial({ webgpu: 1, webgl: 900, cpu: 300 });
    const progress: string[] = [];
    const report = await chooseBackend('auto', NO_GPU, fake.trial, {
      budgetMs: 900,
      onMeasure: (backend, done, total) => progress.push(`${backend} ${done}/${total}`),
    });
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain(
      '(no WebGPU: this browser offers no WebGPU (navigator.gpu is missing))',
    );
    // WebGPU is never handed to tfjs when the browser does not offer it.
    expect(fake.calls).toEqual([
      ['wasm', 300],
      ['cpu', 300],
      ['webgl', 300],
    ]);
    expect(progress).toEqual(['wasm 0/3', 'cpu 1/3', 'webgl 2/3']);
    expect(report.trials[0]).toEqual({ backend: 'webgpu', ok: false, detail: NO_GPU.reason });
  });

  it('a candidate whose step fails (a missing kernel, a NaN) is listed with why and never wins', async () => {
    const report = await chooseBackend(
      'auto',
      GPU,
      fakeTrial({ webgl: 10, wasm: 15, cpu: 20 }).trial,
    );
    expect(report.backend).toBe('cpu');
    expect(report.trials.map((t) => [t.backend, t.ok])).toEqual([
      ['webgpu', false],
      ['webgl', true],
      ['wasm', true],
      ['cpu', true],
    ]);
    expect(englishText(report.trials[0]!.detail)).toBe('webgpu step gave a NaN loss');
  });

  it('throws, naming each failure, when nothing works', async () => {
    await expect(chooseBackend('auto', GPU, fakeTrial({}).trial)).rejects.toThrow(
      /No backend could train this model \(WebGPU: .*; WebGL: .*; CPU: cpu step gave a NaN loss\)/,
    );
    await expect(chooseBackend('auto', NO_GPU, fakeTrial({ webgpu: 1 }).trial)).rejects.toThrow(
      'navigator.gpu is missing',
    );
  });
});

describe('chooseBackend: quick start (auto, the epoch size known)', () => {
  it('real GPU, tiny MLP: training starts on the faster CPU-side backend and the GPUs are deferred', async () => {
    const fake = fakeTrial({ webgpu: 400, webgl: 900, wasm: 8000, cpu: 4000 });
    // 800 samples an epoch: 0.1 s on WASM, well within QUICK_EPOCH_MS.
    const report = await chooseBackend('auto', GPU, fake.trial, { epochSamples: 800, ...at(5) });
    expect(report.backend).toBe('wasm');
    expect(report.deferred).toEqual(['webgpu', 'webgl']);
    expect(fake.calls.map(([b]) => b)).toEqual(['wasm', 'cpu']); // no GPU shader compiled yet
    expect(englishText(report.reason)).toBe(
      'WASM: the fastest CPU backend here trains an epoch of this model in 0.10 s, so training started at once; the GPUs (GPU: nvidia ampere) are timed in the background for your next run. Samples/s: WASM 8000, CPU 4000.',
    );
  });

  it('real GPU, CNN: an epoch on the CPU side is too long to start there, so the GPUs are timed now and win', async () => {
    const fake = fakeTrial({ webgpu: 5000, webgl: 1500, cpu: 90 }); // WASM lacks a kernel
    const report = await chooseBackend('auto', GPU, fake.trial, { epochSamples: 48_000 });
    expect(report.backend).toBe('webgpu');
    expect(report.deferred).toBeUndefined();
    expect(fake.calls.map(([b]) => b)).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
  });

  it(`just over ${QUICK_EPOCH_MS} ms an epoch is not quick`, async () => {
    const fake = fakeTrial({ webgpu: 400, wasm: 1000 });
    const slow = await chooseBackend('auto', GPU, fake.trial, { epochSamples: 1001 });
    expect(slow.deferred).toBeUndefined();
    const quick = await chooseBackend('auto', GPU, fake.trial, { epochSamples: 1000 });
    expect(quick.deferred).toEqual(['webgpu', 'webgl']);
  });

  it('only the CPU side can start quickly: a GPU timed after a slow CPU side wins as usual', async () => {
    // WASM needs 2 s for an epoch of 800 samples, so WebGPU and WebGL are timed before training.
    const fake = fakeTrial({ webgpu: 5000, webgl: 100, wasm: 400 });
    const report = await chooseBackend('auto', GPU, fake.trial, { epochSamples: 800 });
    expect(report.backend).toBe('webgpu');
    expect(report.deferred).toBeUndefined();
    expect(englishText(report.reason)).toContain('the fastest for this model when measured');
    expect(fake.calls.map(([b]) => b)).toEqual(['wasm', 'cpu', 'webgpu', 'webgl']);
  });

  it('a remembered quick start is proven and handed back with its GPUs still deferred', async () => {
    const quick = await chooseBackend('auto', GPU, fakeTrial({ wasm: 2000 }).trial, {
      epochSamples: 800,
    });
    const fake = fakeTrial({ wasm: 2000 });
    const again = await chooseBackend('auto', GPU, fake.trial, { remembered: quick });
    expect(fake.calls).toEqual([['wasm', 0]]);
    expect(again.deferred).toEqual(['webgpu', 'webgl']);
  });
});

describe('chooseBackend: a remembered decision', () => {
  const REMEMBERED: BackendReport = {
    backend: 'cpu',
    reason: said('measured before'),
    trials: [
      { backend: 'webgpu', ok: true, detail: said('passed'), samplesPerSec: 400 },
      { backend: 'cpu', ok: true, detail: said('passed'), samplesPerSec: 3000 },
    ],
    measuredAt: 7,
  };

  it('is proven by one step and reused, with what was measured then', async () => {
    const fake = fakeTrial({ webgpu: 1, cpu: 1 });
    const report = await chooseBackend('auto', GPU, fake.trial, { remembered: REMEMBERED });
    expect(fake.calls).toEqual([['cpu', 0]]);
    expect(report).toMatchObject({ backend: 'cpu', measuredAt: 7, trials: REMEMBERED.trials });
    expect(englishText(report.reason)).toBe(
      'CPU: the fastest for this model when last measured on this machine (samples/s: WebGPU 400, CPU 3000); its training step passed again.',
    );
  });

  it('is measured afresh when its backend fails now', async () => {
    const fake = fakeTrial({ webgpu: 400, webgl: 900 });
    const report = await chooseBackend('auto', GPU, fake.trial, {
      remembered: REMEMBERED,
      ...at(9),
    });
    expect(report.backend).toBe('webgl');
    expect(report.measuredAt).toBe(9);
    expect(fake.calls.map(([b]) => b)).toEqual(['cpu', 'wasm', 'cpu', 'webgpu', 'webgl']);
  });

  it('has a candidate that failed for what may pass tried again in the background, a day later', async () => {
    const failedToStart: BackendReport = {
      ...REMEMBERED,
      trials: [
        {
          backend: 'webgpu',
          ok: false,
          detail: message('worker.backend.initFailedWith', { backend: 'webgpu', error: 'offline' }),
        },
        { backend: 'webgl', ok: false, detail: message('worker.backend.badLoss', { loss: 'NaN' }) },
        ...REMEMBERED.trials.filter((t) => t.backend === 'cpu'),
      ],
    };
    const fake = fakeTrial({ cpu: 1 });
    const soon = await chooseBackend('auto', GPU, fake.trial, {
      remembered: failedToStart,
      ...at(7 + RETRY_FAILED_AFTER_MS - 1),
    });
    expect(soon.deferred).toBeUndefined();
    const dayLater = await chooseBackend('auto', GPU, fake.trial, {
      remembered: failedToStart,
      ...at(7 + RETRY_FAILED_AFTER_MS),
    });
    // WebGL's loss was not a number: that failed for good, and is not retried.
    expect(dayLater).toMatchObject({ backend: 'cpu', measuredAt: 7, deferred: ['webgpu'] });
    expect(fake.calls).toEqual([
      ['cpu', 0],
      ['cpu', 0],
    ]);
  });

  it('is not used when the user forces a backend', async () => {
    const fake = fakeTrial({ webgl: 1 });
    const report = await chooseBackend('webgl', GPU, fake.trial, { remembered: REMEMBERED });
    expect(report.backend).toBe('webgl');
    expect(report.measuredAt).toBeNull();
  });
});

describe('chooseBackend: forced', () => {
  it.each(['webgpu', 'webgl', 'wasm', 'cpu'] as const)(
    '%s passing is chosen by you',
    async (backend) => {
      const fake = fakeTrial({ webgpu: 1, webgl: 1, wasm: 1, cpu: 1 });
      const report = await chooseBackend(backend, SOFTWARE_GPU, fake.trial);
      expect(report.backend).toBe(backend);
      expect(englishText(report.reason)).toContain('chosen by you');
      expect(fake.calls).toEqual([[backend, 0]]);
    },
  );

  it('a failing forced backend falls back to auto and says it failed', async () => {
    const fake = fakeTrial({ webgl: 1, cpu: 1 });
    const report = await chooseBackend('webgpu', GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain(
      'You chose WebGPU, but it failed (webgpu step gave a NaN loss).',
    );
    // The failed backend is tried once, and listed once; the others are measured as in auto.
    expect(fake.calls.map(([b]) => b)).toEqual(['webgpu', 'wasm', 'cpu', 'webgl']);
    expect(report.trials.map((t) => t.backend)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });

  it('forcing an unavailable WebGPU falls back with the reason', async () => {
    const fake = fakeTrial({ webgl: 1, cpu: 1 });
    const report = await chooseBackend('webgpu', NO_GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain('You chose WebGPU, but it failed');
    expect(englishText(report.reason)).toContain('navigator.gpu is missing');
    expect(fake.calls.map(([b]) => b)).toEqual(['wasm', 'cpu', 'webgl']);
  });

  it('a failing forced CPU falls back to the fastest backend that works', async () => {
    const fake = fakeTrial({ webgpu: 1 });
    const report = await chooseBackend('cpu', GPU, fake.trial);
    expect(report.backend).toBe('webgpu');
    expect(englishText(report.reason)).toContain('You chose CPU, but it failed');
    expect(fake.calls.map(([b]) => b)).toEqual(['cpu', 'wasm', 'webgpu', 'webgl']);
  });

  it('throws when the forced backend and every fallback fail', async () => {
    await expect(chooseBackend('webgl', GPU, fakeTrial({}).trial)).rejects.toThrow(
      'No backend could train this model',
    );
  });
});

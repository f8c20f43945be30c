import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/messages/englishText';
import { message } from '../../shared/messages/message';
import type { BackendName } from '../../models/trainingConfig';
import { chooseBackend, type TrialFn, type WebGpuStatus } from './backendChoice';
import type { BackendTrial } from '../../shared/protocol';

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
  calls: Array<[BackendName, boolean]>;
}

/** A trial that passes for `working` backends (with the given throughput) and fails for the rest. */
function fakeTrial(working: Partial<Record<BackendName, number>>): FakeTrial {
  const calls: Array<[BackendName, boolean]> = [];
  const trial: TrialFn = async (backend, time) => {
    calls.push([backend, time]);
    const speed = working[backend];
    if (speed === undefined)
      return { backend, ok: false, detail: said(`${backend} step gave a NaN loss`) };
    const result: BackendTrial = { backend, ok: true, detail: said('one training step passed') };
    if (time) result.samplesPerSec = speed;
    return result;
  };
  return { trial, calls };
}

describe('chooseBackend: auto', () => {
  it('takes WebGPU when a real adapter passes its check, without trying the others', async () => {
    const fake = fakeTrial({ webgpu: 1, webgl: 1, cpu: 1 });
    const report = await chooseBackend('auto', GPU, fake.trial);
    expect(report.backend).toBe('webgpu');
    expect(englishText(report.reason)).toContain('WebGPU');
    expect(englishText(report.reason)).toContain('passed');
    expect(fake.calls).toEqual([['webgpu', false]]);
    expect(report.trials.map((t) => t.backend)).toEqual(['webgpu']);
  });

  it('falls to WebGL when WebGPU is unavailable, saying why', async () => {
    const fake = fakeTrial({ webgpu: 1, webgl: 1, cpu: 1 });
    const report = await chooseBackend('auto', NO_GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain('WebGL');
    expect(englishText(report.reason)).toContain('navigator.gpu is missing');
    // WebGPU is never handed to tfjs when the browser does not offer it.
    expect(fake.calls).toEqual([['webgl', false]]);
    expect(report.trials).toEqual([
      { backend: 'webgpu', ok: false, detail: NO_GPU.available ? said('') : NO_GPU.reason },
      { backend: 'webgl', ok: true, detail: said('one training step passed') },
    ]);
  });

  it('goes to the next backend when the WebGPU check fails', async () => {
    const fake = fakeTrial({ webgl: 1, cpu: 1 });
    const report = await chooseBackend('auto', GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain('webgpu step gave a NaN loss');
    expect(fake.calls.map(([b]) => b)).toEqual(['webgpu', 'webgl']);
  });

  it('ends on the CPU when both GPUs fail, naming both failures', async () => {
    const fake = fakeTrial({ cpu: 1 });
    const report = await chooseBackend('auto', GPU, fake.trial);
    expect(report.backend).toBe('cpu');
    expect(englishText(report.reason)).toContain('CPU');
    expect(englishText(report.reason)).toContain('WebGPU: webgpu step gave a NaN loss');
    expect(englishText(report.reason)).toContain('WebGL: webgl step gave a NaN loss');
    expect(report.trials.map((t) => t.ok)).toEqual([false, false, true]);
  });

  it('times every backend on a software WebGPU adapter and takes the fastest', async () => {
    const fake = fakeTrial({ webgpu: 50, webgl: 900, cpu: 300 });
    const report = await chooseBackend('auto', SOFTWARE_GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain('software');
    expect(englishText(report.reason)).toContain('google swiftshader');
    expect(englishText(report.reason)).toContain('WebGL 900');
    expect(fake.calls).toEqual([
      ['webgpu', true],
      ['webgl', true],
      ['cpu', true],
    ]);
    // The fastest wins even when it is the CPU, and failures are skipped.
    const cpuFastest = await chooseBackend(
      'auto',
      SOFTWARE_GPU,
      fakeTrial({ webgpu: 50, cpu: 300 }).trial,
    );
    expect(cpuFastest.backend).toBe('cpu');
    expect(englishText(cpuFastest.reason)).toContain('software');
    const gpuFastest = await chooseBackend(
      'auto',
      SOFTWARE_GPU,
      fakeTrial({ webgpu: 5000, webgl: 10, cpu: 300 }).trial,
    );
    expect(gpuFastest.backend).toBe('webgpu');
  });

  it('throws, naming each failure, when nothing works', async () => {
    await expect(chooseBackend('auto', GPU, fakeTrial({}).trial)).rejects.toThrow(
      /No backend could train this model \(WebGPU: .*; WebGL: .*; CPU: cpu step gave a NaN loss\)/,
    );
    await expect(chooseBackend('auto', SOFTWARE_GPU, fakeTrial({}).trial)).rejects.toThrow(
      'No backend could train this model',
    );
    await expect(chooseBackend('auto', NO_GPU, fakeTrial({ webgpu: 1 }).trial)).rejects.toThrow(
      'navigator.gpu is missing',
    );
  });
});

describe('chooseBackend: forced', () => {
  it.each(['webgpu', 'webgl', 'cpu'] as const)('%s passing is chosen by you', async (backend) => {
    const fake = fakeTrial({ webgpu: 1, webgl: 1, cpu: 1 });
    const report = await chooseBackend(backend, SOFTWARE_GPU, fake.trial);
    expect(report.backend).toBe(backend);
    expect(englishText(report.reason)).toContain('chosen by you');
    expect(fake.calls).toEqual([[backend, false]]);
  });

  it('a failing forced backend falls back to auto and says it failed', async () => {
    const fake = fakeTrial({ webgl: 1, cpu: 1 });
    const report = await chooseBackend('webgpu', GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain(
      'You chose WebGPU, but it failed (webgpu step gave a NaN loss).',
    );
    // The failed backend is tried once, and listed once.
    expect(fake.calls.map(([b]) => b)).toEqual(['webgpu', 'webgl']);
    expect(report.trials.map((t) => t.backend)).toEqual(['webgpu', 'webgl']);
  });

  it('forcing an unavailable WebGPU falls back with the reason', async () => {
    const fake = fakeTrial({ webgl: 1, cpu: 1 });
    const report = await chooseBackend('webgpu', NO_GPU, fake.trial);
    expect(report.backend).toBe('webgl');
    expect(englishText(report.reason)).toContain('You chose WebGPU, but it failed');
    expect(englishText(report.reason)).toContain('navigator.gpu is missing');
    expect(fake.calls.map(([b]) => b)).toEqual(['webgl']);
  });

  it('a failing forced CPU falls back to the first GPU that works', async () => {
    const fake = fakeTrial({ webgpu: 1 });
    const report = await chooseBackend('cpu', GPU, fake.trial);
    expect(report.backend).toBe('webgpu');
    expect(englishText(report.reason)).toContain('You chose CPU, but it failed');
    expect(fake.calls.map(([b]) => b)).toEqual(['cpu', 'webgpu']);
  });

  it('throws when the forced backend and every fallback fail', async () => {
    await expect(chooseBackend('webgl', GPU, fakeTrial({}).trial)).rejects.toThrow(
      'No backend could train this model',
    );
  });
});

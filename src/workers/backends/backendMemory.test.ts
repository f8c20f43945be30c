import { afterEach, describe, expect, it, vi } from 'vitest';
import { message } from '../../shared/messages/message';
import { request } from '../testing/sessionHarness';
import type { WebGpuStatus } from './backendChoice';
import { backendMemoryKey } from './backendMemory';
import { wasmThreadCount } from './wasmBackend';

afterEach(() => {
  vi.unstubAllGlobals();
});

const NO_GPU: WebGpuStatus = { available: false, reason: message('worker.backend.noWebgpu') };
const base = request();
const keyOf = (req = base, wasmThreads = 1) =>
  backendMemoryKey(req, NO_GPU, 'Test/1.0', wasmThreads);
const withTraining = (training: Partial<typeof base.training>) => ({
  ...base,
  training: { ...base.training, ...training },
});

describe('backendMemoryKey', () => {
  it('measures again once WASM may use more threads (a later, cross-origin isolated visit)', () => {
    expect(keyOf(base, 4)).not.toBe(keyOf(base, 1));
  });

  it('measures again when the work of a step changes', () => {
    expect(keyOf(withTraining({ batchSize: 64 }))).not.toBe(keyOf());
    expect(keyOf(withTraining({ recordGradientNorm: !base.training.recordGradientNorm }))).not.toBe(
      keyOf(),
    );
    expect(keyOf(withTraining({ clipping: { kind: 'norm', threshold: 1 } }))).not.toBe(keyOf());
  });

  it('reuses a measurement when only the speed-neutral settings change', () => {
    expect(keyOf(withTraining({ learningRate: 0.5, epochs: 99 }))).toBe(keyOf());
  });
});

describe('wasmThreadCount', () => {
  it('is one unless the worker is cross-origin isolated, then half the cores, 1 to 4', () => {
    vi.stubGlobal('navigator', { hardwareConcurrency: 16 });
    vi.stubGlobal('crossOriginIsolated', false);
    expect(wasmThreadCount()).toBe(1);
    vi.stubGlobal('crossOriginIsolated', true);
    expect(wasmThreadCount()).toBe(4);
    vi.stubGlobal('navigator', { hardwareConcurrency: 6 });
    expect(wasmThreadCount()).toBe(3);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    expect(wasmThreadCount()).toBe(1);
  });
});

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { onDeviceLost, renewBackend } from './deviceLoss';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a lost WebGPU device', () => {
  const host = (active: string, renews = true) => ({
    activeBackend: () => active,
    renew: vi.fn(() => renews),
    report: vi.fn(),
  });

  it('restarts the worker when training runs on WebGPU', () => {
    const h = host('webgpu');
    onDeviceLost(h, 'the GPU process crashed');
    expect(h.report).toHaveBeenCalledWith({
      key: 'worker.deviceLost',
      values: { reason: 'the GPU process crashed' },
    });
    expect(h.renew).not.toHaveBeenCalled();
  });

  it('leaves a run on another backend alone, and only renews WebGPU for later', () => {
    const h = host('wasm');
    onDeviceLost(h, undefined);
    expect(h.report).not.toHaveBeenCalled();
    expect(h.renew).toHaveBeenCalledOnce();
  });

  it('restarts the worker all the same when WebGPU could not be renewed', () => {
    const h = host('cpu', false);
    onDeviceLost(h, undefined);
    expect(h.report).toHaveBeenCalledWith({ key: 'worker.deviceLostNoReason' });
  });
});

describe('renewing a backend', () => {
  const made: tf.KernelBackend[] = [];
  beforeAll(() => {
    // A stand-in for WebGPU: a CPU backend built by a factory that counts its instances.
    const cpuFactory = tf.findBackendFactory('cpu')!;
    tf.registerBackend('lost-gpu', async () => {
      const backend = await cpuFactory();
      made.push(backend);
      return backend;
    });
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
    tf.removeBackend('lost-gpu');
  });

  it('builds a new instance on the next use, and leaves the backend in use alone', async () => {
    expect(await tf.setBackend('lost-gpu')).toBe(true);
    renewBackend('lost-gpu', 3); // in use: nothing happens
    await tf.setBackend('cpu');
    expect(await tf.setBackend('lost-gpu')).toBe(true);
    expect(made).toHaveLength(1);
    await tf.setBackend('cpu');
    renewBackend('lost-gpu', 3);
    expect(await tf.setBackend('lost-gpu')).toBe(true);
    expect(made).toHaveLength(2);
    expect(tf.backend()).toBe(made[1]);
    await tf.setBackend('cpu');
  });

  it('says so when the lost instance cannot be disposed, and keeps the backend registered', async () => {
    expect(await tf.setBackend('lost-gpu')).toBe(true);
    await tf.setBackend('cpu');
    const instance = tf.findBackend('lost-gpu')!;
    const dispose = vi.spyOn(instance, 'dispose').mockImplementation(() => {
      throw new Error('device gone');
    });
    expect(renewBackend('lost-gpu', 3)).toBe(false);
    dispose.mockRestore();
    expect(tf.findBackendFactory('lost-gpu')).not.toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { getWebGpuStatus } from './backendTrial';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getWebGpuStatus', () => {
  it('names the adapter tfjs trains on: the high-performance one', async () => {
    const requestAdapter = vi.fn((options?: { powerPreference?: string }) =>
      Promise.resolve(
        options?.powerPreference === 'high-performance'
          ? { info: { vendor: 'nvidia', architecture: 'ampere' } }
          : { info: { vendor: 'intel', architecture: 'gen-12lp' } },
      ),
    );
    vi.stubGlobal('navigator', { gpu: { requestAdapter } });
    expect(await getWebGpuStatus()).toEqual({
      available: true,
      fallbackAdapter: false,
      adapterName: 'nvidia ampere',
    });
  });

  it('says why when the browser has no WebGPU', async () => {
    vi.stubGlobal('navigator', {});
    expect(await getWebGpuStatus()).toMatchObject({ available: false });
  });
});

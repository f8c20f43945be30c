import { describe, expect, it } from 'vitest';
import { englishText } from '../../shared/messages/englishText';
import { message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import type { BackendReport, BackendTrial } from '../../shared/protocol';
import type { BackendName } from '../../models/trainingConfig';
import { backendForPair, type KernelGap } from './pairBackend';

const trial = (backend: BackendName, samplesPerSec?: number, ok = true): BackendTrial => ({
  backend,
  ok,
  detail: message('worker.backend.stepPassed'),
  ...(samplesPerSec === undefined ? {} : { samplesPerSec }),
});

/** B (an MLP) measured fastest on WASM; WebGL was slower, the CPU slowest. */
const report: BackendReport = {
  backend: 'wasm',
  reason: message('worker.backend.stepPassed'),
  trials: [trial('webgpu', 0, false), trial('webgl', 900), trial('wasm', 4000), trial('cpu', 700)],
  measuredAt: 1,
};

/** A is a CNN: WASM 4.22 has no gradient for a convolution's filters. */
const cnnGap: KernelGap = (backend) => (backend === 'wasm' ? 'Conv2DBackpropFilter' : null);

describe('the backend A and B share', () => {
  it("is B's when A can train on it too", () => {
    expect(backendForPair(report, () => null)).toBe(report);
  });

  it('is the fastest other backend B passed on that A can train on, saying why', () => {
    const paired = backendForPair(report, cnnGap);
    expect(paired.backend).toBe('webgl');
    expect(paired.trials).toBe(report.trials);
    expect(englishText(paired.reason)).toBe(
      "Both train on WebGL: the backend chosen for B, WASM, cannot train run A (this model needs tfjs's Conv2DBackpropFilter operation (the gradient of a convolution’s filters) to train, which the WASM backend does not have).",
    );
  });

  it('never picks a backend whose trial failed for B', () => {
    const onlyGpu: KernelGap = (backend) => (backend === 'webgpu' ? null : 'Conv2DBackpropFilter');
    expect(() => backendForPair(report, onlyGpu)).toThrow(MessageError);
  });

  it('refuses the pair, naming the problem, when no backend suits both', () => {
    const alone = { ...report, trials: [trial('wasm', 4000)] };
    try {
      backendForPair(alone, cnnGap);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MessageError);
      expect((error as MessageError).message).toContain(
        'Run A cannot train on WASM, the only backend B can use here',
      );
    }
  });
});

/**
 * "Train A and B" on a backend A cannot train on: the session asks for the fastest backend both
 * can use, switches tfjs to it, tells the page why, and both runs train there. The kernel check
 * is stubbed (in Node every model trains on the CPU backend); backendForPair's policy has its own
 * tests.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackendName } from '../models/trainingConfig';
import { message } from '../shared/messages/message';
import type { BackendReport } from '../shared/protocol';
import { harness, request, TRAINING, XOR_MLP } from './testing/sessionHarness';
import type * as MissingKernel from './backends/missingKernel';

vi.mock('./backends/missingKernel', async (original) => ({
  ...(await original<typeof MissingKernel>()),
  // As if A were a CNN: WASM lacks its filters' gradient.
  lackingTrainingKernel: (_model: tf.LayersModel, backend: BackendName) =>
    backend === 'wasm' ? 'Conv2DBackpropFilter' : null,
}));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const passed = message('worker.backend.stepPassed');
/** B was measured fastest on WASM (tfjs itself stays on the CPU here). */
const chosenForB: BackendReport = {
  backend: 'wasm',
  reason: passed,
  trials: [
    { backend: 'wasm', ok: true, detail: passed, samplesPerSec: 4000 },
    { backend: 'cpu', ok: true, detail: passed, samplesPerSec: 700 },
  ],
  measuredAt: 1,
};

describe('a pair on a backend A cannot train on', () => {
  it('trains both on the fastest backend they share, and says why', async () => {
    const activated: BackendName[] = [];
    const h = harness({
      prepareBackend: () => Promise.resolve(chosenForB),
      activateBackend: async (backend) => {
        activated.push(backend);
        await tf.setBackend(backend);
      },
    });
    const a = { runId: 20_001, spec: XOR_MLP, training: { ...TRAINING, epochs: 1 } };
    await h.session.handle({
      type: 'start',
      request: request({ partner: a, training: { epochs: 1 } }),
    });
    await h.until(() => h.session.phase === 'done', 'done');
    expect(activated).toEqual(['cpu']);
    const backend = h.events.find((e) => e.type === 'backend');
    expect(backend?.type === 'backend' && backend.report.backend).toBe('cpu');
    expect(backend?.type === 'backend' && backend.report.reason.key).toBe(
      'worker.backend.pairFallback',
    );
    expect(h.trains(a.runId).length).toBeGreaterThan(0);
  });
});

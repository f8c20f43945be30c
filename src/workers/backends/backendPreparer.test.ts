import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { loadForTraining } from '../datasetLoader';
import { englishText } from '../../shared/messages/englishText';
import type { Message } from '../../shared/messages/message';
import type { BackendName, TrainingConfig } from '../../models/trainingConfig';
import { fromDisk, request } from '../testing/sessionHarness';
import type { WebGpuStatus } from './backendChoice';
import { createBackendTrial } from './backendTrial';
import { BackendPreparer } from './backendPreparer';
import { createMemoryBackendMemory, type BackendMemory } from './backendMemory';

/** The harness's XOR request, with the backend left to "auto". */
const autoRequest = (training: Partial<TrainingConfig> = {}) =>
  request({ training: { backend: 'auto', ...training } });

const NO_GPU: WebGpuStatus = { available: false, reason: { key: 'worker.backend.noWebgpu' } };

/** A preparer over the real trial (in Node only the CPU backend exists: WebGL fails its trial). */
function preparer(memory: BackendMemory) {
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
      'Choosing the fastest backend for this model: timing WebGL (0 of 3 done)…',
      'Choosing the fastest backend for this model: timing WASM (1 of 3 done)…',
      'Choosing the fastest backend for this model: timing CPU (2 of 3 done)…',
    ]);
    expect(first.activated).toEqual([winner]);
    // The same model in the same worker: no trial at all.
    await first.p.prepare(autoRequest(), data);
    expect(first.trialsRun).toEqual(['webgl', 'wasm', 'cpu']);

    // A later visit (a new worker): one proving step, the measurement reused.
    const later = preparer(memory);
    const reused = await later.p.prepare(autoRequest(), data);
    expect(later.trialsRun).toEqual([winner]);
    expect(reused.measuredAt).toBe(measured.measuredAt);
    expect(englishText(reused.reason)).toContain('when last measured on this machine');

    // Another batch size is another measurement.
    const other = preparer(memory);
    await other.p.prepare(autoRequest({ batchSize: 16 }), data);
    expect(other.trialsRun).toEqual(['webgl', 'wasm', 'cpu']);

    // "Measure again".
    await later.p.forget();
    await later.p.prepare(autoRequest(), data);
    expect(later.trialsRun).toEqual([winner, 'webgl', 'wasm', 'cpu']);
  });

  it('never remembers a forced choice', async () => {
    const memory = createMemoryBackendMemory();
    const req = request({ training: { backend: 'cpu' } });
    const data = await loadForTraining(req, fromDisk, () => undefined);
    const report = await preparer(memory).p.prepare(req, data);
    expect(report.measuredAt).toBeNull();
    const auto = preparer(memory);
    await auto.p.prepare(autoRequest(), data);
    expect(auto.trialsRun).toEqual(['webgl', 'wasm', 'cpu']);
  });
});

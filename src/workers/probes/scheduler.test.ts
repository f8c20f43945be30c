import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../../data/datasets';
import { splitData } from '../../data/split';
import { generateToy2d } from '../../data/toy2d';
import { PRESETS } from '../../models/presets';
import { DEFAULT_DATASET, DEFAULT_TRAINING } from '../../models/trainingConfig';
import type { ProbeSettings, WorkerEvent } from '../../shared/protocol';
import { createRun, disposeRun } from '../run';
import { PROBE_TIME_SHARE, ProbeScheduler } from './scheduler';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SETTINGS: ProbeSettings = {
  views: {
    activations: true,
    attention: false,
    boundary: true,
    confusion: false,
    histograms: false,
    projection: false,
    generation: false,
    graph: false,
  },
  intervalMs: 100_000, // the timer never fires in the test: ticks are called by hand
  frozen: false,
  sample: { kind: 'validation', index: 0 },
  projectionLayer: null,
  rewind: null,
};

/** A host part for tests that never look back in time. */
const LIVE_ONLY = {
  rewound: () => Promise.reject(new Error('no time travel in this test')),
  releaseRewound: () => undefined,
};

describe('ProbeScheduler', () => {
  it('probes when the model or the request changed, within its time share, and not when frozen', async () => {
    const preset = PRESETS.find((p) => p.id === 'spiral-mlp');
    if (!preset) throw new Error('preset');
    const run = createRun(
      {
        runId: 7,
        spec: preset.spec,
        dataset: DEFAULT_DATASET,
        datasetInfo: builtinDataset('spiral'),
        training: { ...DEFAULT_TRAINING, testSplit: 0 },
        datasetBaseUrl: 'file:///',
        pauseAfterFirstStep: false,
        restoreFrom: null,
        partner: null,
      },
      splitData(generateToy2d('spiral', 200, 0.1, 1), 0.2, 0),
      () => 0,
      () => undefined,
    );
    let clock = 0;
    const events: WorkerEvent[] = [];
    const transfers: Transferable[][] = [];
    const scheduler = new ProbeScheduler({
      run: () => run,
      emit: (event, transfer) => {
        events.push(event);
        transfers.push(transfer);
      },
      now: () => clock,
      ...LIVE_ONLY,
    });
    try {
      scheduler.update(SETTINGS);
      await new Promise((r) => setTimeout(r, 0));
      expect(events).toHaveLength(1); // opening views answers at once
      const [first] = events;
      expect(first?.type === 'probe' && first.runId).toBe(7);
      expect(transfers[0]?.length).toBeGreaterThan(3); // typed arrays move, not copied
      expect(await scheduler.tick()).toBeNull(); // nothing changed
      run.trainer.runStep();
      clock += 1;
      // The fake clock stood still during the first cycle: it cost nothing, so no wait.
      expect(await scheduler.tick()).not.toBeNull();
      // Another scheduler whose clock advances 25 ms per reading: each cycle "takes" 50 ms.
      const slowNow = { value: clock };
      const slow = new ProbeScheduler({
        run: () => run,
        emit: () => undefined,
        now: () => (slowNow.value += 25),
        ...LIVE_ONLY,
      });
      slow.update(SETTINGS);
      await new Promise((r) => setTimeout(r, 0));
      run.trainer.runStep();
      // 50 ms of probing → wait 50 × (1 − share) / share before the next step's probe.
      expect(await slow.tick()).toBeNull();
      slowNow.value += (50 * (1 - PROBE_TIME_SHARE)) / PROBE_TIME_SHARE;
      expect(await slow.tick()).not.toBeNull();
      slow.stop();
      scheduler.update({ ...SETTINGS, frozen: true });
      run.trainer.runStep();
      expect(await scheduler.tick()).toBeNull();
    } finally {
      scheduler.stop();
      disposeRun(run);
    }
  });
});

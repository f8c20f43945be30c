import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { takeRead } from '../../shared/runs/curveCursor';
import { CURVE_CHUNK_RECORDS } from '../../shared/runs/runTypes';
import { makeExperiment } from '../../shared/experiment';
import { harness, request } from '../testing/sessionHarness';
import { recordedSession as recorded } from '../testing/recordedSession';
import { REFRESH_MS, RunRecorder, type RunNotice } from './runRecorder';
import { channelRunBroadcast } from './runBroadcast';
import type { RunLocks } from './runLocks';
import { createMemoryRunStore, type RunStore } from './runStore';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A recorder over `store`, as a tab's worker has one (200 MB in all unless told). */
function recorderOver(
  store: RunStore,
  { totalBytes = 200e6, locks = null }: { totalBytes?: number; locks?: RunLocks | null } = {},
): RunRecorder {
  return new RunRecorder({
    store,
    budget: { perRunBytes: 20e6, totalBytes },
    now: () => Date.now(),
    notify: () => undefined,
    locks,
  });
}

describe('RunRecorder with a real session', () => {
  it('records a finished run: its summary, every curve record and checkpoints on the schedule', async () => {
    const { h, runs, store } = recorded();
    // 10 steps an epoch, 3 epochs: checkpoints at 0, 1, 2, 5, 10 (log), 20 (log), 30 (epoch end).
    await h.session.handle({ type: 'start', request: request() });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [summary] = await runs.list();
    expect(summary).toMatchObject({
      status: 'done',
      step: 30,
      epoch: 3,
      stepsPerEpoch: 10,
      backend: 'cpu',
      number: 1,
    });
    await h.session.handle({ type: 'reset' });
    const [ended] = await store.listSummaries();
    expect(ended?.status).toBe('done');
    expect(ended?.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5, 10, 20, 30]);
    expect(ended?.metrics.valAccuracy).not.toBeNull();
    expect(ended?.metrics.bestValLoss?.step).toBeGreaterThan(0);
    const curves = await runs.curves(ended!.id);
    expect(curves.train.reduce((sum, r) => sum + r.batches, 0)).toBe(30);
    expect(curves.validation.map((v) => v.step)).toEqual([10, 20, 30]);
    // Each checkpoint holds weights and Adam's two moments: 3 × the model's 42 parameters, and the iteration count.
    const checkpoint = await store.getCheckpoint(ended!.id, 10);
    expect(checkpoint?.weightData.byteLength).toBe((3 * 42 + 1) * 4);
  });

  it('keeps the tensor count flat: checkpoints free their copies', async () => {
    const { h, runs } = recorded();
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 2 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const after1 = tf.memory().numTensors;
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 2 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    expect(tf.memory().numTensors).toBe(after1);
    await h.session.handle({ type: 'reset' });
    expect((await runs.list()).map((r) => r.number)).toEqual([2, 1]);
  });

  it('evicts the oldest unpinned runs to stay within the total budget, and says so', async () => {
    // Each XOR run's checkpoints take about 3.6 KB: three runs do not fit in 8 KB.
    const { h, runs, notices } = recorded({ perRunBytes: 20e6, totalBytes: 8_000 });
    for (let i = 0; i < 3; i++) {
      await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
      await h.until(() => h.session.phase === 'done', 'done');
      await runs.settle();
      if (i === 0) await runs.update((await runs.list())[0]!.id, { pinned: true });
    }
    await h.session.handle({ type: 'reset' });
    const kept = await runs.list();
    expect(kept.map((r) => r.number)).toContain(1); // pinned
    expect(kept.map((r) => r.number)).not.toContain(2);
    expect(notices.some((n) => n.type === 'runsEvicted' && n.names.length > 0)).toBe(true);
  });

  it('stops checkpoints, not training, when one would be over the per-run budget', async () => {
    const { h, runs, notices } = recorded({ perRunBytes: 100, totalBytes: 200e6 });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [summary] = await runs.list();
    expect(summary?.checkpointsStopped).toBe('tooBig');
    expect(summary?.checkpoints).toEqual([]);
    expect(summary?.step).toBe(10);
    expect(notices).toContainEqual({
      type: 'checkpointsStopped',
      runId: summary!.id,
      reason: 'tooBig',
    });
    await h.session.handle({ type: 'reset' });
  });

  it('removes the run that just finished, but not one paused', async () => {
    const { h, runs, store } = recorded();
    await h.session.handle({ type: 'start', request: request({ pauseAfterFirstStep: true }) });
    await h.until(() => h.session.phase === 'paused', 'paused');
    const [paused] = await runs.list();
    expect((await runs.delete(paused!.id)).map((r) => r.id)).toEqual([paused!.id]);
    await h.session.handle({ type: 'resume' });
    await h.until(() => h.session.phase === 'done', 'done');
    expect(await runs.delete(paused!.id)).toEqual([]);
    await runs.settle();
    expect(await store.listSummaries()).toEqual([]);
    expect(await store.getCheckpoint(paused!.id, 10)).toBeUndefined();
    // Later events of that session run (a reset keeps where it stands) bring nothing back.
    await h.session.handle({ type: 'reset' });
    await runs.settle();
    expect(await store.listSummaries()).toEqual([]);
  });

  it('marks a run left live by a reload as interrupted', async () => {
    const { h, runs, store, events } = recorded();
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => events.filter((e) => e.type === 'train').length > 2, 'a few records');
    await h.session.handle({ type: 'pause' });
    await runs.settle();
    const reloaded = recorderOver(store);
    expect((await reloaded.list())[0]?.status).toBe('interrupted');
    await h.session.handle({ type: 'reset' });
  });
});

describe('checkpoints waiting for storage', () => {
  it('holds training back rather than pile copies up while storage is slow', async () => {
    const store = createMemoryRunStore();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Storing a checkpoint waits for the gate: IndexedDB far slower than the training.
    const slow = {
      ...store,
      putCheckpoint: (...args: Parameters<typeof store.putCheckpoint>) =>
        gate.then(() => store.putCheckpoint(...args)),
    };
    const runs = recorderOver(slow);
    const h = harness({ emit: (event) => runs.observe(event), runs });
    await h.session.handle({ type: 'start', request: request() });
    // Steps 0, 1 and 2 wait as copies (MAX_QUEUED_SNAPSHOTS); step 5's must wait for them.
    await h.until(() => h.session.trainer?.step === 5, 'at step 5');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.session.trainer?.step).toBe(5);
    expect(h.session.phase).toBe('training');
    release();
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [summary] = await runs.list();
    expect(summary?.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5, 10, 20, 30]);
    await h.session.handle({ type: 'reset' });
  });
});

describe('a compared live run read a piece at a time', () => {
  /** A recorder over `store` that counts which stored curve chunks it reads. */
  function countingRecorder(store: RunStore) {
    const reads: [number, number][] = [];
    const runs = recorderOver({
      ...store,
      getCurveChunks: (id: string, from: number, to: number) => {
        reads.push([from, to]);
        return store.getCurveChunks(id, from, to);
      },
    });
    return { runs, reads };
  }

  /** Feeds `runs` a record a step from `first` on, and a validation pass every 70 steps. */
  function stepper(runs: RunRecorder, sessionRunId: number, first = 1) {
    let step = first - 1;
    return (count: number) => {
      for (let i = 0; i < count; i++) {
        step++;
        const epoch = Math.floor(step / 10);
        const record = { step, epoch, batches: 1, loss: 1 / step, accuracy: null };
        const more = { samplesPerSec: 1, learningRate: 0.01, tensors: 1, gpuBytes: 0 };
        runs.observe({ type: 'train', runId: sessionRunId, record: { ...record, ...more } });
        if (step % 70 === 0) {
          const validation = { step, epoch, loss: 2 / step, accuracy: null };
          runs.observe({ type: 'validation', runId: sessionRunId, record: validation });
        }
      }
    };
  }

  const { spec, dataset, training } = request();
  const start = {
    experiment: makeExperiment({
      name: '',
      spec,
      dataset,
      training,
      views: { open: [], intervalMs: 250 },
    }),
    parent: null,
    backend: 'cpu',
    stepsPerEpoch: 10,
    step: 0,
    epoch: 0,
  };

  it('reads no stored chunk for a reader that holds them, and the pieces join up to the whole', async () => {
    const { runs, reads } = countingRecorder(createMemoryRunStore());
    const { id } = await runs.begin({ sessionRunId: 1, ...start });
    // A record a step (training sends one every 250 ms: this is a long run).
    const steps = stepper(runs, 1);
    steps(1_234);
    let held = await runs.curvesSince(id);
    expect(held.cursor).toEqual({ reopened: 0, train: 1_234, validation: 17 });
    // The cursor falls inside a chunk, on a chunk's end (1,500 and 2,000), and past it.
    for (const count of [3, 0, 263, 500, 1, 4]) {
      steps(count);
      reads.length = 0;
      const next = await runs.curvesSince(id, held.cursor);
      expect(next.appended).toBe(true);
      expect(next.curves.train.map((r) => r.step)).toEqual(
        Array.from({ length: count }, (_, i) => held.cursor.train + i + 1),
      );
      // Nothing before the chunk that held the cursor (read only once it has closed).
      const holding = Math.floor(held.cursor.train / CURVE_CHUNK_RECORDS);
      expect(reads.every(([from]) => from === holding)).toBe(true);
      if (count < CURVE_CHUNK_RECORDS - (held.cursor.train % CURVE_CHUNK_RECORDS))
        expect(reads).toEqual([]);
      held = { ...next, curves: takeRead(held.curves, next) };
    }
    expect(held.curves).toEqual(await runs.curves(id));
    expect(held.cursor).toEqual({ reopened: 0, train: 2_005, validation: 28 });
    await runs.end();
  });

  it('reads a run reopened at a checkpoint a piece at a time too, joining up to the whole', async () => {
    const store = createMemoryRunStore();
    const first = recorderOver(store);
    const { id } = await first.begin({ sessionRunId: 1, ...start });
    stepper(first, 1)(1_234);
    await first.end();
    // A checkpoint at step 1,100 (the weights themselves are not read by a reopening).
    const stored = (await store.getSummary(id))!;
    await store.putSummary({ ...stored, checkpoints: [{ step: 1_100, epoch: 110, bytes: 0 }] });

    const { runs, reads } = countingRecorder(store); // a reload: a new worker, the same store
    await runs.reopen({ sessionRunId: 7, runId: id, step: 1_100, backend: 'cpu' });
    const steps = stepper(runs, 7, 1_101);
    let held = await runs.curvesSince(id);
    // Two chunks of training records only, the 15 validation records in the filling chunk.
    expect(held.cursor).toEqual({ reopened: 1, train: 1_100, validation: 15 });
    for (const count of [2, 398, 150]) {
      steps(count);
      reads.length = 0;
      const next = await runs.curvesSince(id, held.cursor);
      expect(next.appended).toBe(true);
      expect(reads.every(([from]) => from >= 2)).toBe(true);
      held = { ...next, curves: takeRead(held.curves, next) };
    }
    expect(held.curves).toEqual(await runs.curves(id));
    expect(held.cursor).toEqual({ reopened: 1, train: 1_650, validation: 23 });
    await runs.end();
  });
});

describe('runs another tab records', () => {
  /**
   * Locks as the browser keeps them across tabs: a name is held until its holder lets go (or the
   * test lets go for a tab that closed: `free`).
   */
  function sharedLocks() {
    const held = new Set<string>();
    const waiting = new Map<string, (() => void)[]>();
    const free = (runId: string) => {
      held.delete(runId);
      for (const resolve of waiting.get(runId) ?? []) resolve();
      waiting.delete(runId);
    };
    return {
      held,
      free,
      locks: {
        hold(runId: string) {
          held.add(runId);
          return () => free(runId);
        },
        heldElsewhere: (runId: string) => Promise.resolve(held.has(runId)),
        whenFree: (runId: string) =>
          held.has(runId)
            ? new Promise<void>((resolve) =>
                waiting.set(runId, [...(waiting.get(runId) ?? []), resolve]),
              )
            : Promise.resolve(),
      },
    };
  }

  it('leaves a run training in another tab live and never evicts it; a freed one was cut short', async () => {
    const store = createMemoryRunStore();
    const { held, locks } = sharedLocks();
    const tab = (totalBytes = 200e6) => recorderOver(store, { totalBytes, locks });
    const first = tab();
    const h = harness({ emit: (event) => first.observe(event), runs: first });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => (h.session.trainer?.step ?? 0) >= 3, 'training');
    await first.settle();

    // A second tab opens meanwhile, with so small a budget that it must make room.
    const second = tab(1);
    const [elsewhere] = await second.list();
    expect(elsewhere?.status).toBe('live');
    const h2 = harness({ emit: (event) => second.observe(event), runs: second });
    await h2.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h2.until(() => h2.session.phase === 'done', 'second tab done');
    await second.settle();
    // Not evicted: its first checkpoint is still there (the summary alone the first tab rewrites).
    expect(await store.getCheckpoint(elsewhere!.id, 0)).toBeDefined();

    // The first tab crashes: the browser lets go of its lock, the stored status stays live. A
    // tab opened now finds the run cut short.
    await h.session.handle({ type: 'pause' });
    await first.settle();
    expect((await store.getSummary(elsewhere!.id))?.status).toBe('live');
    held.delete(elsewhere!.id);
    const [cutShort] = (await tab().list()).filter((r) => r.id === elsewhere!.id);
    expect(cutShort?.status).toBe('interrupted');
    await h.session.handle({ type: 'reset' });
    await h2.session.handle({ type: 'reset' });
  });

  it('follows another tab’s runs as they are stored: a run begun, moving on and numbered after it', async () => {
    const store = createMemoryRunStore();
    const { locks } = sharedLocks();
    // A channel of this test's own: test files running beside it hear nothing.
    const channel = `layerlab-runs-test-${Math.random()}`;
    const tab = (notices: RunNotice[] = []) =>
      new RunRecorder({
        store,
        budget: { perRunBytes: 20e6, totalBytes: 200e6 },
        now: () => Date.now(),
        notify: (notice) => notices.push(notice),
        locks,
        broadcast: channelRunBroadcast(channel),
      });
    const first = tab();
    const seen: RunNotice[] = [];
    const second = tab(seen);
    expect(await second.list()).toEqual([]);
    const listed = () =>
      seen.flatMap((n) => (n.type === 'runsChanged' ? [n.runs] : [])).at(-1) ?? [];

    const h = harness({ emit: (event) => first.observe(event), runs: first });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => listed().length === 1, 'the second tab hears of the run');
    expect(listed()[0]).toMatchObject({ status: 'live', number: 1 });
    const stepThen = listed()[0]!.step;
    await h.until(() => (listed()[0]?.step ?? 0) > stepThen, 'and sees it move on');
    await h.session.handle({ type: 'reset' });
    await h.until(() => listed()[0]?.status === 'done', 'and end');

    // Its next run is numbered after the other tab's.
    const h2 = harness({ emit: (event) => second.observe(event), runs: second });
    await h2.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h2.until(() => h2.session.phase === 'done', 'second tab done');
    await second.settle();
    expect((await second.list()).map((r) => r.number)).toEqual([2, 1]);
    await h2.session.handle({ type: 'reset' });

    // A run deleted in one tab leaves the other's list.
    const firstRun = (await second.list()).find((r) => r.number === 1)!;
    await first.delete(firstRun.id);
    await h.until(() => !listed().some((r) => r.id === firstRun.id), 'the deletion heard');
  });

  /** Two tabs' recorders over one store, hearing each other on a channel of the test's own. */
  function twoTabs(locks: RunLocks, secondLocks = locks) {
    const store = createMemoryRunStore();
    const channel = `layerlab-runs-test-${Math.random()}`;
    // The first tab's news can be silenced, as a closed tab's are.
    let firstSilent = false;
    const tab = (notices: RunNotice[], tabLocks: RunLocks, isFirst = false) => {
      const broadcast = channelRunBroadcast(channel)!;
      return new RunRecorder({
        store,
        budget: { perRunBytes: 20e6, totalBytes: 200e6 },
        now: () => Date.now(),
        notify: (notice) => notices.push(notice),
        locks: tabLocks,
        broadcast: {
          listen: (listener) => broadcast.listen(listener),
          changed: () => (isFirst && firstSilent ? undefined : broadcast.changed()),
        },
      });
    };
    const seen: RunNotice[] = [];
    const first = tab([], locks, true);
    const second = tab(seen, secondLocks);
    const listed = () =>
      seen.flatMap((n) => (n.type === 'runsChanged' ? [n.runs] : [])).at(-1) ?? [];
    const silenceFirst = () => (firstSilent = true);
    return { store, first, second, listed, silenceFirst };
  }

  it('refuses to rename another tab’s training run, and marks it cut short once that tab goes', async () => {
    const { free, locks } = sharedLocks();
    const { first, second, listed, silenceFirst } = twoTabs(locks);
    await second.list();
    const h = harness({ emit: (event) => first.observe(event), runs: first });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => listed()[0]?.status === 'live', 'the second tab hears of the run');
    const id = listed()[0]!.id;
    // Its tab writes it from its own copy about once a second: a rename here would be undone.
    await expect(second.update(id, { name: 'mine' })).rejects.toMatchObject({
      message: expect.stringContaining('another LayerLab tab'),
    });
    // The first tab closes: it says nothing more, and the browser lets go of its lock. (Its last
    // news is read in first: a read begun after the lock is free would find the run cut short
    // without the lock's own watch.)
    silenceFirst();
    await h.session.handle({ type: 'pause' });
    await first.settle();
    await new Promise((resolve) => setTimeout(resolve, 3 * REFRESH_MS));
    expect(listed()[0]?.status).toBe('live');
    free(id);
    await h.until(() => listed()[0]?.status === 'interrupted', 'cut short, with no message sent');
    await h.session.handle({ type: 'reset' });
  });

  it('keeps a run deleted here deleted, though a read of the store began before', async () => {
    const { held, locks } = sharedLocks();
    // The second tab's lock checks wait for the test: its read of the store stays open meanwhile.
    let open = () => undefined as void;
    let checking = false;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated: RunLocks = {
      ...locks,
      heldElsewhere: async (runId) => {
        checking = true;
        await gate;
        return held.has(runId);
      },
    };
    const { first, second, listed } = twoTabs(locks, gated);
    const h = harness({ emit: (event) => first.observe(event), runs: first });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h.until(() => h.session.phase === 'done', 'a first run done');
    await h.session.handle({ type: 'reset' });
    await first.settle();
    const [done] = await first.list();
    expect((await second.list()).map((r) => r.id)).toEqual([done!.id]);
    // A second run in the first tab: the second tab's read of the store waits on its lock.
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1000 } }) });
    await h.until(() => checking, 'the second tab checks the new run’s lock');
    await second.delete(done!.id);
    open();
    await h.until(() => listed().some((r) => r.status === 'live'), 'the read of the store ends');
    expect(listed().map((r) => r.id)).not.toContain(done!.id);
    expect((await second.list()).map((r) => r.id)).not.toContain(done!.id);
    await h.session.handle({ type: 'reset' });
  });

  it('lets a finished run deleted in another tab go, so that no later write brings it back', async () => {
    const { locks } = sharedLocks();
    const { store, first, second } = twoTabs(locks);
    const h = harness({ emit: (event) => first.observe(event), runs: first });
    await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
    await h.until(() => h.session.phase === 'done', 'done');
    await first.settle();
    // Finished, yet still the first tab's run (its views follow it) until the next Train.
    const [run] = await first.list();
    expect(first.current?.id).toBe(run!.id);
    await second.list();
    await second.delete(run!.id);
    await h.until(() => first.current === null, 'the first tab hears of the deletion');
    await h.session.handle({ type: 'reset' });
    await first.settle();
    expect(await store.listSummaries()).toEqual([]);
  });

  it('lets go of a run’s lock when it stops recording it', async () => {
    const { held, locks } = sharedLocks();
    const runs = recorderOver(createMemoryRunStore(), { locks });
    const h = harness({ emit: (event) => runs.observe(event), runs });
    await h.session.handle({ type: 'start', request: request({ pauseAfterFirstStep: true }) });
    await h.until(() => h.session.phase === 'paused', 'paused');
    const [run] = await runs.list();
    expect([...held]).toEqual([run!.id]);
    await h.session.handle({ type: 'reset' });
    expect([...held]).toEqual([]);
  });
});

describe('a start cancelled', () => {
  it('keeps no run when the start was cancelled while it was being recorded', async () => {
    const store = createMemoryRunStore();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Reading the stored runs waits for the gate: the start is held inside its recording.
    const slow = { ...store, listSummaries: () => gate.then(() => store.listSummaries()) };
    const runs = recorderOver(slow);
    const h = harness({ emit: (event) => runs.observe(event), runs });
    const starting = h.session.handle({ type: 'start', request: request() });
    await h.until(() => h.events.some((e) => e.type === 'dataInfo'), 'being built');
    await h.session.handle({ type: 'reset' });
    release();
    await starting;
    await runs.settle();
    expect(h.session.phase).toBe('idle');
    expect(await store.listSummaries()).toEqual([]);
    expect(await runs.list()).toEqual([]);
  });
});

describe('without storage', () => {
  it('trains all the same when IndexedDB refuses every call', async () => {
    const refuse = () => Promise.reject(new Error('IndexedDB is unavailable'));
    const store = createMemoryRunStore();
    const broken = Object.fromEntries(Object.keys(store).map((key) => [key, refuse]));
    const runs = recorderOver(broken as unknown as typeof store);
    const errors = console.error;
    console.error = () => undefined; // the recorder logs each refused write
    try {
      const h = harness({ runs });
      await h.session.handle({ type: 'start', request: request({ training: { epochs: 1 } }) });
      await h.until(() => h.session.phase === 'done', 'done');
      expect(h.session.trainer?.step).toBe(10);
      await h.session.handle({ type: 'reset' });
    } finally {
      console.error = errors;
    }
  });
});

describe('continuing from a checkpoint', () => {
  it('forks a new run that trains on exactly as the original did from that step', async () => {
    const { h, runs, events } = recorded();
    await h.session.handle({ type: 'start', request: request() });
    await h.until(() => h.session.phase === 'done', 'done');
    await runs.settle();
    const [original] = await runs.list();
    const originalCurves = await runs.curves(original!.id);

    const started = performance.now();
    const fork = request({ restoreFrom: { kind: 'checkpoint', runId: original!.id, step: 10 } });
    await h.session.handle({ type: 'start', request: fork });
    const restoreMs = performance.now() - started;
    expect(h.session.phase).toBe('paused');
    expect(h.session.trainer?.step).toBe(10);
    const restored = events.find((e) => e.type === 'restored' && e.runId === fork.runId);
    expect(restored).toMatchObject({ step: 10, notes: [] });
    await h.session.handle({ type: 'resume' });
    await h.until(() => h.session.phase === 'done', 'fork done');
    await runs.settle();
    const [forked] = await runs.list();
    expect(forked?.parent).toEqual({ runId: original!.id, step: 10 });
    // Its clock goes on from the parent's time at step 10, as its steps go on from 10.
    const parentAt10 = originalCurves.train.filter((r) => r.step <= 10).at(-1)!.timeMs;
    const forkCurves = await runs.curves(forked!.id);
    expect(forkCurves.train[0]!.timeMs).toBeGreaterThanOrEqual(parentAt10);
    expect(forked!.durationMs).toBeGreaterThanOrEqual(parentAt10);
    // Same weights, optimizer state and data order: the same losses from step 10 on.
    const validations = (await runs.curves(forked!.id)).validation;
    expect(validations.map((v) => v.step)).toEqual([20, 30]);
    for (const v of validations) {
      const same = originalCurves.validation.find((o) => o.step === v.step);
      expect(v.loss).toBeCloseTo(same!.loss, 6);
    }
    console.log(`restoring a checkpoint of the XOR MLP took ${restoreMs.toFixed(0)} ms`);
    await h.session.handle({ type: 'reset' });
  });

  it('forks from a pause point of the run still training (halting it keeps that checkpoint)', async () => {
    const { h, runs } = recorded();
    // Paused at step 3 (off the schedule: kept as the pause point), then trained on.
    await h.session.handle({
      type: 'start',
      request: request({ pauseAfterFirstStep: true, training: { epochs: 1000 } }),
    });
    await h.until(() => h.session.phase === 'paused', 'paused');
    await h.session.handle({ type: 'step' });
    await h.session.handle({ type: 'step' });
    expect(h.session.trainer?.step).toBe(3);
    await runs.settle();
    const [original] = await runs.list();
    expect(original?.checkpoints.map((c) => c.step)).toContain(3);
    await h.session.handle({ type: 'resume' });
    await h.until(() => (h.session.trainer?.step ?? 0) >= 12, 'trained past it');

    // Halting the original keeps a new pause point where it stands, which replaces step 3's:
    // the fork must have read step 3 before that.
    const fork = request({ restoreFrom: { kind: 'checkpoint', runId: original!.id, step: 3 } });
    await h.session.handle({ type: 'start', request: fork });
    expect(h.session.phase).toBe('paused');
    expect(h.session.trainer?.step).toBe(3);
    await h.session.handle({ type: 'reset' });
  });

  it('keeps one checkpoint per step when the schedule and a pause ask for the same step', async () => {
    const { h, runs } = recorded();
    // Step from 0 to 5: steps 1, 2 and 5 are on the schedule and each is also a pause point.
    await h.session.handle({ type: 'start', request: request({ pauseAfterFirstStep: true }) });
    await h.until(() => h.session.phase === 'paused', 'paused');
    for (let i = 0; i < 4; i++) await h.session.handle({ type: 'step' });
    await runs.settle();
    const [summary] = await runs.list();
    expect(summary?.checkpoints.map((c) => c.step)).toEqual([0, 1, 2, 5]);
    await h.session.handle({ type: 'reset' });
  });

  it('says so when the checkpoint is gone', async () => {
    const { h } = recorded();
    await h.session.handle({
      type: 'start',
      request: request({ restoreFrom: { kind: 'checkpoint', runId: 'run-gone', step: 0 } }),
    });
    expect(h.session.phase).toBe('error');
  });
});

/**
 * A session whose events also feed a RunRecorder over an in-memory store, as the worker wires
 * them: shared by the run history tests.
 */
import type { SessionHost } from '../session';
import { RunRecorder, type RunNotice } from '../runs/runRecorder';
import { createMemoryRunStore } from '../runs/runStore';
import { harness } from './sessionHarness';

export function recordedSession(
  budget = { perRunBytes: 20e6, totalBytes: 200e6 },
  host: Partial<SessionHost> = {},
) {
  const store = createMemoryRunStore();
  const notices: RunNotice[] = [];
  const runs = new RunRecorder({
    store,
    budget,
    now: () => Date.now(),
    notify: (n) => notices.push(n),
  });
  const h = harness({ emit: (event) => runs.observe(event), runs, ...host });
  return { h, runs, store, notices, events: h.events };
}

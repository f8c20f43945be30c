import { describe, expect, it } from 'vitest';
import { shallow } from 'zustand/shallow';
import { dense, storedRun } from '../../lessons/testing/lessonFixtures';
import { checkpointSteps, endedRuns } from './lessonSelectors';

const checkpoint = (step: number) => ({ step, epoch: 0, bytes: 100 });

describe('the lesson selectors', () => {
  const ended = storedRun([dense(4)], { valLoss: 0.5 });
  const live = { ...storedRun([dense(4)], {}, { status: 'live' }), checkpoints: [checkpoint(0)] };
  const before = { runHistory: [live, ended], currentRecord: live.id };

  it('give the current run’s checkpoint steps and the ended runs', () => {
    expect(checkpointSteps(before)).toEqual([0]);
    expect(endedRuns(before)).toEqual([ended]);
    expect(checkpointSteps({ ...before, currentRecord: null })).toEqual([]);
  });

  it('stay equal item by item while the live run trains, and change when it keeps a checkpoint or ends', () => {
    // The worker's update replaces the live run's summary (a new object, the same checkpoints).
    const trained = { ...before, runHistory: [{ ...live, step: 20 }, ended] };
    expect(shallow(checkpointSteps(before), checkpointSteps(trained))).toBe(true);
    expect(shallow(endedRuns(before), endedRuns(trained))).toBe(true);
    const kept = {
      ...before,
      runHistory: [{ ...live, checkpoints: [checkpoint(0), checkpoint(1)] }, ended],
    };
    expect(shallow(checkpointSteps(before), checkpointSteps(kept))).toBe(false);
    const done = { ...before, runHistory: [{ ...live, status: 'done' as const }, ended] };
    expect(shallow(endedRuns(before), endedRuns(done))).toBe(false);
  });
});

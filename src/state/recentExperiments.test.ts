import { describe, expect, it } from 'vitest';
import { PRESETS } from '../models/presets';
import { makeExperiment } from '../shared/experiment';
import { MAX_RECENT, readRecent, rememberExperiment } from './recentExperiments';
import { KEPT } from '../shared/storageKeys';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

const experiment = (presetIndex: number, epochs = 5) => {
  const preset = PRESETS[presetIndex % PRESETS.length];
  if (!preset) throw new Error('preset');
  return makeExperiment({
    name: preset.name,
    spec: preset.spec,
    dataset: preset.dataset,
    training: { ...preset.training, epochs },
    views: { open: [], intervalMs: 250 },
  });
};

describe('recent experiments', () => {
  it('keeps the newest first, replaces the same work, and keeps at most MAX_RECENT', () => {
    const storage = memory();
    rememberExperiment(storage, experiment(0), new Date('2026-11-01T10:00:00Z'));
    rememberExperiment(storage, experiment(1), new Date('2026-11-01T11:00:00Z'));
    const again = rememberExperiment(storage, experiment(0), new Date('2026-11-01T12:00:00Z'));
    expect(again.map((r) => r.at)).toEqual([
      '2026-11-01T12:00:00.000Z',
      '2026-11-01T11:00:00.000Z',
    ]);
    for (let i = 0; i < 20; i++) rememberExperiment(storage, experiment(2, 10 + i));
    const list = readRecent(storage);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.experiment.training.epochs).toBe(29);
  });

  it('drops entries that are not valid experiments, and survives junk', () => {
    const storage = memory();
    storage.setItem(
      KEPT.recentExperiments.name,
      JSON.stringify([
        { at: 'x', experiment: experiment(0) },
        { at: 'y', experiment: { format: 'other' } },
        42,
      ]),
    );
    expect(readRecent(storage).map((r) => r.at)).toEqual(['x']);
    storage.setItem(KEPT.recentExperiments.name, '{not json');
    expect(readRecent(storage)).toEqual([]);
  });
});

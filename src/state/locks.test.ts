/** A teacher's locks hold against every way into the store, not only against the disabled controls. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishText } from '../shared/messages/englishText';
import { message } from '../shared/messages/message';
import { PRESETS } from '../models/presets';
import { makeExperiment } from '../shared/experiment';
import type { Lockable } from '../classroom/classroomFlags';
import { chineseText } from '../shared/messages/testing/chineseText';
import { lockedNotice } from './locks';

async function lockedStore(locks: Lockable[]) {
  vi.resetModules();
  const map = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  });
  const { useStore } = await import('./store');
  useStore.setState({ locks: new Set(locks), notice: null });
  return useStore;
}

const noticeText = (notice: Parameters<typeof englishText>[0] | null) =>
  notice ? englishText(notice) : null;

afterEach(() => vi.unstubAllGlobals());

describe('teacher locks', () => {
  const other = PRESETS.find((p) => p.id === 'mnist-mlp')!;

  it('lock=designer refuses a file, a link or an import that brings another design, and says so', async () => {
    const store = await lockedStore(['designer']);
    const before = store.getState().spec;
    const experiment = makeExperiment({
      name: 'from a file',
      spec: other.spec,
      dataset: store.getState().dataset,
      training: store.getState().training,
      views: { open: [], intervalMs: 250 },
    });
    expect(store.getState().loadExperiment(experiment, 'model.json')).toBe(false);
    expect(store.getState().spec).toBe(before);
    expect(noticeText(store.getState().notice)).toBe(
      "The teacher's link locks the designer, so this change was not made.",
    );
    // A card's edits and a preset are refused too; the settings stay free.
    store.getState().updateLayer(before.layers[0]!.id, { units: 3 } as never);
    store.getState().addLayer('dense');
    store.getState().loadPreset(other.id);
    expect(store.getState().spec).toBe(before);
    store.getState().setTraining({ learningRate: 0.05 });
    expect(store.getState().training.learningRate).toBe(0.05);
  });

  it('an experiment that changes only what is not locked still loads', async () => {
    const store = await lockedStore(['designer']);
    const { spec, dataset, training } = store.getState();
    const experiment = makeExperiment({
      name: '',
      spec,
      dataset,
      training: { ...training, epochs: 3 },
      views: { open: [], intervalMs: 250 },
    });
    expect(store.getState().loadExperiment(experiment, message('notices.source.link'))).toBe(true);
    expect(store.getState().training.epochs).toBe(3);
  });

  it('lock=preset refuses another preset but not the one already loaded (a lesson on it)', async () => {
    const store = await lockedStore([]);
    store.getState().loadPreset('spiral-mlp');
    store.setState({ locks: new Set<Lockable>(['preset']) });
    store.getState().loadPreset('spiral-mlp');
    expect(store.getState().notice).toBeNull();
    store.getState().loadPreset(other.id);
    expect(noticeText(store.getState().notice)).toContain('locks the preset');
    expect(store.getState().spec).toEqual(PRESETS.find((p) => p.id === 'spiral-mlp')!.spec);
  });

  it('lock=dataset keeps an uploaded dataset without choosing it; lock=settings holds the settings', async () => {
    const store = await lockedStore(['dataset', 'settings']);
    const chosen = store.getState().dataset.id;
    store.getState().setDataset({ id: 'mnist' });
    expect(store.getState().dataset.id).toBe(chosen);
    store.getState().setTraining({ epochs: 99 });
    expect(store.getState().training.epochs).not.toBe(99);
    expect(noticeText(store.getState().notice)).toContain('the training settings');
  });

  it('names several locked parts as a list in either language', () => {
    const notice = lockedNotice(['designer', 'dataset']);
    expect(englishText(notice)).toBe(
      "The teacher's link locks the designer, the dataset, so this change was not made.",
    );
    expect(chineseText(notice)).toContain('设计器、数据集');
  });
});

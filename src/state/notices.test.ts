/** The notices the store makes, and the experiment file notices, read in English. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishText } from '../shared/messages/englishText';
import { message } from '../shared/messages/message';
import { PRESETS } from '../models/presets';
import { makeExperiment } from '../shared/experiment';
import { freshStore } from './testing/freshStore';
import { KEPT } from '../shared/storageKeys';

afterEach(() => {
  vi.unstubAllGlobals();
});

function sample(name: string, datasetId?: string) {
  const preset = PRESETS[0];
  if (!preset) throw new Error('preset');
  return makeExperiment({
    name,
    spec: preset.spec,
    dataset: datasetId ? { ...preset.dataset, id: datasetId } : preset.dataset,
    training: preset.training,
    views: { open: [], intervalMs: 250 },
  });
}

describe('notices', () => {
  it('say where an experiment was loaded from, with its name when it has one', async () => {
    const { useStore } = await freshStore();
    const notice = () => {
      const shown = useStore.getState().notice;
      return shown && englishText(shown);
    };
    useStore.getState().loadExperiment(sample(''), message('notices.source.link'));
    expect(notice()).toBe('Loaded the experiment from the link.');
    useStore.getState().loadExperiment(sample('Mine'), 'mine.json');
    expect(notice()).toBe('Loaded the experiment “Mine” from mine.json.');
    useStore
      .getState()
      .loadExperiment(
        sample('Old', 'user:gone'),
        message('notices.source.savedModel', { name: 'M' }),
      );
    expect(notice()).toMatch(
      /^Loaded the experiment “Old” from the saved model “M”, but its dataset "user:gone" was uploaded in another browser, so .+ is selected instead\.$/,
    );
  });

  it('keep unreadable saved work and say so', async () => {
    const bad = JSON.stringify({ state: { spec: { version: 1, layers: 'x' } }, version: 1 });
    const { useStore, storage } = await freshStore({ 'layerlab:work': bad });
    const notice = useStore.getState().notice;
    expect(notice && englishText(notice)).toMatch(
      /^Your saved design could not be read \(spec\.(version|layers): .+\), so the default design is shown\. The unreadable copy was kept under the key layerlab:work:unreadable\.$/,
    );
    expect(storage.getItem('layerlab:work:unreadable')).toBe(bad);
  });

  it("keep saved text that is not JSON, and a newer version's work, and say so", async () => {
    const cut = '{"state":{"spec":{"version":1,"lay';
    const first = await freshStore({ 'layerlab:work': cut });
    const shown = () => {
      const notice = first.useStore.getState().notice;
      return notice && englishText(notice);
    };
    expect(shown()).toBe(
      'Your saved design could not be read (its text is not JSON), so the default design is shown. The unreadable copy was kept under the key layerlab:work:unreadable.',
    );
    // A change saves the default design; the copy set aside is untouched.
    first.useStore.getState().setTraining({ epochs: 3 });
    expect(first.storage.getItem('layerlab:work:unreadable')).toBe(cut);
    expect(first.storage.getItem('layerlab:work')).toContain('"epochs":3');

    const newer = JSON.stringify({ state: { future: true }, version: 2 });
    const second = await freshStore({ 'layerlab:work': newer });
    const notice = second.useStore.getState().notice;
    expect(notice && englishText(notice)).toMatch(
      /^Your saved design was written by a newer version of LayerLab \(format 2\)/,
    );
    expect(second.storage.getItem('layerlab:work:unreadable')).toBe(newer);

    const third = await freshStore({ 'layerlab:work': '[1, 2]' });
    const why = third.useStore.getState().notice;
    expect(why && englishText(why)).toMatch(
      /^Your saved design could not be read \(state: expected object\)/,
    );
  });

  it('say when the work cannot be saved, once, and keep working', async () => {
    const { useStore, storage } = await freshStore();
    storage.setItem = (key) => {
      if (key === 'layerlab:work')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    expect(() => useStore.getState().setTraining({ epochs: 4 })).not.toThrow();
    expect(useStore.getState().training.epochs).toBe(4);
    await Promise.resolve();
    const notice = useStore.getState().notice;
    expect(notice && englishText(notice)).toBe(
      'Your design could not be saved in this browser (The quota has been exceeded.). It stays on screen, but a reload would lose changes: press Export to keep it in a file.',
    );
  });

  it('leave the saved work alone when a change is not to the work (another tab may own it now)', async () => {
    const { useStore, storage } = await freshStore();
    useStore.getState().setTraining({ epochs: 5 });
    // Another tab saves its work; this one only shows a notice and moves its run on.
    const theirs = storage.getItem('layerlab:work')!.replace('"epochs":5', '"epochs":9');
    storage.setItem('layerlab:work', theirs);
    useStore.getState().setNotice(message('notices.source.link'));
    useStore.setState({ runId: 7 });
    expect(storage.getItem('layerlab:work')).toBe(theirs);
    // A change to this tab's own work is saved.
    useStore.getState().setTraining({ epochs: 6 });
    expect(storage.getItem('layerlab:work')).toContain('"epochs":6');
  });

  it('refuse a file that is too large, with the size in MB to one decimal', () => {
    const text = (size: number) =>
      englishText(message('files.experiment.tooLarge', { file: 'big.json', size }));
    expect(text(5.26)).toBe(
      'big.json is not a LayerLab experiment: it is too large (5.3 MB). Your work is unchanged.',
    );
    expect(text(6)).toContain('(6.0 MB)');
  });
});

describe('loading keeps the work it replaces', () => {
  it('puts edited work in the recent list and says so; an untouched preset is not kept', async () => {
    const { useStore, storage } = await freshStore();
    const { readRecent } = await import('./recentExperiments');
    const [first, second] = PRESETS;
    if (!first || !second) throw new Error('two presets');
    const notice = () => {
      const shown = useStore.getState().notice;
      return shown && englishText(shown);
    };
    useStore.getState().loadPreset(first.id);
    useStore.getState().setTraining({ epochs: 7 });
    useStore.getState().loadPreset(second.id);
    expect(notice()).toBe('The work you had is kept under Recent….');
    const kept = readRecent(storage);
    expect(kept).toHaveLength(1);
    expect(kept[0]?.experiment.spec).toEqual(first.spec);
    expect(kept[0]?.experiment.training.epochs).toBe(7);

    // The preset on screen now is as it ships: loading over it keeps nothing more.
    useStore.getState().setNotice(null);
    useStore.getState().loadPreset(first.id);
    expect(notice()).toBeNull();
    expect(readRecent(storage)).toHaveLength(1);

    useStore.getState().setTraining({ seed: 99 });
    useStore.getState().loadExperiment(sample('Mine'), 'mine.json');
    expect(notice()).toBe(
      'Loaded the experiment “Mine” from mine.json. The work you had is kept under Recent….',
    );
    expect(readRecent(storage)[0]?.experiment.training.seed).toBe(99);
  });
});

describe('loading over edited work when the recent list cannot be written', () => {
  it('does not claim the work was kept', async () => {
    const { useStore, storage } = await freshStore();
    const write = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key === KEPT.recentExperiments.name)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      write(key, value);
    };
    const [first, second] = PRESETS;
    if (!first || !second) throw new Error('two presets');
    useStore.getState().loadPreset(first.id);
    useStore.getState().setTraining({ epochs: 9 });
    useStore.getState().loadPreset(second.id);
    expect(useStore.getState().notice).toBeNull();
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/resources/en';
import { trainingEn } from '../../i18n/training/en';
import { TRAINING_NS } from '../../i18n/training/namespace';
import { DEFAULT_TRAINING } from '../../models/trainingConfig';
import { diffExperiments } from '../../shared/runs/runDiff';
import { makeExperiment } from '../../shared/experiment';
import { PRESETS } from '../../models/presets';
import { describeChanges } from './describeChanges';

const english = i18next.createInstance();
beforeAll(async () => {
  await english.init({
    lng: 'en',
    resources: { en: { translation: en, [TRAINING_NS]: trainingEn } },
    interpolation: { escapeValue: false },
  });
});

const preset = PRESETS[0]!;
const experiment = (training = DEFAULT_TRAINING) =>
  makeExperiment({
    name: '',
    spec: preset.spec,
    dataset: preset.dataset,
    training,
    views: { open: [], intervalMs: 250 },
  });

describe('describeChanges', () => {
  it('names the training options, nested ones included, in the page’s words', () => {
    const before = experiment();
    const after = experiment({
      ...DEFAULT_TRAINING,
      learningRate: 0.1,
      schedule: { ...DEFAULT_TRAINING.schedule, kind: 'cosine', warmupSteps: 100 },
      clipping: { kind: 'norm', threshold: 1 },
    });
    const changes = diffExperiments(before, after);
    expect(changes.map((c) => c.kind === 'training' && c.field)).toEqual([
      'learningRate',
      'schedule.kind',
      'schedule.warmupSteps',
      'clipping.kind',
    ]);
    expect(describeChanges(english.t, changes)).toBe(
      'lr 0.01 → 0.1, schedule constant → cosine, warm-up 0 → 100, +1 more',
    );
  });
});

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/resources/en';
import { zhCN } from '../../i18n/resources/zh-CN';
import { trainingEn } from '../../i18n/training/en';
import { trainingZh } from '../../i18n/training/zh-CN';
import { TRAINING_NS } from '../../i18n/training/namespace';
import { DEFAULT_TRAINING } from '../../models/trainingConfig';
import { diffExperiments } from '../../shared/runs/runDiff';
import { makeExperiment } from '../../shared/experiment';
import { PRESETS } from '../../models/presets';
import { describeChanges } from './describeChanges';

const english = i18next.createInstance();
const chinese = i18next.createInstance();
beforeAll(async () => {
  await english.init({
    lng: 'en',
    resources: { en: { translation: en, [TRAINING_NS]: trainingEn } },
    interpolation: { escapeValue: false },
  });
  await chinese.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN, [TRAINING_NS]: trainingZh } },
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
      'lr 0.01 → 0.1, schedule Constant → Cosine decay, warm-up 0 → 100, +1 more',
    );
  });

  it('names layer fields and switches in the page’s words, not by their keys', () => {
    const before = experiment();
    const dense = before.spec.layers.find((layer) => layer.kind === 'dense');
    if (!dense || dense.kind !== 'dense') throw new Error('the preset has no Dense layer');
    const wider = {
      ...before.spec,
      layers: before.spec.layers.map((layer) =>
        layer === dense ? { ...dense, units: dense.units * 2 } : layer,
      ),
    };
    const after = {
      ...before,
      spec: wider,
      dataset: { ...before.dataset, augment: { ...before.dataset.augment, flip: true } },
    };
    const changes = diffExperiments(before, after);
    const text = describeChanges(english.t, changes);
    expect(text).toContain(`Dense: units ${dense.units} → ${dense.units * 2}`);
    expect(text).toContain('flip off → on');
    const chineseText = describeChanges(chinese.t, changes);
    expect(chineseText).toContain(`神经元数 ${dense.units} → ${dense.units * 2}`);
    expect(chineseText).toContain('水平翻转 关 → 开');
  });

  it('names choices (loss, optimizer, dataset) by their names, listed in the page’s way', () => {
    const before = experiment();
    const after = {
      ...experiment({ ...DEFAULT_TRAINING, loss: 'meanSquaredError', optimizer: 'rmsprop' }),
      dataset: { ...before.dataset, id: 'circles' },
    };
    const changes = diffExperiments(before, after);
    expect(describeChanges(english.t, changes)).toBe(
      `optimizer ${english.t(`settings.optimizers.${DEFAULT_TRAINING.optimizer}`)} → RMSProp, ` +
        `loss ${english.t(`settings.losses.${DEFAULT_TRAINING.loss}`)} → Mean squared error, ` +
        `dataset Spiral → Two circles`,
    );
    const inChinese = describeChanges(chinese.t, changes) ?? '';
    expect(inChinese).toContain('螺旋');
    expect(inChinese).toContain('、');
    expect(inChinese).not.toMatch(/meanSquaredError|spiral|circles/);
  });
});

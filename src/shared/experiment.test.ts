import { describe, expect, it } from 'vitest';
import { englishText } from './messages/englishText';
import { PRESETS } from '../models/presets';
import { DEFAULT_TRAINING } from '../models/trainingConfig';
import {
  EXPERIMENT_VERSION,
  makeExperiment,
  parseExperiment,
  upgradeKept,
  type Experiment,
} from './experiment';

function sample(): Experiment {
  const preset = PRESETS.find((p) => p.id === 'reverse-transformer');
  if (!preset) throw new Error('preset');
  return makeExperiment({
    name: 'reversal with 2 heads',
    spec: preset.spec,
    dataset: preset.dataset,
    training: preset.training,
    views: { open: ['attention', 'activations'], intervalMs: 500 },
  });
}

describe('experiments', () => {
  it('round-trip through JSON unchanged', () => {
    const experiment = sample();
    const result = parseExperiment(JSON.parse(JSON.stringify(experiment)));
    expect(result).toEqual({ ok: true, experiment });
  });

  it('migrate version 0 (the old local save: spec, dataset, training) to version 1', () => {
    const { spec, dataset, training } = sample();
    const result = parseExperiment({
      spec,
      dataset: { id: dataset.id, noise: 0, samples: 2000 },
      training,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.experiment.version).toBe(EXPERIMENT_VERSION);
    expect(result.experiment.spec).toEqual(spec);
    // Fields added later get their defaults.
    expect(result.experiment.dataset.sequenceLength).toBe(8);
    expect(result.experiment.views).toEqual({ open: [], intervalMs: 250 });
  });

  it('refuse other formats, newer versions and malformed fields, naming the problem', () => {
    const good = sample();
    const cases: Array<[unknown, RegExp]> = [
      [null, /JSON object/],
      [[1, 2], /JSON object/],
      [{ ...good, format: 'keras' }, /format "keras"/],
      [{ ...good, version: 99 }, /newer LayerLab.*99/],
      [{ ...good, training: { ...good.training, optimizer: 'lbfgs' } }, /training\.optimizer/],
      [{ ...good, spec: { version: 1, layers: [{ id: 'x', kind: 'teleport' }] } }, /spec\.layers/],
      [{ ...good, views: { open: ['everything'], intervalMs: 250 } }, /views\.open/],
      [
        { ...good, spec: { ...good.spec, layers: [...good.spec.layers, good.spec.layers[0]] } },
        new RegExp(
          `spec\\.layers\\.${good.spec.layers.length}\\.id: uses the id "${good.spec.layers[0]?.id}", which an earlier layer already has`,
        ),
      ],
    ];
    for (const [value, message] of cases) {
      const result = parseExperiment(value);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(englishText(result.problem)).toMatch(message);
        expect(result.message).toBe(englishText(result.problem));
      }
    }
  });
});

describe('kept experiments', () => {
  it('get the settings added since they were kept, as an older file does', () => {
    const experiment = sample();
    const older: Partial<Experiment['training']> = { ...experiment.training };
    delete older.schedule;
    delete older.clipping;
    delete older.earlyStopping;
    const kept = { id: 'run-1', experiment: { ...experiment, training: older } as Experiment };
    const upgraded = upgradeKept(kept);
    expect(upgraded.id).toBe('run-1');
    expect(upgraded.experiment.training.schedule).toEqual(DEFAULT_TRAINING.schedule);
    expect(upgraded.experiment.training.clipping).toEqual(DEFAULT_TRAINING.clipping);
    expect(upgraded.experiment.training.earlyStopping).toEqual(DEFAULT_TRAINING.earlyStopping);
    expect(upgradeKept(undefined)).toBeUndefined();
  });

  it('stay as they were when they cannot be read', () => {
    const kept = { experiment: { format: 'other' } as unknown as Experiment };
    expect(upgradeKept(kept)).toBe(kept);
  });
});

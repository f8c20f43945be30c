import { describe, expect, it } from 'vitest';
import { makeExperiment } from '../experiment';
import { PRESETS } from '../../models/presets';
import { checkPair, choosePairMode } from './pairing';

const spiral = PRESETS.find((p) => p.id === 'spiral-mlp')!;
const base = makeExperiment({ ...spiral, name: '', views: { open: [], intervalMs: 250 } });
const withTraining = (patch: Partial<typeof base.training>) => ({
  ...base,
  training: { ...base.training, ...patch },
});

describe('checkPair', () => {
  it('accepts a change of design or of how it learns, and lists it', () => {
    const check = checkPair(base, withTraining({ learningRate: 0.3, epochs: 9 }));
    expect(check.ok).toBe(true);
    expect(check.ok && check.changes.map((c) => c.kind === 'training' && c.field)).toEqual([
      'learningRate',
      'epochs',
    ]);
  });

  it('refuses two identical runs', () => {
    expect(checkPair(base, structuredClone(base))).toEqual({ ok: false, problem: 'same' });
  });

  it('refuses another seed, split, backend or dataset, naming only those changes', () => {
    const check = checkPair(base, withTraining({ seed: 7, learningRate: 0.3, backend: 'cpu' }));
    expect(check).toMatchObject({ ok: false, problem: 'data' });
    expect(
      !check.ok && check.problem === 'data' && check.changes.map((c) => 'field' in c && c.field),
    ).toEqual(['seed', 'backend']);
    const otherData = { ...base, dataset: { ...base.dataset, noise: base.dataset.noise + 0.1 } };
    expect(checkPair(base, otherData)).toMatchObject({ ok: false, problem: 'data' });
  });
});

describe('choosePairMode', () => {
  it('interleaves when both fit the budget together, else trains one after the other', () => {
    expect(choosePairMode(100, 200, 300)).toBe('interleaved');
    expect(choosePairMode(100, 201, 300)).toBe('sequential');
  });
});

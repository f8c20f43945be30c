/**
 * What differs between two runs' experiments, as data: the Runs panel renders it in the page's
 * language as a short line ("lr 0.01 → 0.1, + Dropout 0.3"). Layers are matched by id (a layer
 * keeps its id while the user edits it), so an edited layer reads as a change, not as a removal
 * and an addition. Pure: no i18n, no DOM.
 */
import type { Experiment } from '../experiment';
import type { LayerSpec } from '../../models/spec';
import type { TrainingConfig } from '../../models/trainingConfig';
import type { DatasetChoice } from '../../data/datasets';

export type Scalar = string | number | boolean | null;

export type RunChange =
  /** `field` is a setting's name, or a dotted path into a group ("schedule.kind"). */
  | { kind: 'training'; field: string; from: Scalar; to: Scalar }
  | { kind: 'dataset'; field: string; from: Scalar; to: Scalar }
  | { kind: 'layerAdded'; layer: LayerSpec }
  | { kind: 'layerRemoved'; layer: LayerSpec }
  | { kind: 'layerChanged'; layer: LayerSpec; field: string; from: Scalar; to: Scalar }
  /** Same layers, another order. */
  | { kind: 'layersReordered' };

/** Settings a learner compares first come first, so a cut-off summary shows what matters. */
const TRAINING_ORDER: (keyof TrainingConfig)[] = [
  'learningRate',
  'optimizer',
  'schedule',
  'loss',
  'batchSize',
  'epochs',
  'validationSplit',
  'testSplit',
  'seed',
  'momentum',
  'nesterov',
  'beta1',
  'beta2',
  'epsilon',
  'rho',
  'weightDecay',
  'clipping',
  'recordGradientNorm',
  'earlyStopping',
  'backend',
];

/** Every change from `before` to `after`: the design first, then training settings, then data. */
export function diffExperiments(before: Experiment, after: Experiment): RunChange[] {
  return [
    ...diffLayers(before.spec.layers, after.spec.layers),
    ...diffTraining(before.training, after.training),
    ...diffDataset(before.dataset, after.dataset),
  ];
}

function diffTraining(before: TrainingConfig, after: TrainingConfig): RunChange[] {
  return TRAINING_ORDER.flatMap((key) => {
    const from = flatten({ [key]: before[key] });
    const to = new Map(flatten({ [key]: after[key] }));
    return from
      .filter(([field, value]) => to.get(field) !== value)
      .map(([field, value]): RunChange => ({
        kind: 'training',
        field,
        from: value,
        to: to.get(field) ?? null,
      }));
  });
}

function diffDataset(before: DatasetChoice, after: DatasetChoice): RunChange[] {
  // A different dataset makes its settings incomparable: say only that.
  if (before.id !== after.id)
    return [{ kind: 'dataset', field: 'id', from: before.id, to: after.id }];
  return flatten(before)
    .map(([field, from]) => ({
      field,
      from,
      to: flatten(after).find(([f]) => f === field)?.[1] ?? null,
    }))
    .filter((change) => change.from !== change.to)
    .map((change): RunChange => ({ kind: 'dataset', ...change }));
}

function diffLayers(before: readonly LayerSpec[], after: readonly LayerSpec[]): RunChange[] {
  const beforeById = new Map(before.map((layer) => [layer.id, layer]));
  const afterIds = new Set(after.map((layer) => layer.id));
  const changes: RunChange[] = [];
  for (const layer of before) {
    if (!afterIds.has(layer.id)) changes.push({ kind: 'layerRemoved', layer });
  }
  for (const layer of after) {
    const old = beforeById.get(layer.id);
    if (old === undefined || old.kind !== layer.kind) {
      if (old !== undefined) changes.push({ kind: 'layerRemoved', layer: old });
      changes.push({ kind: 'layerAdded', layer });
      continue;
    }
    const oldFields = new Map(flatten(old));
    for (const [field, to] of flatten(layer)) {
      const from = oldFields.get(field) ?? null;
      if (field !== 'id' && from !== to)
        changes.push({ kind: 'layerChanged', layer, field, from, to });
    }
  }
  const kept = (layers: readonly LayerSpec[], other: ReadonlySet<string>): string[] =>
    layers.map((layer) => layer.id).filter((id) => other.has(id));
  const beforeOrder = kept(before, afterIds);
  const afterOrder = kept(after, new Set(beforeById.keys()));
  if (beforeOrder.join('\n') !== afterOrder.join('\n')) changes.push({ kind: 'layersReordered' });
  return changes;
}

/** A spec's fields as [path, value] pairs: nested objects by dotted path, arrays as one value. */
function flatten(value: object, prefix = ''): [string, Scalar][] {
  return Object.entries(value).flatMap(([key, field]): [string, Scalar][] => {
    const path = prefix + key;
    if (field === undefined) return [];
    if (Array.isArray(field)) return [[path, field.join('×')]];
    if (typeof field === 'object' && field !== null) return flatten(field as object, `${path}.`);
    return [[path, field as Scalar]];
  });
}

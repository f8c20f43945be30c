import type { TFunction } from 'i18next';
import type { RunChange, Scalar } from '../../shared/runs/runDiff';
import type { LayerSpec } from '../../models/spec';
import { en } from '../../i18n/resources/en';
import { trainingEn } from '../../i18n/training/en';
import { TRAINING_NS } from '../../i18n/training/namespace';
import { fieldKeyLabel, layerLabel } from '../layerText';
import { datasetLabel } from '../datasetLabel';

/** Most changes named in a row; the rest are counted ("+2 more"). */
const SHOWN = 3;

type FieldKey = keyof typeof en.runs.fields;
const isFieldKey = (field: string): field is FieldKey => Object.hasOwn(en.runs.fields, field);

type OptionKey = keyof typeof trainingEn.fields;
const isOptionKey = (key: string): key is OptionKey => Object.hasOwn(trainingEn.fields, key);

/** "schedule.kind" → "scheduleKind": the training options' field names have no dots. */
const optionKey = (field: string) => field.replace(/\.(\w)/g, (_, c: string) => c.toUpperCase());

const fieldName = (t: TFunction, field: string) => {
  const key = optionKey(field);
  if (isFieldKey(key)) return t(`runs.fields.${key}`);
  return isOptionKey(key) ? t(`fields.${key}`, { ns: TRAINING_NS }) : field;
};

/** A setting's value: numbers as they are, switches as on/off, choices by their names. */
const value = (t: TFunction, v: Scalar, field = '', layerField = false) =>
  v === null
    ? '–'
    : typeof v === 'boolean'
      ? t(v ? 'runs.values.on' : 'runs.values.off')
      : typeof v === 'string'
        ? choiceName(t, field, v, layerField)
        : String(v);

/**
 * A choice as the settings name it ("Cosine decay", not "cosine"; a dataset as datasetLabel names
 * it); one without a name here as it is.
 */
function choiceName(t: TFunction, field: string, v: string, layerField: boolean): string {
  const key = layerField ? `layers.options.${field}.${v}` : SETTING_CHOICES[field]?.(v);
  const named = key ? t(key as never, { defaultValue: '' }) : '';
  if (named) return named;
  return !layerField && field === 'id' ? datasetLabel(t, v) : v;
}

/** Where the name of each setting's choices is (a training option's in its namespace). */
const SETTING_CHOICES: Partial<Record<string, (v: string) => string>> = {
  optimizer: (v) => `settings.optimizers.${v}`,
  loss: (v) => `settings.losses.${v}`,
  backend: (v) => `settings.backends.${v}`,
  'schedule.kind': (v) => `${TRAINING_NS}:schedule.kinds.${v}`,
  'clipping.kind': (v) => `${TRAINING_NS}:clipping.kinds.${v}`,
  'earlyStopping.metric': (v) => `${TRAINING_NS}:early.metrics.${v}`,
};

/** A layer as a learner recognises it: its kind and its main number ("Dropout 0.3", "Dense 64"). */
function layerName(t: TFunction, layer: LayerSpec): string {
  const label = layerLabel(t, layer.kind);
  const main =
    'units' in layer
      ? layer.units
      : 'rate' in layer
        ? layer.rate
        : 'filters' in layer
          ? layer.filters
          : null;
  return main === null ? label : `${label} ${main}`;
}

function describeChange(t: TFunction, change: RunChange): string {
  switch (change.kind) {
    case 'training':
    case 'dataset':
      return t('runs.change.setting', {
        field: fieldName(t, change.field),
        from: value(t, change.from, change.field),
        to: value(t, change.to, change.field),
      });
    case 'layerAdded':
      return t('runs.change.added', { layer: layerName(t, change.layer) });
    case 'layerRemoved':
      return t('runs.change.removed', { layer: layerName(t, change.layer) });
    case 'layerChanged':
      return t('runs.change.layer', {
        layer: layerLabel(t, change.layer.kind),
        field: fieldKeyLabel(t, change.layer.kind, change.field) ?? change.field,
        from: value(t, change.from, change.field, true),
        to: value(t, change.to, change.field, true),
      });
    case 'layersReordered':
      return t('runs.change.reordered');
  }
}

/** "lr 0.01 → 0.1, + Dropout 0.3" (in the page's language), or null when nothing changed. */
export function describeChanges(t: TFunction, changes: readonly RunChange[]): string | null {
  if (changes.length === 0) return null;
  const named = changes.slice(0, SHOWN).map((change) => describeChange(t, change));
  if (changes.length > SHOWN) named.push(t('runs.change.more', { count: changes.length - SHOWN }));
  // "a, b" in English, "a、b" in Chinese.
  return named.reduce((first, second) => t('messages.common.listed', { first, second }));
}

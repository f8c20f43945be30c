import type { TFunction } from 'i18next';
import type { FieldSpec, LayerType } from '../models/layerRegistry';
import type { LayerKind } from '../models/spec';
import { en } from '../i18n/resources/en';

/**
 * The layer palette in the page's language. src/models keeps its English labels (problem messages
 * name layers by them); the UI looks its text up by layer kind, field key and option instead.
 */

type FieldKey = keyof typeof en.layers.fields;
type OptionField = keyof typeof en.layers.options;

type OptionKey = {
  [F in OptionField]: `layers.options.${F}.${keyof (typeof en.layers.options)[F] & string}`;
}[OptionField];

const OPTION_KEYS = new Set<string>(
  Object.entries(en.layers.options).flatMap(([field, options]) =>
    Object.keys(options).map((option) => `layers.options.${field}.${option}`),
  ),
);

const isFieldKey = (key: string): key is FieldKey => Object.hasOwn(en.layers.fields, key);
const isOptionKey = (key: string): key is OptionKey => OPTION_KEYS.has(key);

export function layerLabel(t: TFunction, kind: LayerKind): string {
  return t(`layers.kinds.${kind}.label`);
}

export function layerSummary(t: TFunction, kind: LayerKind): string {
  return t(`layers.kinds.${kind}.summary`);
}

export function layerGroup(t: TFunction, group: LayerType<LayerKind>['group']): string {
  return t(`layers.groups.${group}`);
}

/** A field's label; the Activation layer's own `activation` field reads "function". */
export function fieldLabel(t: TFunction, kind: LayerKind, field: FieldSpec): string {
  return fieldKeyLabel(t, kind, field.key) ?? field.label;
}

/** A layer field's label by its key; null when the resources have none. */
export function fieldKeyLabel(t: TFunction, kind: LayerKind, fieldKey: string): string | null {
  const key = kind === 'activation' && fieldKey === 'activation' ? 'function' : fieldKey;
  return isFieldKey(key) ? t(`layers.fields.${key}`) : null;
}

/** Labels of an enum field's options (the option itself when the resources have none). */
export function optionLabels(t: TFunction, field: FieldSpec): Record<string, string> | undefined {
  if (field.type !== 'enum') return undefined;
  return Object.fromEntries(
    field.options.map((option) => {
      const key = `layers.options.${field.key}.${option}`;
      return [option, isOptionKey(key) ? t(key) : option];
    }),
  );
}

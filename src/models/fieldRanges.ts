/**
 * The designer's ranges hold for every design, wherever it came from: a number typed in a card is
 * clamped by its field, and a design from a file, a share link or a Keras import is held to the
 * same ranges here (a Dense of two billion units would otherwise become the design, and Train
 * would hang preparing it).
 */
import { message, type Message } from '../shared/messages/message';
import type { FieldName, FieldSpec } from './layerTypes/types';
import type { LayerSpec } from './spec';

/** Whether `value` is one the field's control allows (absent optional settings are allowed). */
export function fieldAllows(field: FieldSpec, value: unknown): boolean {
  switch (field.type) {
    case 'int':
    case 'float':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (field.type === 'float' || Number.isInteger(value)) &&
        value >= field.min &&
        value <= field.max
      );
    case 'enum':
      return typeof value === 'string' && field.options.includes(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'shape':
    case 'layerRef':
      // Checked by the layer's own rule, which can say more (a count that does not match, a
      // source that is not above).
      return true;
    default: {
      const unknownField: never = field;
      throw new Error(`unknown field ${String(unknownField)}`);
    }
  }
}

/** The names the problems use for settings, where they have one in both languages. */
const NAMES: Partial<Record<string, FieldName>> = {
  units: 'units',
  filters: 'filters',
  kernelSize: 'kernelSize',
  strides: 'stride',
  poolSize: 'poolSize',
  rate: 'dropoutRate',
  dropout: 'dropout',
  inputDim: 'vocabularySize',
  outputDim: 'embeddingSize',
  numHeads: 'heads',
  keyDim: 'keyDimension',
  maxLength: 'maxLength',
  width: 'width',
  ffUnits: 'feedForwardUnits',
  momentum: 'momentum',
  epsilon: 'epsilon',
  l1: 'l1Penalty',
  l2: 'l2Penalty',
};

/** The first numeric setting of `layer` outside its field's range, as a problem; or null. */
export function outOfRange(fields: readonly FieldSpec[], layer: LayerSpec): Message | null {
  const record = layer as unknown as Record<string, unknown>;
  for (const field of fields) {
    const value = record[field.key];
    if (value === undefined || (field.type !== 'int' && field.type !== 'float')) continue;
    if (fieldAllows(field, value)) continue;
    const known = NAMES[field.key];
    return message('layers.outOfRange', {
      name: known ? message(`layers.field.${known}`) : field.label,
      value: String(value),
      min: field.min,
      max: field.max,
    });
  }
  return null;
}

/**
 * For a layer whose own settings are out of range: the same layer twice, each bad setting set once
 * to the lowest and once to the highest value the designer allows. What comes out the same both
 * times (a Dropout's shape whatever its rate) does not depend on the bad setting, so the designer
 * can still show it; what differs (a Dense's width when its units are bad) stays unknown.
 */
import { LAYER_TYPES } from './layerRegistry';
import { fieldAllows } from './fieldRanges';
import type { FieldSpec } from './layerTypes/types';
import type { LayerSpec } from './spec';

/** The values at each end of a field's range, or null when `value` is already allowed. */
function extremes(field: FieldSpec, value: unknown): [unknown, unknown] | null {
  if (fieldAllows(field, value)) return null;
  switch (field.type) {
    case 'int':
    case 'float':
      return [field.min, field.max];
    case 'enum':
      return [field.options[0], field.options.at(-1)];
    case 'bool':
      return [false, true];
    default:
      // A bad target shape or source has no range to fall back on.
      return null;
  }
}

/** The low and high stand-ins, or null when every setting is in range (the problem lies elsewhere). */
export function fieldExtremes(layer: LayerSpec): [LayerSpec, LayerSpec] | null {
  const record = layer as unknown as Record<string, unknown>;
  const low: Record<string, unknown> = { ...record };
  const high: Record<string, unknown> = { ...record };
  let changed = false;
  for (const field of LAYER_TYPES[layer.kind].fields) {
    // Optional settings (a kernel initialiser, L1/L2) may be absent: absent is allowed.
    if (record[field.key] === undefined) continue;
    const ends = extremes(field, record[field.key]);
    if (!ends) continue;
    [low[field.key], high[field.key]] = ends;
    changed = true;
  }
  return changed ? [low as unknown as LayerSpec, high as unknown as LayerSpec] : null;
}

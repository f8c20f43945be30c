/** BatchNormalization and LayerNormalization (over the last axis, as LayerLab builds them). */
import { boolField, field, numberField, type JsonObject } from '../json';
import { isLastAxis } from './checks';
import { converted, refused, type Converter } from './types';

/** LayerLab always learns both a scale (gamma) and a shift (beta). */
function scaleShiftNotes(config: JsonObject): string[] {
  const missing = [
    boolField(config, 'scale') === false ? 'scale' : null,
    boolField(config, 'center') === false ? 'shift' : null,
  ].filter((m) => m !== null);
  return missing.length > 0
    ? [`it has no learned ${missing.join(' or ')} in Keras; in LayerLab it does`]
    : [];
}

export const batchnorm: Converter = ({ config }, { id, rank }) => {
  if (!isLastAxis(field(config, 'axis') ?? -1, rank)) {
    return refused('it normalises another axis than the last (LayerLab uses the last)');
  }
  const notes = scaleShiftNotes(config);
  if (boolField(config, 'renorm') === true) notes.push('batch renormalisation was dropped');
  return converted(
    {
      id,
      kind: 'batchnorm',
      // Keras's defaults.
      momentum: numberField(config, 'momentum') ?? 0.99,
      epsilon: numberField(config, 'epsilon') ?? 0.001,
    },
    notes,
  );
};

export const layernorm: Converter = ({ config }, { id, rank }) => {
  if (!isLastAxis(field(config, 'axis') ?? -1, rank)) {
    return refused('it normalises over other axes than the last one (LayerLab uses the last)');
  }
  if (boolField(config, 'rms_scaling') === true) return refused('it uses RMS scaling');
  return converted(
    { id, kind: 'layernorm', epsilon: numberField(config, 'epsilon') ?? 0.001 },
    scaleShiftNotes(config),
  );
};

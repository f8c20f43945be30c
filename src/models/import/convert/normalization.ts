/** BatchNormalization and LayerNormalization (over the last axis, as LayerLab builds them). */
import { message, type Message } from '../../../shared/messages/message';
import { boolField, field, numberField, type JsonObject } from '../json';
import { isLastAxis } from './checks';
import { converted, refused, type Converter } from './types';

/** LayerLab always learns both a scale (gamma) and a shift (beta). */
function scaleShiftNotes(config: JsonObject): Message[] {
  const noScale = boolField(config, 'scale') === false;
  const noShift = boolField(config, 'center') === false;
  if (noScale && noShift) return [message('modelImport.note.noScaleOrShift')];
  if (noScale) return [message('modelImport.note.noScale')];
  if (noShift) return [message('modelImport.note.noShift')];
  return [];
}

export const batchnorm: Converter = ({ config }, { id, rank }) => {
  if (!isLastAxis(field(config, 'axis') ?? -1, rank)) {
    return refused(message('modelImport.refused.batchnormAxis'));
  }
  const notes = scaleShiftNotes(config);
  if (boolField(config, 'renorm') === true) notes.push(message('modelImport.note.renorm'));
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
    return refused(message('modelImport.refused.layernormAxis'));
  }
  if (boolField(config, 'rms_scaling') === true) {
    return refused(message('modelImport.refused.rmsScaling'));
  }
  return converted(
    { id, kind: 'layernorm', epsilon: numberField(config, 'epsilon') ?? 0.001 },
    scaleShiftNotes(config),
  );
};

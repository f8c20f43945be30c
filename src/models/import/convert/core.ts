/** Dense, Dropout, Flatten, Reshape, and the activation layers (Activation, ReLU, LeakyReLU, ELU, Softmax). */
import { product } from '../../layerTypes/types';
import { message, type Message } from '../../../shared/messages/message';
import { field, intList, numberField } from '../json';
import { readActivation } from './activation';
import { isLastAxis } from './checks';
import { biasNotes, droppedExtras, readKernelOptions } from './kernel';
import { converted, missing, refused, type Converter } from './types';

/** Keras's (and tfjs's) LeakyReLU slope, which LayerLab's leakyRelu uses. */
export const LEAKY_SLOPE = 0.3;

const KERNEL_EXTRAS = [
  'bias_regularizer',
  'activity_regularizer',
  'kernel_constraint',
  'bias_constraint',
] as const;

export const dense: Converter = ({ config }, { id }) => {
  const units = numberField(config, 'units');
  if (units === undefined) return missing('units');
  const activation = readActivation(field(config, 'activation'));
  if (!activation.ok) return refused(activation.reason);
  const notes = activation.note ? [activation.note] : [];
  const kernel = readKernelOptions(config, notes);
  biasNotes(config, notes);
  droppedExtras(config, KERNEL_EXTRAS, notes);
  return converted(
    { id, kind: 'dense', units, activation: activation.activation, ...kernel },
    notes,
  );
};

export const dropout: Converter = ({ config }, { id }) => {
  const rate = numberField(config, 'rate');
  if (rate === undefined) return missing('rate');
  const notes: Message[] = [];
  if (field(config, 'noise_shape') !== undefined && field(config, 'noise_shape') !== null) {
    notes.push(message('modelImport.note.noiseShape'));
  }
  return converted({ id, kind: 'dropout', rate }, notes);
};

export const flatten: Converter = (_layer, { id }) => converted({ id, kind: 'flatten' });

export const reshape: Converter = ({ config }, { id, shape }) => {
  const target = intList(field(config, 'target_shape'));
  if (!target || target.length === 0) return missing('target_shape');
  const unknown = target.filter((d) => d === -1).length;
  if (unknown === 0) return converted({ id, kind: 'reshape', targetShape: target });
  // Keras lets one size be -1 ("whatever is left"); LayerLab's designer spells every size out.
  const input = shape();
  const known = product(target.filter((d) => d !== -1));
  if (unknown > 1 || input === null || known <= 0 || product(input) % known !== 0) {
    return refused(message('modelImport.refused.reshapeUnknown'));
  }
  const filled = target.map((d) => (d === -1 ? product(input) / known : d));
  return converted({ id, kind: 'reshape', targetShape: filled });
};

export const activation: Converter = ({ config }, { id }) => {
  const result = readActivation(field(config, 'activation'));
  if (!result.ok) return refused(result.reason);
  return converted(
    { id, kind: 'activation', activation: result.activation },
    result.note ? [result.note] : [],
  );
};

/** A standalone leakyRelu; the importer folds it into a linear layer just above when it can. */
function leaky(id: string, slope: number) {
  const notes =
    Math.abs(slope - LEAKY_SLOPE) > 1e-6
      ? [message('modelImport.note.leakySlope', { slope, layerLabSlope: LEAKY_SLOPE })]
      : [];
  return converted({ id, kind: 'activation', activation: 'leakyRelu' }, notes);
}

export const leakyRelu: Converter = ({ config }, { id }) =>
  // Keras 2 and tfjs call the slope alpha; Keras 3 calls it negative_slope. Both default to 0.3.
  leaky(id, numberField(config, 'alpha') ?? numberField(config, 'negative_slope') ?? LEAKY_SLOPE);

export const relu: Converter = ({ config }, { id }) => {
  const max = field(config, 'max_value');
  if (max !== undefined && max !== null) {
    return refused(message('modelImport.refused.capsValues', { max: String(max) }));
  }
  if ((numberField(config, 'threshold') ?? 0) !== 0) {
    return refused(message('modelImport.refused.threshold'));
  }
  const slope = numberField(config, 'negative_slope') ?? 0;
  if (slope !== 0) return leaky(id, slope);
  return converted({ id, kind: 'activation', activation: 'relu' });
};

export const elu: Converter = ({ config }, { id }) => {
  const alpha = numberField(config, 'alpha') ?? 1;
  const notes = alpha === 1 ? [] : [message('modelImport.note.eluAlpha', { alpha })];
  return converted({ id, kind: 'activation', activation: 'elu' }, notes);
};

export const softmax: Converter = ({ config }, { id, rank }) => {
  const axis = field(config, 'axis') ?? -1;
  if (!isLastAxis(axis, rank)) return refused(message('modelImport.refused.softmaxAxis'));
  return converted({ id, kind: 'activation', activation: 'softmax' });
};

/**
 * Embedding, SimpleRNN / LSTM / GRU, and LayerLab's own attention and positional-embedding layers
 * (saved by tfjs under the class names LayerLabMultiHeadSelfAttention and LayerLabPositionalEmbedding).
 */
import { message, type Message } from '../../../shared/messages/message';
import { POSITION_MODES, type PositionMode } from '../../spec';
import { boolField, field, isObject, numberField, stringField, type JsonObject } from '../json';
import { droppedExtras, readKernelOptions } from './kernel';
import { converted, missing, refused, type Converter } from './types';

export const embedding: Converter = ({ config }, { id }) => {
  const inputDim = numberField(config, 'input_dim');
  const outputDim = numberField(config, 'output_dim');
  if (inputDim === undefined || outputDim === undefined) {
    return missing('input_dim', 'output_dim');
  }
  const notes: Message[] = [];
  if (boolField(config, 'mask_zero') === true) notes.push(message('modelImport.note.maskZero'));
  if (!isDefaultEmbeddingInit(field(config, 'embeddings_initializer'))) {
    notes.push(message('modelImport.note.embeddingInitializer'));
  }
  const options = readKernelOptions(config, notes, null, 'embeddings_regularizer');
  droppedExtras(config, ['activity_regularizer', 'embeddings_constraint'], notes);
  return converted({ id, kind: 'embedding', inputDim, outputDim, ...options }, notes);
};

/** Keras's and LayerLab's default: uniform in [-0.05, 0.05]. */
function isDefaultEmbeddingInit(value: unknown): boolean {
  if (value === undefined || value === null || value === 'uniform') return true;
  if (!isObject(value) || value['class_name'] !== 'RandomUniform') return false;
  const config = isObject(value['config']) ? value['config'] : {};
  return (
    (numberField(config, 'minval') ?? -0.05) === -0.05 &&
    (numberField(config, 'maxval') ?? 0.05) === 0.05
  );
}

function nameKey(value: unknown): string {
  return typeof value === 'string' ? value.toLowerCase().replace(/_/g, '') : String(value);
}

/** What LayerLab's recurrent layers do differently from this Keras one, as notes. */
function recurrentNotes(config: JsonObject, kind: 'simplernn' | 'lstm' | 'gru'): Message[] {
  const notes: Message[] = [];
  const act = field(config, 'activation');
  if (act !== undefined && nameKey(act) !== 'tanh') {
    notes.push(message('modelImport.note.recurrentActivation', { name: String(act) }));
  }
  const gate = field(config, 'recurrent_activation');
  if (kind !== 'simplernn' && gate !== undefined && nameKey(gate) !== 'sigmoid') {
    notes.push(message('modelImport.note.recurrentGate', { name: String(gate) }));
  }
  if (kind === 'gru' && field(config, 'reset_after') === true) {
    notes.push(message('modelImport.note.gruResetAfter'));
  }
  if (kind === 'lstm' && field(config, 'unit_forget_bias') === false) {
    notes.push(message('modelImport.note.forgetBias'));
  }
  const dropout = (numberField(config, 'dropout') ?? 0) > 0;
  const recurrentDropout = (numberField(config, 'recurrent_dropout') ?? 0) > 0;
  if (dropout && recurrentDropout) notes.push(message('modelImport.note.bothDropoutsDropped'));
  else if (dropout) notes.push(message('modelImport.note.dropoutDropped'));
  else if (recurrentDropout) notes.push(message('modelImport.note.recurrentDropoutDropped'));
  if (boolField(config, 'stateful') === true) notes.push(message('modelImport.note.stateful'));
  if (field(config, 'use_bias') === false) notes.push(message('modelImport.note.noBias'));
  const recurrentInit = field(config, 'recurrent_initializer');
  const recurrentName = isObject(recurrentInit) ? recurrentInit['class_name'] : recurrentInit;
  if (
    recurrentName !== undefined &&
    recurrentName !== null &&
    nameKey(recurrentName) !== 'orthogonal'
  ) {
    notes.push(message('modelImport.note.recurrentInitializer', { name: String(recurrentName) }));
  }
  droppedExtras(
    config,
    [
      'recurrent_regularizer',
      'bias_regularizer',
      'activity_regularizer',
      'kernel_constraint',
      'recurrent_constraint',
      'bias_constraint',
    ],
    notes,
  );
  return notes;
}

function recurrent(kind: 'simplernn' | 'lstm' | 'gru'): Converter {
  return ({ config }, { id }) => {
    const units = numberField(config, 'units');
    if (units === undefined) return missing('units');
    if (boolField(config, 'return_state') === true) {
      return refused(message('modelImport.refused.returnState'));
    }
    if (boolField(config, 'go_backwards') === true) {
      return refused(message('modelImport.refused.goBackwards'));
    }
    if (boolField(config, 'time_major') === true) {
      return refused(message('modelImport.refused.timeMajor'));
    }
    const notes = recurrentNotes(config, kind);
    const kernel = readKernelOptions(config, notes);
    const returnSequences = boolField(config, 'return_sequences') ?? false;
    return converted({ id, kind, units, returnSequences, ...kernel }, notes);
  };
}

export const simplernn = recurrent('simplernn');
export const lstm = recurrent('lstm');
export const gru = recurrent('gru');

/** LayerLab's own self-attention layer: its config is exactly the spec's settings. */
export const layerLabAttention: Converter = ({ config }, { id }) => {
  const numHeads = numberField(config, 'num_heads');
  const keyDim = numberField(config, 'key_dim');
  if (numHeads === undefined || keyDim === undefined) {
    return missing('num_heads', 'key_dim');
  }
  return converted({
    id,
    kind: 'attention',
    numHeads,
    keyDim,
    causal: boolField(config, 'causal') ?? false,
    dropout: numberField(config, 'dropout') ?? 0,
  });
};

export const layerLabPositional: Converter = ({ config }, { id }) => {
  const mode = stringField(config, 'mode');
  const maxLength = numberField(config, 'max_length');
  if (!(POSITION_MODES as readonly string[]).includes(mode ?? '')) {
    return refused(
      message('modelImport.refused.positionalMode', { mode: JSON.stringify(mode) ?? 'undefined' }),
    );
  }
  if (maxLength === undefined) return missing('max_length');
  return converted({ id, kind: 'positional', mode: mode as PositionMode, maxLength });
};

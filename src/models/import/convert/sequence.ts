/**
 * Embedding, SimpleRNN / LSTM / GRU, and LayerLab's own attention and positional-embedding layers
 * (saved by tfjs under the class names LayerLabMultiHeadSelfAttention and LayerLabPositionalEmbedding).
 */
import { POSITION_MODES, type PositionMode } from '../../spec';
import { boolField, field, isObject, numberField, stringField, type JsonObject } from '../json';
import { droppedExtras, readKernelOptions } from './kernel';
import { converted, refused, type Converter } from './types';

export const embedding: Converter = ({ config }, { id }) => {
  const inputDim = numberField(config, 'input_dim');
  const outputDim = numberField(config, 'output_dim');
  if (inputDim === undefined || outputDim === undefined) {
    return refused('it has no "input_dim" or "output_dim"');
  }
  const notes: string[] = [];
  if (boolField(config, 'mask_zero') === true) {
    notes.push(
      'Keras skips id 0 (padding) through its mask; LayerLab has no masks, so padding is read like any token',
    );
  }
  if (!isDefaultEmbeddingInit(field(config, 'embeddings_initializer'))) {
    notes.push('its vectors start uniform in ±0.05, as every LayerLab embedding does');
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
function recurrentNotes(config: JsonObject, kind: 'simplernn' | 'lstm' | 'gru'): string[] {
  const notes: string[] = [];
  const act = field(config, 'activation');
  if (act !== undefined && nameKey(act) !== 'tanh') {
    notes.push(`its activation ${String(act)} became tanh (LayerLab's recurrent layers use tanh)`);
  }
  const gate = field(config, 'recurrent_activation');
  if (kind !== 'simplernn' && gate !== undefined && nameKey(gate) !== 'sigmoid') {
    notes.push(`its recurrent activation ${String(gate)} became sigmoid`);
  }
  if (kind === 'gru' && field(config, 'reset_after') === true) {
    notes.push(
      "it uses reset_after=True (TensorFlow 2's default); LayerLab's GRU is the reset_after=False kind (the reset gate acts before the recurrent product, 3×units fewer biases), so it computes slightly differently and its saved biases do not fit",
    );
  }
  if (kind === 'lstm' && field(config, 'unit_forget_bias') === false) {
    notes.push('its forget gate bias starts at 1 (unit_forget_bias), as in every LayerLab LSTM');
  }
  const dropped = ['dropout', 'recurrent_dropout'].filter((k) => (numberField(config, k) ?? 0) > 0);
  if (dropped.length > 0) notes.push(`its ${dropped.join(' and ').replace(/_/g, ' ')} was dropped`);
  if (boolField(config, 'stateful') === true) {
    notes.push('it was stateful in Keras; LayerLab starts every sequence from a zero state');
  }
  if (field(config, 'use_bias') === false) {
    notes.push('it has no bias in Keras; in LayerLab it gets one (starting at zero)');
  }
  const recurrentInit = field(config, 'recurrent_initializer');
  const recurrentName = isObject(recurrentInit) ? recurrentInit['class_name'] : recurrentInit;
  if (
    recurrentName !== undefined &&
    recurrentName !== null &&
    nameKey(recurrentName) !== 'orthogonal'
  ) {
    notes.push(`its recurrent kernel starts orthogonal, not ${String(recurrentName)}`);
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
    if (units === undefined) return refused('it has no "units"');
    if (boolField(config, 'return_state') === true) {
      return refused('it also returns its state (a second output)');
    }
    if (boolField(config, 'go_backwards') === true) {
      return refused("it reads the sequence backwards; LayerLab's recurrent layers read forwards");
    }
    if (boolField(config, 'time_major') === true) return refused('it takes time-major input');
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
    return refused('it has no "num_heads" or "key_dim"');
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
    return refused(`its mode ${JSON.stringify(mode)} is neither learned nor sinusoidal`);
  }
  if (maxLength === undefined) return refused('it has no "max_length"');
  return converted({ id, kind: 'positional', mode: mode as PositionMode, maxLength });
};

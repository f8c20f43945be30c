/**
 * LayerLab's custom tfjs layers. Importing this module registers them with tfjs serialisation,
 * which must happen before any saved model that uses them is loaded.
 */
import { MultiHeadSelfAttention, type MultiHeadSelfAttentionArgs } from './multiHeadSelfAttention';
import { SeededDropout, maskSeed, setDropoutStep, type SeededDropoutArgs } from './seededDropout';
import {
  POSITIONAL_MODES,
  PositionalEmbedding,
  sinusoidalTable,
  type PositionalEmbeddingArgs,
  type PositionalMode,
} from './positionalEmbedding';

export {
  MultiHeadSelfAttention,
  PositionalEmbedding,
  POSITIONAL_MODES,
  SeededDropout,
  maskSeed,
  setDropoutStep,
  sinusoidalTable,
};
export type {
  MultiHeadSelfAttentionArgs,
  PositionalEmbeddingArgs,
  PositionalMode,
  SeededDropoutArgs,
};

/**
 * Parameters of self-attention on dModel features, as Keras `MultiHeadAttention(num_heads=h,
 * key_dim=k)` counts them (value_dim = key_dim, use_bias = true, output back to dModel):
 * query, key and value kernels d·h·k + biases h·k each, output kernel h·k·d + bias d.
 */
export function attentionParamCount(dModel: number, numHeads: number, keyDim: number): number {
  const inner = numHeads * keyDim;
  return 3 * (dModel * inner + inner) + inner * dModel + dModel;
}

/** Learned: one trainable row per position; sinusoidal: a fixed table, no parameters. */
export function positionalEmbeddingParamCount(
  mode: PositionalMode,
  maxLength: number,
  dModel: number,
): number {
  return mode === 'learned' ? maxLength * dModel : 0;
}

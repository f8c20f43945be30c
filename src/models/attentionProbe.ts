/**
 * A probe model that returns every attention layer's maps, sharing the training model's weights:
 * the maps are the attention layers' second outputs, so reading them needs no second copy of the
 * model and no change to the training graph.
 */
import * as tf from '@tensorflow/tfjs';
import { MultiHeadSelfAttention } from './layers';

export interface AttentionProbe {
  /** [batch, heads, T, T] per attention layer, in model order. */
  model: tf.LayersModel;
  layerNames: string[];
}

/** Null when the model has no attention layer. Dispose only the probe, never its (shared) layers. */
export function buildAttentionProbe(model: tf.LayersModel): AttentionProbe | null {
  const layers = model.layers.filter(
    (l): l is MultiHeadSelfAttention => l instanceof MultiHeadSelfAttention,
  );
  if (layers.length === 0) return null;
  const maps = layers.map((l) => (l.output as tf.SymbolicTensor[])[1] as tf.SymbolicTensor);
  return {
    model: tf.model({ inputs: model.inputs, outputs: maps, name: 'layerlab_attention_probe' }),
    layerNames: layers.map((l) => l.name),
  };
}

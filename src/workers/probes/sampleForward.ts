/**
 * The sample the activations and attention views look at: the user's (drawn, picked or typed) or a
 * validation sample, run once through the probe model, whose outputs both views then read.
 */
import * as tf from '@tensorflow/tfjs';
import { encodeText } from './encodeText';
import { asList, type ProbeModels } from './probeModels';
import type { ProbeCycle, SampleForward } from './views/types';

/** The sample's inputs and validation index (null for the user's), or null when there is none. */
function chooseSample(cycle: ProbeCycle): { x: Float32Array; index: number | null } | null {
  const { settings, info, run, perSample, validation } = cycle;
  const sample = settings.sample;
  if (sample.kind === 'custom' && sample.x.length === perSample)
    return { x: sample.x, index: null };
  if (sample.kind === 'text' && info.kind === 'text') {
    return { x: encodeText(run, sample.text, perSample), index: null };
  }
  if (validation.data.count === 0) return null;
  const index = Math.min(
    Math.max(0, sample.kind === 'validation' ? sample.index : 0),
    validation.data.count - 1,
  );
  return { x: validation.data.x.slice(index * perSample, (index + 1) * perSample), index };
}

/** Call inside the cycle's tf.tidy: the outputs are the tidy's. */
export function runSample(cycle: ProbeCycle, models: ProbeModels): SampleForward | null {
  const chosen = chooseSample(cycle);
  if (!chosen) return null;
  const input = tf.tensor(chosen.x, [1, ...cycle.inputShape]);
  return { ...chosen, outputs: asList(models.sample.apply(input, { training: false })) };
}

/**
 * The sample's outputs at `indices` (the probe model's index list for `names`), each with its
 * name; null when there is no sample or no such output.
 */
export function sampleOutputs(
  forward: SampleForward | null,
  names: readonly string[],
  indices: readonly number[],
): { name: string; output: tf.Tensor }[] | null {
  if (!forward || names.length === 0) return null;
  return names.map((name, i) => ({
    name,
    output: forward.outputs[indices[i] ?? -1] as tf.Tensor,
  }));
}

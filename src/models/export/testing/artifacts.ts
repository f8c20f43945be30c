/**
 * A built tfjs model as the files LayerLab saves (model.json with a weightsManifest, weights.bin),
 * with its weights moved away from their initial values first, so that zero biases or unit
 * scales cannot hide a weight that the exported program leaves out or misplaces.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../../data/random';

/** Adds seeded uniform noise in ±`amount` to every weight (moving variances stay positive). */
export function perturbWeights(model: tf.LayersModel, seed: number, amount = 0.1): void {
  const random = createRandom(seed);
  for (const weight of model.weights) {
    const size = weight.shape.reduce<number>((a, b) => a * (b ?? 1), 1);
    const noise = Float32Array.from({ length: size }, () => (random() * 2 - 1) * amount);
    tf.tidy(() => {
      weight.write(tf.add(weight.read(), tf.tensor(noise, weight.shape as number[])));
    });
  }
}

/** Writes model.json + weights.bin into `dir`, as a tfjs file save would. */
export async function saveTfjsModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      if (!data || !artifacts.weightSpecs) throw new Error('The model saved no weights.');
      const bytes = new Uint8Array(tf.io.CompositeArrayBuffer.join(data));
      writeFileSync(join(dir, 'weights.bin'), bytes);
      const json = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

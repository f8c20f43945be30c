/**
 * PCA of one layer's activations for a few hundred validation samples: the features are gathered on
 * the device, the principal components found on the CPU.
 */
import * as tf from '@tensorflow/tfjs';
import { evenlySpaced } from '../../../models/evaluation/downsample';
import { pca } from '../../../models/evaluation/pca';
import type { ProbedRun } from '../../run';
import { cut, type Slot } from '../packer';
import { asList } from '../probeModels';
import { inBatches, wholeBatches } from '../probeGeometry';
import { PROJECTION_SAMPLES } from '../probeLimits';
import type { DeviceCycle, ProbeView } from './types';

/** At most this many evenly spaced features: PCA stays quick and the readback small. */
const MAX_FEATURES = 256;

interface Packed {
  layer: string;
  rows: number;
  columns: number;
  features: Slot;
}

/** The previous PCA axes of each run, so the scatter keeps its orientation between updates. */
const previousAxes = new WeakMap<
  ProbedRun,
  { layer: string; columns: number; axes: Float32Array }
>();

/** The chosen layer, or the last hidden one (the output layer when there is no other). */
function projectedLayer({ settings, models }: DeviceCycle): string | undefined {
  const ids = models.layerIds;
  return settings.projectionLayer && ids.includes(settings.projectionLayer)
    ? settings.projectionLayer
    : (ids.at(-2) ?? ids.at(-1));
}

export const projection: ProbeView<'projection', Packed> = {
  part: 'projection',
  wanted: (views) => views.projection,
  compute(cycle) {
    const { models, validation, batchSize, packer } = cycle;
    if (validation.data.count <= 1) return null;
    const layer = projectedLayer(cycle);
    const index = layer === undefined ? -1 : models.layerIds.indexOf(layer);
    if (layer === undefined || index < 0) return null;
    const rows = wholeBatches(Math.min(PROJECTION_SAMPLES, validation.data.count), batchSize);
    const features = inBatches(validation, rows, batchSize, (xb) => {
      const outputs = asList(models.sample.apply(xb, { training: false }));
      const layerOut = outputs[models.layerIndex[index] ?? -1] as tf.Tensor;
      return layerOut.reshape([xb.shape[0] ?? 1, -1]); // [batch, d]
    }); // [rows, d]
    const d = features.shape[1] ?? 1;
    const columns = Math.min(d, MAX_FEATURES);
    const kept = tf.gather(features, tf.tensor1d(evenlySpaced(d, columns), 'int32'), 1);
    return { layer, rows, columns, features: packer.add(kept) };
  },
  unpack(flat, { layer, rows, columns, features }, { run, info, validation }) {
    const data = cut(flat, features);
    if (!data.every(Number.isFinite)) return null;
    // Aligned with the previous update's axes, so the scatter does not flip between updates.
    const previous = previousAxes.get(run);
    const alignTo =
      previous?.layer === layer && previous.columns === columns ? previous.axes : undefined;
    const projected = pca(data, rows, columns, 2, alignTo ? { alignTo } : {});
    previousAxes.set(run, { layer, columns, axes: projected.components });
    return {
      layer,
      points: projected.projected,
      labels:
        info.task === 'classification'
          ? Int32Array.from(validation.data.y.subarray(0, rows))
          : new Int32Array(rows),
      explainedRatio: projected.explainedRatio,
    };
  },
};

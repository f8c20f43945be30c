/** The confusion matrix over (a fixed part of) the validation split: predicted on the device. */
import * as tf from '@tensorflow/tfjs';
import { confusionMatrix } from '../../../models/evaluation/confusion';
import { cut, type Slot } from '../packer';
import { inBatches, wholeBatches } from '../probeGeometry';
import { CONFUSION_SAMPLES } from '../probeLimits';
import type { ProbeView } from './types';

interface Packed {
  /** Validation samples scored. */
  count: number;
  predicted: Slot;
}

/** Class ids from model outputs: argmax, or a threshold at 0.5 for one sigmoid unit. */
function predictedIds(output: tf.Tensor): tf.Tensor {
  const units = output.shape.at(-1) ?? 1;
  return units === 1
    ? tf.greater(output, 0.5).toInt().reshape([-1])
    : tf.argMax(output, -1).reshape([-1]);
}

export const confusion: ProbeView<'confusion', Packed> = {
  part: 'confusion',
  wanted: (views) => views.confusion,
  compute({ info, validation, batchSize, run, packer }) {
    if (info.task === 'regression' || validation.data.count === 0) return null;
    const count = wholeBatches(Math.min(CONFUSION_SAMPLES, validation.data.count), batchSize);
    const predicted = inBatches(validation, count, batchSize, (xb) =>
      predictedIds(run.model.apply(xb, { training: false }) as tf.Tensor),
    );
    return { count, predicted: packer.add(predicted) };
  },
  unpack(flat, packed, { info, validation }) {
    const labels = validation.labelsPerSample;
    const predicted = Int32Array.from(cut(flat, packed.predicted));
    const truth = Int32Array.from(validation.data.y.subarray(0, packed.count * labels));
    const classes = info.classes.length;
    return {
      classes,
      matrix: confusionMatrix(truth, predicted, classes),
      indices: Int32Array.from({ length: predicted.length }, (_, i) => Math.floor(i / labels)),
      truth,
      predicted,
    };
  },
};

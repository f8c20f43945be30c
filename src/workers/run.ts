/**
 * One training run's resources: the model built from the spec, its data on the device, the
 * Trainer and the MetricsReader. Created when a run starts, disposed as a whole when it ends.
 */
import type * as tf from '@tensorflow/tfjs';
import type { PreparedData } from '../data/split';
import { buildModelWithOutputs } from '../models/builder';
import { MetricsReader } from './metricsReader';
import type { StartRequest, TrainRecord } from './protocol';
import { augmentsAnything } from './augment';
import { toTensors, Trainer, type SplitTensors } from './trainer';

export interface Run {
  id: number;
  request: StartRequest;
  /** Epochs to train to: the request's, changed by setEpochs while the run lives. */
  epochs: number;
  model: tf.LayersModel;
  trainer: Trainer;
  metrics: MetricsReader;
  /** The data on the CPU (labels and inputs for the views of model internals). */
  data: PreparedData;
  /** Each top-level spec layer's output, by spec id (the probes' activations). */
  layerOutputs: Map<string, tf.SymbolicTensor>;
  /** Evaluated once, when the run ends. */
  test: SplitTensors | null;
  tensors: SplitTensors[];
}

export function createRun(
  request: StartRequest,
  data: PreparedData,
  now: () => number,
  onRecord: (record: TrainRecord) => void,
): Run {
  const info = request.datasetInfo;
  const { model, layerOutputs } = buildModelWithOutputs(
    request.spec,
    info.inputShape,
    request.training.seed,
  );
  const outputs = model.outputs[0]?.shape.at(-1) ?? info.classes.length;
  const train = toTensors(data.train, info.inputShape, outputs, info.classes.length);
  const validation = data.validation
    ? toTensors(data.validation, info.inputShape, outputs, info.classes.length)
    : null;
  const test = data.test
    ? toTensors(data.test, info.inputShape, outputs, info.classes.length)
    : null;
  const tensors = [train, validation, test].filter((t): t is SplitTensors => t !== null);
  try {
    const augment =
      info.kind === 'images' && augmentsAnything(request.dataset.augment)
        ? request.dataset.augment
        : null;
    const trainer = new Trainer(model, request.training, train, validation, augment);
    const metrics = new MetricsReader(trainer, now, onRecord);
    return {
      id: request.runId,
      request,
      epochs: request.training.epochs,
      model,
      trainer,
      metrics,
      data,
      layerOutputs,
      test,
      tensors,
    };
  } catch (error) {
    model.dispose();
    tensors.forEach((t) => (t.x.dispose(), t.y.dispose()));
    throw error;
  }
}

export function disposeRun(run: Run): void {
  run.trainer.dispose();
  run.model.dispose();
  for (const t of run.tensors) {
    t.x.dispose();
    t.y.dispose();
  }
}

/**
 * One training run's resources: the model built from the spec, its splits (in CPU memory; batches
 * go to the device as they are needed), the Trainer and the MetricsReader. Created when a run
 * starts, disposed as a whole when it ends.
 */
import type * as tf from '@tensorflow/tfjs';
import type { PreparedData } from '../data/split';
import type { LabelledData } from '../data/types';
import { buildModelWithOutputs } from '../models/builder';
import { MetricsReader } from './metricsReader';
import type { StartRequest, TrainRecord } from '../shared/protocol';
import { augmentsAnything } from './augment';
import { makeSplit, type Split } from './batches';
import { EarlyStopper } from './earlyStopper';
import { Trainer } from './trainer';

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
  test: Split | null;
  /** Early stopping, when the run's settings ask for it (and it has a validation split). */
  earlyStopper: EarlyStopper | null;
}

/** What the internals views read of a run's trainer. */
export type ProbeTrainer = Pick<
  Trainer,
  'step' | 'train' | 'validation' | 'requestGradientStats' | 'takeGradientStats'
>;

/**
 * A run as the internals views see it: the live run, or (time travel) a copy of its model at a
 * checkpoint with a trainer that stands still at that step.
 */
export type ProbedRun = Pick<Run, 'id' | 'request' | 'model' | 'data' | 'layerOutputs'> & {
  trainer: ProbeTrainer;
};

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
  const split = (part: LabelledData) =>
    makeSplit(part, info.inputShape, outputs, info.classes.length);
  const train = split(data.train);
  const validation = data.validation ? split(data.validation) : null;
  const test = data.test ? split(data.test) : null;
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
      earlyStopper:
        request.training.earlyStopping.enabled && validation
          ? new EarlyStopper(request.training.earlyStopping, model)
          : null,
    };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

export function disposeRun(run: Run): void {
  run.earlyStopper?.dispose();
  run.trainer.dispose();
  run.model.dispose();
}

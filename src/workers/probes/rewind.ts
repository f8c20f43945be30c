/**
 * Time travel for the internals views: the current run's model as it was at one of its
 * checkpoints. A second copy of the design, built once per run and only ever run forward, takes
 * the checkpoint's weights in place (no new variables, so scrubbing leaves the tensor count flat);
 * the live model trains on untouched. Its trainer stands still at the checkpoint's step and
 * computes the gradient histograms there, on the first training batch.
 */
import * as tf from '@tensorflow/tfjs';
import { buildModelWithOutputs } from '../../models/builder';
import { computeLoss } from '../../models/losses';
import { message } from '../../shared/messages/message';
import { MessageError } from '../../shared/messages/messageError';
import { sliceBatch } from '../batches';
import type { ProbedRun, ProbeTrainer, Run } from '../run';
import type { Checkpoint } from '../runs/runStore';
import { weightsFor } from '../savedModels/modelBundle';
import { symmetricHistogram } from './gpuStats';

export interface CheckpointSource {
  /** The stored run the session's run is recorded as; null when none is. */
  currentRecordId(): string | null;
  checkpointWeights(runId: string, step: number): Promise<Checkpoint | undefined>;
}

interface RewoundCopy {
  /** The live run it copies. */
  of: Run;
  view: ProbedRun;
  trainer: RewoundTrainer;
  /** The checkpoint its weights come from; null until one is loaded. */
  step: number | null;
}

export class Rewinder {
  private copy: RewoundCopy | null = null;

  constructor(private readonly source: CheckpointSource) {}

  /** `run` as it was after `step` steps. Rejects with a MessageError when the checkpoint is gone. */
  async at(run: Run, step: number): Promise<ProbedRun> {
    const copy = this.copyOf(run);
    if (copy.step === step) return copy.view;
    const recordId = this.source.currentRecordId();
    const checkpoint = recordId ? await this.source.checkpointWeights(recordId, step) : undefined;
    if (!checkpoint) throw new MessageError(message('worker.checkpointGone', { step }));
    if (this.copy !== copy) throw new MessageError(message('worker.checkpointGone', { step }));
    const decoded = tf.io.decodeWeights(checkpoint.weightData, checkpoint.weightSpecs);
    try {
      copy.view.model.setWeights(weightsFor(copy.view.model, decoded));
    } finally {
      tf.dispose(Object.values(decoded));
    }
    copy.step = step;
    copy.trainer.step = step;
    return copy.view;
  }

  /** Whether `view` is the copy and still holds the checkpoint of `step`. */
  holds(view: ProbedRun, step: number): boolean {
    return this.copy !== null && this.copy.view === view && this.copy.step === step;
  }

  /** Frees the copy (back to live views, or the run ended). */
  release(): void {
    this.copy?.view.model.dispose();
    this.copy = null;
  }

  private copyOf(run: Run): RewoundCopy {
    if (this.copy?.of === run) return this.copy;
    this.release();
    const { request } = run;
    const { model, layerOutputs } = buildModelWithOutputs(
      request.spec,
      request.datasetInfo.inputShape,
      request.training.seed,
    );
    const trainer = new RewoundTrainer(run, model);
    const view: ProbedRun = {
      id: run.id,
      request,
      data: run.data,
      model,
      layerOutputs,
      trainer,
    };
    this.copy = { of: run, view, trainer, step: null };
    return this.copy;
  }
}

/** A trainer that stands at a checkpoint: the views read its step, data and gradients. */
class RewoundTrainer implements ProbeTrainer {
  step = 0;
  readonly train: ProbeTrainer['train'];
  readonly validation: ProbeTrainer['validation'];

  constructor(
    private readonly run: Run,
    private readonly model: tf.LayersModel,
  ) {
    this.train = run.trainer.train;
    this.validation = run.trainer.validation;
  }

  /** The gradients are computed when taken: nothing to prepare. */
  requestGradientStats(): void {}

  /**
   * [variables, bins + 1] histograms of the loss's gradient at the checkpoint, on the first
   * training batch (dropout off, so the same checkpoint always shows the same gradients).
   */
  takeGradientStats(): tf.Tensor2D | null {
    const { batchSize, loss } = this.run.request.training;
    if (this.train.count < batchSize) return null;
    const variables = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
    return tf.tidy(() => {
      const { x, y } = sliceBatch(this.train, 0, batchSize); // [batch, ...inputShape]
      const { grads } = tf.variableGrads(() => {
        const predicted = this.model.apply(x, { training: false }) as tf.Tensor;
        const penalties = this.model.calculateLosses();
        const value = computeLoss(loss, y, predicted);
        return penalties.length > 0 ? (tf.add(value, tf.addN(penalties)) as tf.Scalar) : value;
      }, variables);
      const rows = variables.map((v) => symmetricHistogram(grads[v.name] ?? tf.zeros([1])));
      return tf.stack(rows) as tf.Tensor2D;
    });
  }
}

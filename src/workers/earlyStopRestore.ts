/**
 * Early stopping across a restore (a run reopened after a reload or a crash, or continued from a
 * checkpoint): the stopper replays the validations recorded before the restore point, so patience
 * and the best epoch carry over, and it takes the best epoch's weights from that epoch's stored
 * checkpoint when it is still kept (every epoch end is checkpointed, within the run's budget).
 * Without them the run still stops on time; its message then says where the best was, without
 * claiming to restore it.
 */
import * as tf from '@tensorflow/tfjs';
import type { ValidationRecord } from '../shared/protocol';
import type { Run } from './run';
import type { Checkpoint } from './runs/runStore';
import { weightsFor } from './savedModels/modelBundle';

export async function restoreEarlyStopping(
  run: Run,
  validations: readonly ValidationRecord[],
  checkpointAt: (step: number) => Promise<Checkpoint | undefined>,
): Promise<void> {
  const stopper = run.earlyStopper;
  if (!stopper) return;
  const { step, stepsPerEpoch } = run.trainer;
  // Only whole epochs count, as while training (a run stopped by hand mid-epoch adds a validation).
  const epochEnds = validations.filter(
    (r) => r.step > 0 && r.step <= step && r.step % stepsPerEpoch === 0,
  );
  const best = stopper.replay(epochEnds);
  if (!best || !run.request.training.earlyStopping.restoreBest) return;
  if (best.step === step) {
    stopper.keepBest(run.model.getWeights().map((w) => tf.clone(w)));
    return;
  }
  const checkpoint = await checkpointAt(best.step);
  if (!checkpoint) return;
  const decoded = tf.io.decodeWeights(checkpoint.weightData, checkpoint.weightSpecs);
  try {
    stopper.keepBest(weightsFor(run.model, decoded).map((w) => tf.clone(w)));
  } finally {
    tf.dispose(Object.values(decoded));
  }
}

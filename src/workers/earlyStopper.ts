/**
 * One run's early stopping: observes each validation (src/models/earlyStopping.ts decides), keeps
 * a copy of the best epoch's weights when they are to be restored, and puts them back at the end.
 */
import * as tf from '@tensorflow/tfjs';
import {
  NO_EARLY_STOP_STATE,
  observeEpoch,
  type EarlyStopState,
  type EpochResult,
} from '../models/earlyStopping';
import type { EarlyStopping } from '../models/trainingConfig';
import { message, type Message } from '../shared/messages/message';

export class EarlyStopper {
  private state: EarlyStopState = NO_EARLY_STOP_STATE;
  private bestWeights: tf.Tensor[] | null = null;
  /** How often restoreBest put weights back: a writer checks that its weights stayed the same. */
  restorations = 0;
  /** Why the run stopped, once it did. */
  stopped: Message | null = null;

  constructor(
    private readonly config: EarlyStopping,
    private readonly model: tf.LayersModel,
  ) {}

  /** After a validation: true when the run should stop at this epoch. */
  observe(result: EpochResult): boolean {
    if (this.stopped) return true;
    const verdict = observeEpoch(this.config, this.state, result);
    this.state = verdict.state;
    if (verdict.improved && this.config.restoreBest) {
      this.bestWeights?.forEach((w) => w.dispose());
      this.bestWeights = this.model.getWeights().map((w) => tf.clone(w));
    }
    if (!verdict.stop) return false;
    const best = this.state.best;
    const restoring = this.config.restoreBest && this.bestWeights !== null;
    this.stopped = message(restoring ? 'worker.earlyStoppedRestored' : 'worker.earlyStopped', {
      epoch: result.epoch,
      metric: message(this.config.metric === 'valLoss' ? 'worker.valLoss' : 'worker.valAccuracy'),
      count: this.config.patience,
      bestEpoch: best?.epoch ?? result.epoch,
    });
    return true;
  }

  /**
   * The learner raised Epochs after an early stop: train on, with a fresh patience (the best so
   * far stays the bar to beat, and its weights the ones to restore).
   */
  trainOn(): void {
    if (!this.stopped) return;
    this.stopped = null;
    this.state = { ...this.state, waited: 0 };
  }

  /**
   * A run restored at a checkpoint: the validations it had (epoch ends up to the restore point)
   * rebuild the best so far and the patience used. Returns the best.
   */
  replay(validations: readonly EpochResult[]): EarlyStopState['best'] {
    for (const result of validations) {
      this.state = observeEpoch(this.config, this.state, result).state;
    }
    // Continued from where patience had run out (the earlier run stopped there): the learner
    // chose to train on, so patience starts afresh rather than stopping at the next epoch.
    if (this.state.waited >= this.config.patience) this.state = { ...this.state, waited: 0 };
    return this.state.best;
  }

  /** The best epoch's weights, taken over (disposed with the stopper). */
  keepBest(weights: tf.Tensor[]): void {
    this.bestWeights?.forEach((w) => w.dispose());
    this.bestWeights = weights;
  }

  /** Puts back the best epoch's weights when the run stopped early and they were kept. */
  restoreBest(): void {
    if (!this.stopped || !this.bestWeights) return;
    this.model.setWeights(this.bestWeights);
    this.restorations++;
  }

  dispose(): void {
    this.bestWeights?.forEach((w) => w.dispose());
    this.bestWeights = null;
  }
}

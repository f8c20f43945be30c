/**
 * The learner's work as lesson goals read it: the design and settings, the current run's numbers
 * and curve, where the timeline stands, and the run history. Plain data, so goals stay pure.
 */
import type { ModelSpec } from '../models/spec';
import type { TrainingConfig } from '../models/trainingConfig';
import type { TrainRecord } from '../shared/protocol';
import type { RunSummary } from '../shared/runs/runTypes';

export interface LessonState {
  spec: ModelSpec;
  training: TrainingConfig;
  /** The settings the current run was started with; null before any run. */
  runTraining: TrainingConfig | null;
  /** The design's dataset id (runs on other data are not compared with it). */
  dataset: string;
  /** The design's parameter count (from the analysis); null where not analysed (a stored run). */
  params: number | null;
  trainAccuracy: number | null;
  valAccuracy: number | null;
  testAccuracy: number | null;
  trainLoss: number | null;
  valLoss: number | null;
  steps: number;
  /** The current run's latest loss is NaN or infinite: it diverged. */
  diverged: boolean;
  /** The current run's training records, oldest first. */
  train: readonly TrainRecord[];
  /** The steps of the current run's stored checkpoints, ascending. */
  checkpoints: readonly number[];
  /** The checkpoint step the timeline shows; null when it shows the live model. */
  rewind: number | null;
  /** The stored runs, newest first. */
  runs: readonly RunSummary[];
}

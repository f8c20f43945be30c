import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LessonState } from '../../lessons/checkGoal';
import { useStore } from '../../state/store';
import { useAnalysis } from '../../state/useAnalysis';
import { checkpointSteps, endedRuns } from './lessonSelectors';

/** The learner's work as lesson goals read it: design, settings, numbers, timeline and history. */
export function useLessonState(): LessonState {
  const spec = useStore((s) => s.spec);
  const training = useStore((s) => s.training);
  const runTraining = useStore(
    (s) => s.runHistory.find((run) => run.id === s.currentRecord)?.experiment.training ?? null,
  );
  const dataset = useStore((s) => s.dataset.id);
  const train = useStore((s) => s.train);
  const lastValidation = useStore((s) => s.validation.at(-1));
  const test = useStore((s) => s.test);
  const rewind = useStore((s) => s.probeSettings.rewind?.step ?? null);
  const checkpoints = useStore(useShallow(checkpointSteps));
  const runs = useStore(useShallow(endedRuns));
  const { totalParams } = useAnalysis();
  const lastTrain = train.at(-1);
  return useMemo(
    () => ({
      spec,
      training,
      runTraining,
      dataset,
      params: totalParams,
      trainAccuracy: lastTrain?.accuracy ?? null,
      trainLoss: lastTrain?.loss ?? null,
      valAccuracy: lastValidation?.accuracy ?? null,
      valLoss: lastValidation?.loss ?? null,
      testAccuracy: test?.accuracy ?? null,
      steps: lastTrain?.step ?? 0,
      // The session pauses at the first non-finite loss, so it is the last record.
      diverged: lastTrain !== undefined && !Number.isFinite(lastTrain.loss),
      train,
      checkpoints,
      rewind,
      runs,
    }),
    [
      spec,
      training,
      runTraining,
      dataset,
      totalParams,
      train,
      lastTrain,
      lastValidation,
      test,
      checkpoints,
      rewind,
      runs,
    ],
  );
}

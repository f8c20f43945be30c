import { useMemo } from 'react';
import type { LessonState } from '../../lessons/checkGoal';
import { useStore } from '../../state/store';
import { useAnalysis } from '../../state/useAnalysis';

/** The learner's work as lesson goals read it: the design, settings and latest numbers. */
export function useLessonState(): LessonState {
  const spec = useStore((s) => s.spec);
  const training = useStore((s) => s.training);
  const lastTrain = useStore((s) => s.train.at(-1));
  const lastValidation = useStore((s) => s.validation.at(-1));
  const test = useStore((s) => s.test);
  const { totalParams } = useAnalysis();
  return useMemo(
    () => ({
      spec,
      training,
      params: totalParams,
      trainAccuracy: lastTrain?.accuracy ?? null,
      trainLoss: lastTrain?.loss ?? null,
      valAccuracy: lastValidation?.accuracy ?? null,
      valLoss: lastValidation?.loss ?? null,
      testAccuracy: test?.accuracy ?? null,
      steps: lastTrain?.step ?? 0,
    }),
    [spec, training, totalParams, lastTrain, lastValidation, test],
  );
}

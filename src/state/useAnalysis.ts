/** The design's analysis (shapes, parameter counts, problems), recomputed only when its inputs change. */
import { useMemo } from 'react';
import { DATASETS } from '../data/datasets';
import { analyzeModel, type ModelAnalysis } from '../models/analyze';
import { useStore } from './store';

export function useAnalysis(): ModelAnalysis {
  const spec = useStore((s) => s.spec);
  const dataset = useStore((s) => s.dataset);
  const training = useStore((s) => s.training);
  return useMemo(
    () => analyzeModel(spec, DATASETS[dataset.id], training, dataset),
    [spec, dataset, training],
  );
}

/** The design's analysis (shapes, parameter counts, problems), recomputed only when its inputs change. */
import { useMemo } from 'react';
import type { DatasetInfo } from '../data/datasets';
import { analyzeModel, type ModelAnalysis } from '../models/analyze';
import { datasetInfoOf, useStore } from './store';

/** The chosen dataset's info, with its settings applied. */
export function useDatasetInfo(): DatasetInfo {
  const dataset = useStore((s) => s.dataset);
  const userDatasets = useStore((s) => s.userDatasets);
  return useMemo(() => datasetInfoOf({ dataset, userDatasets }), [dataset, userDatasets]);
}

export function useAnalysis(): ModelAnalysis {
  const spec = useStore((s) => s.spec);
  const dataset = useStore((s) => s.dataset);
  const training = useStore((s) => s.training);
  const info = useDatasetInfo();
  return useMemo(
    () => analyzeModel(spec, info, training, dataset),
    [spec, info, training, dataset],
  );
}

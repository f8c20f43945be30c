/** The design's analysis (shapes, parameter counts, problems), recomputed only when its inputs change. */
import { useMemo } from 'react';
import type { DatasetInfo } from '../data/datasets';
import { analyzeModel, type ModelAnalysis } from '../models/analyze';
import { message } from '../shared/messages/message';
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
  const notNumbers = useStore((s) => s.fieldsNotNumbers);
  const info = useDatasetInfo();
  return useMemo(() => {
    const analysis = analyzeModel(spec, info, training, dataset);
    // A field showing text that is not a number: the store still holds the value from before,
    // and a run would silently train with it.
    const field = Object.values(notNumbers)[0];
    if (analysis.blockingReason !== null || field === undefined) return analysis;
    return { ...analysis, blockingReason: message('analysis.fieldNotNumber', { field }) };
  }, [spec, info, training, dataset, notNumbers]);
}

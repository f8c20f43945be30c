import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../shared/runs/runTypes';

/**
 * A run's name: the one the user gave it, or "Run 3" in the page's language. Stable while the
 * language stays, so charts memoised on it do not recompute.
 */
export function useRunName(): (run: Pick<RunSummary, 'name' | 'number'>) => string {
  const { t } = useTranslation();
  return useCallback((run) => run.name || t('runs.defaultName', { number: run.number }), [t]);
}

import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../shared/runs/runTypes';

/** A run's name: the one the user gave it, or "Run 3" in the page's language. */
export function useRunName(): (run: Pick<RunSummary, 'name' | 'number'>) => string {
  const { t } = useTranslation();
  return (run) => run.name || t('runs.defaultName', { number: run.number });
}

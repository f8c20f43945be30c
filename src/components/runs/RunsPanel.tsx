import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runRequests } from '../../bridge/runRequests';
// The training options' field names, for "what changed" (describeChanges).
import '../../i18n/training/register';
import { useMessage } from '../../i18n/useMessage';
import { useFormat } from '../../i18n/useFormat';
import { describeSize } from '../byteSize';
import { message } from '../../shared/messages/message';
import { toMessage } from '../../shared/messages/messageError';
import { diffExperiments } from '../../shared/runs/runDiff';
import { DEFAULT_RUN_STORAGE_BUDGET } from '../../shared/runs/storageBudget';
import { useStore } from '../../state/store';
import { describeChanges } from './describeChanges';
import { PairTraining } from './PairTraining';
import { RunCompare } from './RunCompare';
import { RunRow } from './RunRow';
import { useRunName } from './useRunName';

/** "What changed" of each pair of runs, by language and run ids (stored experiments never change). */
const DESCRIBED = new Map<string, string | null>();

/**
 * The run history: every Train is a run kept in this browser (the worker stores it). Lists the
 * runs with what changed from the run before, their results, steps, time and backend; rename, pin,
 * delete, load a run's design; tick runs to compare their curves below, or one to train it again
 * beside the design on screen (A and B).
 */
export function RunsPanel() {
  const { t } = useTranslation();
  const show = useMessage();
  const format = useFormat();
  const nameOf = useRunName();
  const runs = useStore((s) => s.runHistory);
  const compared = useStore((s) => s.comparedRuns);
  const toggleCompared = useStore((s) => s.toggleCompared);
  const loadExperiment = useStore((s) => s.loadExperiment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    runRequests
      .list()
      .catch((e: unknown) => setError(t('runs.listFailed', { error: show(toMessage(e)) })));
  }, [t, show]);

  /**
   * Each run's changes against the run before it (the next older in the list). A run's experiment
   * never changes once recorded, so each pair is described once (per language), not again at
   * every update of a live run (once a second).
   */
  const changes = useMemo(() => {
    const cache = DESCRIBED;
    return runs.map((run, i) => {
      const before = runs[i + 1];
      if (!before) return null;
      const key = `${t('runs.changes')}|${before.id}>${run.id}`;
      if (!cache.has(key)) {
        cache.set(key, describeChanges(t, diffExperiments(before.experiment, run.experiment)));
      }
      return cache.get(key) ?? null;
    });
  }, [runs, t]);

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (e) {
      setError(show(toMessage(e)));
    } finally {
      setBusy(false);
    }
  };

  const totalBytes = runs.reduce((sum, run) => sum + run.bytes, 0);
  return (
    <section className="panel runs-panel" aria-labelledby="runs-title" data-area="runs">
      <h2 id="runs-title">{t('runs.title')}</h2>
      <p className="hint">{runs.length === 0 ? t('runs.empty') : t('runs.intro')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {runs.length > 0 && (
        <div className="runs-table-wrap">
          <table className="runs-table" data-testid="runs-table">
            <thead>
              <tr>
                <th scope="col">{t('runs.compare')}</th>
                <th scope="col">{t('runs.title')}</th>
                <th scope="col">{t('runs.changes')}</th>
                <th scope="col">{t('runs.result')}</th>
                <th scope="col">{t('runs.steps')}</th>
                <th scope="col">{t('runs.time')}</th>
                <th scope="col">{t('runs.backend')}</th>
                <th scope="col">{t('runs.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run, i) => {
                const parent = run.parent ? runs.find((r) => r.id === run.parent?.runId) : null;
                return (
                  <RunRow
                    key={run.id}
                    run={run}
                    changes={changes[i] ?? null}
                    first={i === runs.length - 1}
                    compared={compared.includes(run.id)}
                    parentName={parent ? nameOf(parent) : null}
                    busy={busy}
                    onCompare={() => toggleCompared(run.id)}
                    onRename={(name) => void act(() => runRequests.rename(run.id, name))}
                    onPin={(pinned) => void act(() => runRequests.pin(run.id, pinned))}
                    onDelete={() => void act(() => runRequests.remove(run.id))}
                    onContinue={(step) => runRequests.continueFrom(run.id, step)}
                    onUse={() =>
                      loadExperiment(
                        run.experiment,
                        message('notices.source.run', { name: nameOf(run) }),
                      )
                    }
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {runs.length > 0 && (
        <p className="hint">
          {t('runs.storage', {
            count: runs.length,
            size: describeSize(totalBytes, t, format),
            budget: describeSize(DEFAULT_RUN_STORAGE_BUDGET.totalBytes, t, format),
          })}
        </p>
      )}
      {runs.length > 0 && <PairTraining />}
      <RunCompare />
    </section>
  );
}

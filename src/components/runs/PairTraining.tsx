import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { training as trainingCommands } from '../../bridge/workerBridge';
import { useFormat } from '../../i18n/useFormat';
import { useMessage } from '../../i18n/useMessage';
import { makeExperiment } from '../../shared/experiment';
import { checkPair } from '../../shared/runs/pairing';
import { useStore } from '../../state/store';
import { useAnalysis } from '../../state/useAnalysis';
import { describeSize } from '../byteSize';
import { describeChanges } from './describeChanges';
import { useRunName } from './useRunName';

/**
 * "Train A and B": the one run ticked in the list trains again as A beside the design on screen
 * as B, on the same data and seed; their curves grow side by side in the comparison below. Says
 * why it cannot when it cannot, and, while a pair trains, whether the worker interleaves the two
 * or (short of memory) trains one after the other.
 */
export function PairTraining() {
  const { t } = useTranslation();
  const show = useMessage();
  const format = useFormat();
  const nameOf = useRunName();
  const history = useStore((s) => s.runHistory);
  const compared = useStore((s) => s.comparedRuns);
  const pair = useStore((s) => s.pair);
  const phase = useStore((s) => s.phase);
  const spec = useStore((s) => s.spec);
  const dataset = useStore((s) => s.dataset);
  const training = useStore((s) => s.training);
  const { blockingReason } = useAnalysis();

  const a = compared.length === 1 ? history.find((run) => run.id === compared[0]) : undefined;
  const check = useMemo(() => {
    if (!a) return null;
    const b = makeExperiment({ name: '', spec, dataset, training, views: a.experiment.views });
    return checkPair(a.experiment, b);
  }, [a, spec, dataset, training]);

  // The status line says how A and B train while they do (a pause included), not once they ended.
  const running =
    pair !== null && (phase === 'preparing' || phase === 'training' || phase === 'paused');
  const status = !running
    ? null
    : pair.mode === null
      ? t('pair.preparing')
      : pair.mode === 'interleaved'
        ? t('pair.interleaved')
        : t('pair.sequential', {
            size: describeSize(pair.bytes, t, format),
            budget: describeSize(pair.budget, t, format),
          });

  const why = !a
    ? t('pair.pick')
    : !check?.ok
      ? check?.problem === 'data'
        ? t('pair.data', { changes: describeChanges(t, check.changes) ?? '' })
        : t('pair.same')
      : blockingReason
        ? t('pair.blocked', { reason: show(blockingReason) })
        : t('pair.ready', { name: nameOf(a), changes: describeChanges(t, check.changes) ?? '' });
  const canTrain =
    a !== undefined && check?.ok === true && !blockingReason && phase !== 'preparing';

  return (
    <div className="pair-training">
      <button
        type="button"
        data-testid="train-pair"
        disabled={!canTrain}
        aria-describedby="pair-why"
        title={a ? t('pair.label', { name: nameOf(a) }) : undefined}
        onClick={() => a && trainingCommands.trainPair(a.experiment)}
      >
        {t('pair.button')}
      </button>
      <p id="pair-why" className="hint">
        {why}
      </p>
      {status && (
        <p
          className="pair-status"
          role="status"
          data-testid="pair-status"
          data-mode={pair?.mode ?? ''}
        >
          {status}
        </p>
      )}
    </div>
  );
}

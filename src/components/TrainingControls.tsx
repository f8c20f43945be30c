import { useTranslation } from 'react-i18next';
import { useMessage } from '../i18n/useMessage';
import { training } from '../bridge/workerBridge';
import { useStore } from '../state/store';
import { useAnalysis } from '../state/useAnalysis';
import { ProgressBar } from './ProgressBar';

/** Train / pause / resume / step / stop / reset, with the reason when Train is not possible. */
export function TrainingControls() {
  const { t } = useTranslation();
  const show = useMessage();
  const phase = useStore((s) => s.phase);
  const phaseMessage = useStore((s) => s.phaseMessage);
  const progress = useStore((s) => s.progress);
  const { blockingReason } = useAnalysis();
  const blocked = blockingReason !== null;
  const active = phase === 'training' || phase === 'paused' || phase === 'preparing';
  return (
    <section className="panel controls" aria-label={t('controls.label')}>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          data-testid="train-button"
          disabled={blocked || phase === 'preparing'}
          title={blockingReason ? show(blockingReason) : t('controls.trainTitle')}
          onClick={training.train}
        >
          {active ? t('controls.restart') : t('controls.train')}
        </button>
        {phase === 'training' && (
          <button type="button" data-testid="pause-button" onClick={training.pause}>
            {t('controls.pause')}
          </button>
        )}
        {phase === 'paused' && (
          <button type="button" data-testid="resume-button" onClick={training.resume}>
            {t('controls.resume')}
          </button>
        )}
        <button
          type="button"
          data-testid="step-button"
          disabled={
            phase === 'training' || phase === 'preparing' || (blocked && phase !== 'paused')
          }
          title={t('controls.stepTitle')}
          onClick={training.step}
        >
          {t('controls.step')}
        </button>
        <button
          type="button"
          data-testid="stop-button"
          disabled={phase !== 'training' && phase !== 'paused'}
          title={t('controls.stopTitle')}
          onClick={training.stop}
        >
          {t('controls.stop')}
        </button>
        <button
          type="button"
          data-testid="reset-button"
          disabled={phase === 'idle'}
          title={t('controls.resetTitle')}
          onClick={training.reset}
        >
          {t('controls.reset')}
        </button>
        <span
          className={`phase phase-${phase}`}
          data-testid="phase"
          data-phase={phase}
          role="status"
          aria-live="polite"
        >
          {progress && phase === 'preparing'
            ? t('controls.preparingWith', { progress: show(progress) })
            : t(`controls.phases.${phase}`)}
        </span>
      </div>
      <ProgressBar />
      {blocked && (
        <p className="blocked" data-testid="train-disabled-reason">
          {t('controls.disabled', { reason: show(blockingReason) })}
        </p>
      )}
      {phaseMessage && (
        <p
          className={phase === 'error' ? 'error' : 'warning'}
          data-testid="phase-message"
          role="alert"
        >
          {show(phaseMessage)}
        </p>
      )}
    </section>
  );
}

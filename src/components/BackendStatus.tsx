import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { training } from '../bridge/workerBridge';
import { useMessage } from '../i18n/useMessage';
import { useFormat } from '../i18n/useFormat';
import { useStore } from '../state/store';
import { BACKEND_NAMES as NAMES } from './backendNames';

/**
 * Which tfjs backend runs, why, and what each candidate's check found (with its measured
 * samples/s); when the choice was measured, when, and "Measure again".
 */
export function BackendStatus() {
  const { t, i18n } = useTranslation();
  const [forgotten, setForgotten] = useState<number | null>(null);
  const show = useMessage();
  const format = useFormat();
  const report = useStore((s) => s.backend);
  const later = useStore((s) => s.backgroundBackend);
  if (!report) {
    return (
      <div className="backend" data-testid="backend">
        <span className="backend-name" data-testid="backend-name">
          {t('backend.notChosen')}
        </span>
      </div>
    );
  }
  return (
    <details
      className={`backend backend-${report.backend}`}
      data-testid="backend"
      data-measured-at={report.measuredAt ?? ''}
    >
      <summary>
        <span className="backend-name" data-testid="backend-name" data-backend={report.backend}>
          {NAMES[report.backend]}
        </span>
        <span className="backend-reason" data-testid="backend-reason">
          {show(report.reason)}
        </span>
      </summary>
      {later && later.measuredAt !== report.measuredAt && (
        <p
          className="backend-background"
          data-testid="backend-background"
          data-backend={later.backend}
          data-measured-at={later.measuredAt ?? ''}
        >
          {t('backend.background', { reason: show(later.reason) })}
        </p>
      )}
      <ul className="trials">
        {report.trials.map((trial, i) => (
          <li key={`${trial.backend}-${i}`} className={trial.ok ? 'ok' : 'failed'}>
            {trial.ok ? '✓' : '✗'}{' '}
            {trial.samplesPerSec !== undefined
              ? t('backend.trialWithSpeed', {
                  name: NAMES[trial.backend],
                  detail: show(trial.detail),
                  speed: format.integer(trial.samplesPerSec),
                })
              : t('backend.trial', { name: NAMES[trial.backend], detail: show(trial.detail) })}
          </li>
        ))}
      </ul>
      {report.measuredAt !== null && (
        <p className="backend-measured">
          {forgotten === report.measuredAt
            ? t('backend.willMeasure')
            : t('backend.measuredAt', {
                when: new Intl.DateTimeFormat(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }).format(report.measuredAt),
              })}{' '}
          <button
            type="button"
            data-testid="measure-again"
            aria-label={t('backend.measureAgainLabel')}
            disabled={forgotten === report.measuredAt}
            onClick={() => {
              training.forgetBackendChoices();
              setForgotten(report.measuredAt);
            }}
          >
            {t('backend.measureAgain')}
          </button>
        </p>
      )}
    </details>
  );
}

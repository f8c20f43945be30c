import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/store';
import { useDatasetInfo } from '../../state/useAnalysis';
import { INTERVALS_MS, useProbeSettings } from '../canvas/useProbeSettings';
import {
  ActivationsView,
  AttentionView,
  BoundaryView,
  ConfusionView,
  GenerationView,
  HistogramsView,
  ProjectionView,
} from './lazyViews';
import { ViewSection } from './ViewSection';

/**
 * Inside the model, live: each view is a section that asks the worker for its data only while
 * open. Updates arrive a few times a second during training (the interval is adjustable) and can
 * be frozen to look closely.
 */
export function InternalsPanel() {
  const { t } = useTranslation();
  const controls = useProbeSettings();
  const probe = useStore((s) => s.probe);
  const runId = useStore((s) => s.runId);
  const spec = useStore((s) => s.spec);
  const info = useDatasetInfo();
  const { settings } = controls;
  const hasAttention = spec.layers.some(
    (l) => l.kind === 'attention' || l.kind === 'transformerblock',
  );
  const planar =
    info.inputShape.length === 1 && (info.inputShape[0] === 2 || info.inputShape[0] === 1);
  const classes = info.task !== 'regression';
  return (
    <section className="panel internals" aria-labelledby="internals-title" data-testid="internals">
      <h2 id="internals-title">{t('internals.title')}</h2>
      <div className="row internals-controls">
        <label className="field">
          <span className="field-label">{t('internals.updateEvery')}</span>
          <select
            value={settings.intervalMs}
            data-testid="probe-interval"
            onChange={(e) => controls.setIntervalMs(Number(e.target.value))}
          >
            {INTERVALS_MS.map((ms) => (
              <option key={ms} value={ms}>
                {ms < 1000
                  ? t('internals.milliseconds', { value: ms })
                  : t('internals.seconds', { value: ms / 1000 })}
              </option>
            ))}
          </select>
        </label>
        <label className="field-bool">
          <input
            type="checkbox"
            checked={settings.frozen}
            data-testid="probe-freeze"
            onChange={(e) => controls.setFrozen(e.target.checked)}
          />
          {t('internals.freeze')}
        </label>
        {probe && (
          <span className="hint" data-testid="probe-step">
            {t('internals.asOfStep', { step: probe.step })}
          </span>
        )}
        {probe?.rewound && (
          <span className="badge" data-testid="probe-rewound">
            {t('timeline.rewoundBadge', { step: probe.step })}
          </span>
        )}
      </div>
      {probe?.samplesFrom === 'training' && (
        <p className="hint" data-testid="probe-training-samples">
          {t('internals.trainingSamples')}
        </p>
      )}
      <ViewSection
        view="activations"
        title={t('internals.views.activations.title')}
        hint={t('internals.views.activations.hint')}
        controls={controls}
      >
        <ActivationsView info={info} spec={spec} probe={probe} controls={controls} />
      </ViewSection>
      {info.kind === 'corpus' && (
        <ViewSection
          view="generation"
          title={t('internals.views.generation.title')}
          hint={t('internals.views.generation.hint')}
          controls={controls}
        >
          <GenerationView probe={probe} windowLength={info.inputShape[0] ?? 0} />
        </ViewSection>
      )}
      {hasAttention && (
        <ViewSection
          view="attention"
          title={t('internals.views.attention.title')}
          hint={t('internals.views.attention.hint')}
          controls={controls}
        >
          <AttentionView probe={probe} />
        </ViewSection>
      )}
      {planar && (
        <ViewSection
          view="boundary"
          title={
            info.inputShape[0] === 2
              ? t('internals.views.boundary.title')
              : t('internals.views.curve.title')
          }
          hint={
            info.inputShape[0] === 2
              ? t('internals.views.boundary.hint')
              : t('internals.views.curve.hint')
          }
          controls={controls}
        >
          <BoundaryView info={info} probe={probe} />
        </ViewSection>
      )}
      {classes && (
        <ViewSection
          view="confusion"
          title={t('internals.views.confusion.title')}
          hint={t('internals.views.confusion.hint')}
          controls={controls}
        >
          <ConfusionView
            info={info}
            probe={probe}
            onShowSample={(index) => {
              controls.setSample({ kind: 'validation', index });
              controls.setOpen('activations', true);
            }}
          />
        </ViewSection>
      )}
      <ViewSection
        view="histograms"
        title={t('internals.views.histograms.title')}
        hint={t('internals.views.histograms.hint')}
        controls={controls}
      >
        {/* Its history is one model's: a new run, or the checkpoint views (a model of their own),
            start a new one rather than carry on another's steps. */}
        <HistogramsView key={`${runId}:${probe?.rewound ? 'rewound' : 'live'}`} probe={probe} />
      </ViewSection>
      <ViewSection
        view="projection"
        title={t('internals.views.projection.title')}
        hint={t('internals.views.projection.hint')}
        controls={controls}
      >
        <ProjectionView info={info} spec={spec} probe={probe} controls={controls} />
      </ViewSection>
    </section>
  );
}

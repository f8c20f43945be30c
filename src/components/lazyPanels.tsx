import { useTranslation } from 'react-i18next';
import { deferred } from './deferred';

/**
 * Panels whose code loads after the first paint (src/components/deferred.tsx). Each placeholder
 * is the panel as it first shows anyway (its lists arrive from the worker or the network a moment
 * later), so loading it changes nothing on screen.
 */

/** The run history, its comparison and "Train A and B". */
export const RunsPanel = deferred(
  () => import('./runs/RunsPanel').then((m) => m.RunsPanel),
  () => <RunsPlaceholder />,
);

function RunsPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="panel runs-panel" aria-labelledby="runs-title" data-area="runs">
      <h2 id="runs-title">{t('runs.title')}</h2>
      <p className="hint">{t('runs.empty')}</p>
      <p className="hint">{t('compare.pick')}</p>
    </section>
  );
}

/** The optional training settings: optimizer settings, schedule, clipping, early stopping. */
export const AdvancedTraining = deferred(
  () => import('./settings/AdvancedTraining').then((m) => m.AdvancedTraining),
  () => null,
);

/** The learning rate in use and the gradient norm, as curves, when they say something. */
export const OptimizerCurves = deferred(
  () => import('./charts/OptimizerCurves').then((m) => m.OptimizerCurves),
  () => null,
);

/** Guided lessons (their files are fetched when the panel mounts). */
export const LessonPanel = deferred(
  () => import('./lessons/LessonPanel').then((m) => m.LessonPanel),
  () => <TitledPanel className="panel lessons" titleId="lessons-title" title="lessons.title" />,
);

/** Saving, loading and uploading trained models. */
export const SavedModelsPanel = deferred(
  () => import('./savedModels/SavedModelsPanel').then((m) => m.SavedModelsPanel),
  () => <TitledPanel className="panel models-panel" titleId="models-title" title="models.title" />,
);

/** The design as PyTorch or Keras code; at the bottom of the page, closed. */
export const CodeExport = deferred(
  () => import('./savedModels/CodeExport').then((m) => m.CodeExport),
  () => <CodeExportPlaceholder />,
);

function CodeExportPlaceholder() {
  const { t } = useTranslation();
  return (
    <details className="panel code-export">
      <summary>
        <h2>{t('codeExport.title')}</h2>
      </summary>
    </details>
  );
}

/**
 * Share link, experiment file and recent experiments in the header. Until its code arrives, the
 * same controls, disabled and without test ids (so nothing can act on the placeholder).
 */
export const ExperimentMenu = deferred(
  () => import('./ExperimentMenu').then((m) => m.ExperimentMenu),
  () => <ExperimentMenuPlaceholder />,
);

function ExperimentMenuPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="experiment-menu" aria-busy="true">
      <button type="button" disabled>
        {t('experiment.share')}
      </button>
      <button type="button" disabled>
        {t('experiment.export')}
      </button>
      <span className="button-like" aria-disabled="true">
        {t('experiment.import')}
      </span>
      <select disabled aria-label={t('experiment.recentLabel')}>
        <option>{t('experiment.recent')}</option>
      </select>
    </div>
  );
}

/** A page of the chosen dataset's samples, closed until opened. */
export const DatasetBrowser = deferred(
  () => import('./DatasetBrowser').then((m) => m.DatasetBrowser),
  () => <DatasetBrowserPlaceholder />,
);

function DatasetBrowserPlaceholder() {
  const { t } = useTranslation();
  return (
    <details className="browser" aria-busy="true">
      <summary>{t('browser.summary')}</summary>
    </details>
  );
}

/** The internals views (below the curves): their code loads after the first paint. */
export const InternalsPanel = deferred(
  () => import('./internals/InternalsPanel').then((m) => m.InternalsPanel),
  () => <InternalsPlaceholder />,
);

function InternalsPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="panel internals" aria-labelledby="internals-title" aria-busy="true">
      <h2 id="internals-title">{t('internals.title')}</h2>
    </section>
  );
}

/** Time travel under the curves: nothing to show before a run has checkpoints. */
export const Timeline = deferred(
  () => import('./runs/Timeline').then((m) => m.Timeline),
  () => null,
);

function TitledPanel({
  className,
  titleId,
  title,
}: {
  className: string;
  titleId: string;
  title: 'lessons.title' | 'models.title';
}) {
  const { t } = useTranslation();
  return (
    <section className={className} aria-labelledby={titleId}>
      <h2 id={titleId}>{t(title)}</h2>
    </section>
  );
}

import { BackendStatus } from './BackendStatus';
import { DatasetPanel } from './DatasetPanel';
import { Designer } from './Designer';
import { MetricChart } from './MetricChart';
import { Notice } from './Notice';
import { UpdateReady } from './UpdateReady';
import { RunStats } from './RunStats';
import { TrainingControls } from './TrainingControls';
import { TrainingSettings } from './TrainingSettings';
import { useClassroom } from './useClassroom';
import {
  CodeExport,
  ExperimentMenu,
  InternalsPanel,
  LessonPanel,
  OptimizerCurves,
  RunsPanel,
  SavedModelsPanel,
  Timeline,
} from './lazyPanels';
import { LanguageSelect } from './LanguageSelect';
import { ClassShapesToggle } from './ClassShapesToggle';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';

export function App() {
  const { t } = useTranslation();
  const classroom = useClassroom();
  const shown = (area: Parameters<typeof classroom.hide.has>[0]) => !classroom.hide.has(area);
  // On from a teacher's link (useClassroom) or from the header's button.
  const presentation = useStore((s) => s.presentation);
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div
      className="app"
      data-hide={[...classroom.hide].join(' ')}
      data-presentation={presentation || undefined}
    >
      <header className="app-header">
        <h1>
          LayerLab <small>{t('app.tagline')}</small>
        </h1>
        <button
          type="button"
          className="header-menu"
          aria-expanded={menuOpen}
          aria-controls="header-tools"
          data-testid="header-menu"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          {t('app.menu')}
        </button>
        {/* On a phone these fold behind the menu button so that the playground comes first. */}
        <div id="header-tools" className="header-tools" data-open={menuOpen || undefined}>
          {shown('share') && <ExperimentMenu />}
          {shown('backend') && <BackendStatus />}
          <button
            type="button"
            className="present-toggle"
            aria-pressed={presentation}
            title={t('app.presentHint')}
            data-testid="present-toggle"
            onClick={() => useStore.setState({ presentation: !presentation })}
          >
            {t('app.present')}
          </button>
          <ClassShapesToggle />
          <LanguageSelect />
        </div>
      </header>
      <Notice />
      <UpdateReady />
      <main className="layout">
        <div className="column">
          {shown('lessons') && <LessonPanel initialLesson={classroom.lesson} />}
          {shown('data') && (
            <div data-area="data">
              <DatasetPanel
                lockDataset={classroom.lock.has('dataset')}
                lockPreset={classroom.lock.has('preset')}
                showUpload={shown('upload')}
              />
            </div>
          )}
          {shown('designer') && (
            <fieldset
              className="lock"
              disabled={classroom.lock.has('designer')}
              data-area="designer"
            >
              <Designer />
            </fieldset>
          )}
        </div>
        <div className="column">
          {shown('settings') && (
            <fieldset
              className="lock"
              disabled={classroom.lock.has('settings')}
              data-area="settings"
            >
              <TrainingSettings />
            </fieldset>
          )}
          <div data-area="controls">
            <TrainingControls />
          </div>
          <section className="panel" aria-label={t('app.chartsLabel')} data-area="charts">
            <RunStats />
            <div className="charts">
              <MetricChart metric="loss" />
              <MetricChart metric="accuracy" />
            </div>
            <OptimizerCurves />
            <Timeline />
          </section>
          {shown('runs') && <RunsPanel />}
          {shown('internals') && (
            <div data-area="internals">
              <InternalsPanel />
            </div>
          )}
          {shown('models') && <SavedModelsPanel />}
          {shown('export') && <CodeExport />}
        </div>
      </main>
    </div>
  );
}

import { BackendStatus } from './BackendStatus';
import { ExperimentMenu } from './ExperimentMenu';
import { DatasetPanel } from './DatasetPanel';
import { Designer } from './Designer';
import { InternalsPanel } from './views/InternalsPanel';
import { MetricChart } from './MetricChart';
import { Notice } from './Notice';
import { RunStats } from './RunStats';
import { TrainingControls } from './TrainingControls';
import { TrainingSettings } from './TrainingSettings';
import { ModelsPanel } from './models/ModelsPanel';
import { CodeExport } from './models/CodeExport';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          LayerLab <small>design · train · watch</small>
        </h1>
        <ExperimentMenu />
        <BackendStatus />
      </header>
      <Notice />
      <main className="layout">
        <div className="column">
          <DatasetPanel />
          <Designer />
        </div>
        <div className="column">
          <TrainingSettings />
          <TrainingControls />
          <section className="panel" aria-label="Training curves">
            <RunStats />
            <div className="charts">
              <MetricChart metric="loss" />
              <MetricChart metric="accuracy" />
            </div>
          </section>
          <InternalsPanel />
          <ModelsPanel />
          <CodeExport />
        </div>
      </main>
    </div>
  );
}

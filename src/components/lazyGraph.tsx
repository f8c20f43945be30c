import { useTranslation } from 'react-i18next';
import { deferred } from './deferred';

/** The model graph: React Flow and dagre load when the graph view is first chosen. */
export const ModelGraph = deferred(
  () => import('./graph/ModelGraph').then((m) => m.ModelGraph),
  () => <GraphPlaceholder />,
);

function GraphPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="model-graph" aria-busy="true">
      <p className="hint">{t('graph.loading')}</p>
    </div>
  );
}

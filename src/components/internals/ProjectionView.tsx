import { useTranslation } from 'react-i18next';
import { useTextLanguage } from '../../i18n/useTextLanguage';
import { classesIn, type DatasetInfo } from '../../data/datasets';
import { useFormat } from '../../i18n/useFormat';
import type { ModelSpec } from '../../models/spec';
import type { ProbeResult } from '../../shared/protocol';
import { ScatterPlot } from '../canvas/ScatterPlot';
import type { ProbeControls } from '../canvas/useProbeSettings';
import { layerLabel } from '../layerText';

interface Props {
  info: DatasetInfo;
  spec: ModelSpec;
  probe: ProbeResult | null;
  controls: ProbeControls;
}

/** PCA of a layer's activations for a few hundred validation samples, coloured by class. */
export function ProjectionView({ info, spec, probe, controls }: Props) {
  const { t } = useTranslation();
  const language = useTextLanguage();
  const format = useFormat();
  const projection = probe?.projection;
  // The worker's default is the last hidden layer (the one before the output).
  const chosen =
    controls.settings.projectionLayer ?? projection?.layer ?? spec.layers.at(-2)?.id ?? '';
  return (
    <div className="projection-view" data-testid="projection-view">
      <label className="field">
        <span className="field-label">{t('projection.layer')}</span>
        <select
          value={chosen}
          data-testid="projection-layer"
          onChange={(e) => controls.setProjectionLayer(e.target.value || null)}
        >
          {spec.layers.map((l, i) => (
            <option key={l.id} value={l.id}>
              {t('projection.option', { index: i + 1, name: layerLabel(t, l.kind) })}
            </option>
          ))}
        </select>
      </label>
      {projection ? (
        <>
          <ScatterPlot
            points={projection.points}
            classes={info.task === 'classification' ? projection.labels : undefined}
            classNames={info.task === 'classification' ? classesIn(info, language) : undefined}
            size={260}
            label={t('projection.label', { layer: projection.layer })}
            testId="projection-scatter"
          />
          <p className="hint">
            {t('projection.explained', {
              percent: format.percent(
                projection.explainedRatio.reduce((a, b) => a + b, 0),
                0,
              ),
            })}
          </p>
        </>
      ) : (
        <p className="hint">{t('projection.noRun')}</p>
      )}
    </div>
  );
}

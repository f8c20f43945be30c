import type { DatasetInfo } from '../../data/datasets';
import { LAYER_TYPES } from '../../models/layerRegistry';
import type { ModelSpec } from '../../models/spec';
import type { ProbeResult } from '../../workers/protocol';
import { ScatterPlot } from '../internals/ScatterPlot';
import type { ProbeControls } from '../internals/useProbeSettings';

interface Props {
  info: DatasetInfo;
  spec: ModelSpec;
  probe: ProbeResult | null;
  controls: ProbeControls;
}

/** PCA of a layer's activations for a few hundred validation samples, coloured by class. */
export function ProjectionView({ info, spec, probe, controls }: Props) {
  const projection = probe?.projection;
  // The worker's default is the last hidden layer (the one before the output).
  const chosen =
    controls.settings.projectionLayer ?? projection?.layer ?? spec.layers.at(-2)?.id ?? '';
  return (
    <div className="projection-view" data-testid="projection-view">
      <label className="field">
        <span className="field-label">Layer</span>
        <select
          value={chosen}
          data-testid="projection-layer"
          onChange={(e) => controls.setProjectionLayer(e.target.value || null)}
        >
          {spec.layers.map((l, i) => (
            <option key={l.id} value={l.id}>
              {i + 1}: {LAYER_TYPES[l.kind].label}
            </option>
          ))}
        </select>
      </label>
      {projection ? (
        <>
          <ScatterPlot
            points={projection.points}
            classes={info.task === 'classification' ? projection.labels : undefined}
            classNames={info.task === 'classification' ? info.classes : undefined}
            size={260}
            label={`The first two principal components of ${projection.layer}'s activations`}
            testId="projection-scatter"
          />
          <p className="hint">
            The two axes keep{' '}
            {(projection.explainedRatio.reduce((a, b) => a + b, 0) * 100).toFixed(0)} % of the
            variation of this layer&apos;s activations. Classes that separate here are easy for the
            layers after it.
          </p>
        </>
      ) : (
        <p className="hint">Train (or press Step) to see how this layer arranges the samples.</p>
      )}
    </div>
  );
}

import { useState } from 'react';
import { DATASETS } from '../data/datasets';
import { LAYER_KINDS, LAYER_TYPES } from '../models/layerRegistry';
import { formatShape, type LayerKind } from '../models/spec';
import { useStore } from '../state/store';
import { useAnalysis } from '../state/useAnalysis';
import { LayerCard } from './LayerCard';

/** The layer designer: the input, the stack of layers, an "add layer" row, and the totals. */
export function Designer() {
  const spec = useStore((s) => s.spec);
  const datasetId = useStore((s) => s.dataset.id);
  const addLayer = useStore((s) => s.addLayer);
  const analysis = useAnalysis();
  const [kind, setKind] = useState<LayerKind>('dense');
  const dataset = DATASETS[datasetId];
  const byId = new Map(analysis.layers.map((l) => [l.id, l]));

  return (
    <section className="panel designer" aria-labelledby="designer-title">
      <h2 id="designer-title">Model</h2>
      <div className="layer-columns" aria-hidden="true">
        <span>layer</span>
        <span>output shape</span>
        <span>params</span>
      </div>
      <div className="input-row" data-testid="input-row">
        <span className="layer-title">Input</span>
        <span className="layer-shape">{formatShape(dataset.inputShape)}</span>
        <span className="layer-params">0</span>
      </div>
      <ol className="layer-list">
        {spec.layers.map((layer, index) => (
          <LayerCard
            key={layer.id}
            layer={layer}
            index={index}
            count={spec.layers.length}
            analysis={byId.get(layer.id)}
          />
        ))}
      </ol>
      <div className="add-layer">
        <label>
          <span className="sr-only">Layer type to add</span>
          <select
            value={kind}
            data-testid="add-layer-kind"
            onChange={(e) => setKind(e.target.value as LayerKind)}
          >
            {LAYER_KINDS.map((k) => (
              <option key={k} value={k}>
                {LAYER_TYPES[k].label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="add-layer" onClick={() => addLayer(kind)}>
          + Add {LAYER_TYPES[kind].label}
        </button>
        <span className="hint">{LAYER_TYPES[kind].summary}</span>
      </div>
      <div className="totals">
        <span>Total parameters</span>
        <strong data-testid="total-params">{analysis.totalParams.toLocaleString('en-US')}</strong>
      </div>
      {analysis.modelProblems.map((problem) => (
        <p key={problem} className="model-problem" data-testid="model-problem" role="alert">
          {problem}
        </p>
      ))}
      {analysis.warnings.map((warning) => (
        <p key={warning} className="model-warning" data-testid="model-warning">
          {warning}
        </p>
      ))}
    </section>
  );
}

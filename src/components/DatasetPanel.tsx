import { useState } from 'react';
import { DATASET_IDS, DATASETS, type DatasetId } from '../data/datasets';
import { PRESETS } from '../models/presets';
import { LIMITS } from '../models/trainingConfig';
import { useStore } from '../state/store';
import { useAnalysis } from '../state/useAnalysis';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const DATASET_LABELS = Object.fromEntries(
  DATASET_IDS.map((id) => [id, DATASETS[id].name]),
) as Record<DatasetId, string>;

/** Choosing the data (and, for generated sets, its noise and size), and loading a ready-made preset. */
export function DatasetPanel() {
  const dataset = useStore((s) => s.dataset);
  const setDataset = useStore((s) => s.setDataset);
  const loadPreset = useStore((s) => s.loadPreset);
  const { settingProblems } = useAnalysis();
  const [presetId, setPresetId] = useState(PRESETS[0]?.id ?? '');
  const info = DATASETS[dataset.id];
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <SelectField
        label="Dataset"
        value={dataset.id}
        options={DATASET_IDS}
        labels={DATASET_LABELS}
        testId="dataset-select"
        onChange={(id) => setDataset({ id })}
      />
      <p className="hint">
        {info.description} {info.classes.length} classes.
      </p>
      {info.source !== 'file' && (
        <div className="row">
          {info.source === 'generated-2d' && (
            <NumberField
              label="Noise"
              value={dataset.noise}
              min={LIMITS.noise.min}
              max={LIMITS.noise.max}
              step={0.05}
              testId="noise-input"
              problem={settingProblems.noise}
              onChange={(noise) => setDataset({ noise })}
            />
          )}
          <NumberField
            label={info.source === 'generated-2d' ? 'Points' : 'Samples'}
            value={dataset.samples}
            min={LIMITS.samples.min}
            max={LIMITS.samples.max}
            step={50}
            testId="samples-input"
            problem={settingProblems.samples}
            onChange={(samples) => setDataset({ samples })}
          />
        </div>
      )}
      <div className="preset-row">
        <label className="field">
          <span className="field-label">Preset</span>
          <select
            value={presetId}
            data-testid="preset-select"
            onChange={(e) => setPresetId(e.target.value)}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="preset-load" onClick={() => loadPreset(presetId)}>
          Load preset
        </button>
      </div>
    </section>
  );
}

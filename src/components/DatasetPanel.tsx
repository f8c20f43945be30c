import { useId, useState } from 'react';
import { manifestEntry, MANIFEST, type DatasetKind } from '../data/datasets';
import { PRESETS } from '../models/presets';
import { formatShape } from '../models/spec';
import { LIMITS } from '../models/trainingConfig';
import { useStore } from '../state/store';
import { useAnalysis, useDatasetInfo } from '../state/useAnalysis';
import { DatasetBrowser } from './DatasetBrowser';
import { NumberField } from './NumberField';
import { PresetGuide } from './PresetGuide';
import { UploadPanel } from './UploadPanel';

/** How the dataset menu is grouped, in this order. */
const GROUPS: { label: string; kinds: DatasetKind[] }[] = [
  { label: '2-D points', kinds: ['points2d'] },
  { label: 'Regression', kinds: ['function1d'] },
  { label: 'Images', kinds: ['images'] },
  { label: 'Tables', kinds: ['table'] },
  { label: 'Text', kinds: ['text', 'corpus'] },
  { label: 'Sequence tasks', kinds: ['sequence'] },
];

const TASK_LABELS = {
  classification: 'classification',
  sequence: 'a label per position',
  regression: 'regression',
} as const;

/** Choosing the data (and the settings its kind has), uploading your own, and loading a preset. */
export function DatasetPanel({
  lockDataset = false,
  lockPreset = false,
  showUpload = true,
}: {
  /** Teacher mode: the dataset and its settings are fixed (browsing still works). */
  lockDataset?: boolean;
  lockPreset?: boolean;
  showUpload?: boolean;
}) {
  const dataset = useStore((s) => s.dataset);
  const userDatasets = useStore((s) => s.userDatasets);
  const setDataset = useStore((s) => s.setDataset);
  const loadPreset = useStore((s) => s.loadPreset);
  const { settingProblems } = useAnalysis();
  const info = useDatasetInfo();
  const entry = manifestEntry(info.id);
  const [presetId, setPresetId] = useState(PRESETS[0]?.id ?? '');
  const selectId = useId();
  const classCount = info.classes.length;
  const facts = [
    `input ${formatShape(info.inputShape)}`,
    info.task === 'regression'
      ? `${classCount} target${classCount === 1 ? '' : 's'}`
      : info.kind === 'corpus'
        ? `${classCount.toLocaleString('en')} characters in the vocabulary`
        : `${classCount.toLocaleString('en')} classes`,
    TASK_LABELS[info.task],
  ];
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      <label className="field" htmlFor={selectId}>
        <span className="field-label">Dataset</span>
        <select
          id={selectId}
          value={dataset.id}
          disabled={lockDataset}
          data-testid="dataset-select"
          onChange={(e) => setDataset({ id: e.target.value })}
        >
          {GROUPS.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {MANIFEST.filter((e) => group.kinds.includes(e.kind)).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name.en}
                </option>
              ))}
            </optgroup>
          ))}
          {userDatasets.length > 0 && (
            <optgroup label="Your data">
              {userDatasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <p className="hint" data-testid="dataset-description">
        {info.description} <span data-testid="dataset-facts">{facts.join(' · ')}.</span>
        {entry && entry.files.length > 0 && (
          <>
            {' '}
            <span className="dataset-source" title={entry.source}>
              Source: {entry.source} Licence: {entry.licence}.
            </span>
          </>
        )}
      </p>
      <fieldset className="lock" disabled={lockDataset}>
        <DatasetSettings kind={info.kind} origin={info.origin} problems={settingProblems} />
      </fieldset>
      <DatasetBrowser />
      {showUpload && !lockDataset && <UploadPanel />}
      <fieldset className="lock preset-row" disabled={lockPreset}>
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
      </fieldset>
      <PresetGuide presetId={presetId} />
    </section>
  );
}

interface SettingsProps {
  kind: DatasetKind;
  origin: 'builtin' | 'user';
  problems: ReturnType<typeof useAnalysis>['settingProblems'];
}

/** The settings a dataset kind has: noise and size for generated data, lengths for sequences… */
function DatasetSettings({ kind, origin, problems }: SettingsProps) {
  const dataset = useStore((s) => s.dataset);
  const setDataset = useStore((s) => s.setDataset);
  const generated = kind === 'points2d' || kind === 'function1d' || kind === 'sequence';
  const tokens = kind === 'sequence' || kind === 'text' || kind === 'corpus';
  return (
    <div className="row">
      {(kind === 'points2d' || kind === 'function1d') && (
        <NumberField
          label="Noise"
          value={dataset.noise}
          min={LIMITS.noise.min}
          max={LIMITS.noise.max}
          step={0.05}
          testId="noise-input"
          problem={problems.noise}
          onChange={(noise) => setDataset({ noise })}
        />
      )}
      {generated && (
        <NumberField
          label={kind === 'points2d' ? 'Points' : 'Samples'}
          value={dataset.samples}
          min={LIMITS.samples.min}
          max={LIMITS.samples.max}
          step={50}
          testId="samples-input"
          problem={problems.samples}
          onChange={(samples) => setDataset({ samples })}
        />
      )}
      {tokens && (
        <NumberField
          label={kind === 'corpus' ? 'Characters per window' : 'Sequence length'}
          value={dataset.sequenceLength}
          min={LIMITS.sequenceLength.min}
          max={LIMITS.sequenceLength.max}
          step={1}
          testId="length-input"
          problem={problems.sequenceLength}
          onChange={(sequenceLength) => setDataset({ sequenceLength })}
        />
      )}
      {(kind === 'sequence' || kind === 'text') && (
        <NumberField
          label={kind === 'sequence' ? 'Symbols' : 'Vocabulary size'}
          value={dataset.vocabularySize}
          min={LIMITS.vocabularySize.min}
          max={LIMITS.vocabularySize.max}
          step={1}
          testId="vocabulary-input"
          problem={problems.vocabularySize}
          onChange={(vocabularySize) => setDataset({ vocabularySize })}
        />
      )}
      {kind === 'images' && (
        <fieldset className="augment" data-testid="augment">
          <legend>Augment training images</legend>
          {(['shift', 'rotate', 'flip'] as const).map((key) => (
            <label key={key} className="field-bool">
              <input
                type="checkbox"
                checked={dataset.augment[key]}
                data-testid={`augment-${key}`}
                onChange={(e) =>
                  setDataset({ augment: { ...dataset.augment, [key]: e.target.checked } })
                }
              />
              {AUGMENT_LABELS[key]}
            </label>
          ))}
          {origin === 'builtin' && dataset.augment.flip && (
            <span className="hint">Flipped digits are no longer the same digit: usually off.</span>
          )}
        </fieldset>
      )}
    </div>
  );
}

const AUGMENT_LABELS = {
  shift: 'random shift (±2 px)',
  rotate: 'random rotation (±10°)',
  flip: 'horizontal flip',
} as const;

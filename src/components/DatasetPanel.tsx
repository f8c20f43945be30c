import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTextLanguage } from '../i18n/useTextLanguage';
import { manifestEntry, MANIFEST, type DatasetKind } from '../data/datasets';
import { PRESETS } from '../models/presets';
import { formatShape } from '../models/spec';
import { LIMITS } from '../models/trainingConfig';
import { useStore } from '../state/store';
import { useAnalysis, useDatasetInfo } from '../state/useAnalysis';
import { deferred } from './deferred';
import { DatasetBrowser } from './lazyPanels';
import { NumberField } from './NumberField';
import { presetName } from './presetName';
import { UploadPanel } from './UploadPanel';

/**
 * The guides' text (two paragraphs per preset, in both languages: ~5 KB gzip) loads after the
 * first paint, into a box of a typical guide's height.
 */
const PresetGuide = deferred(
  () => import('./PresetGuide').then((m) => m.PresetGuide),
  () => <div className="preset-guide hint preset-guide-loading" />,
);

/** How the dataset menu is grouped, in this order. */
const GROUPS = [
  { label: 'points2d', kinds: ['points2d'] },
  { label: 'regression', kinds: ['function1d'] },
  { label: 'images', kinds: ['images'] },
  { label: 'tables', kinds: ['table'] },
  { label: 'text', kinds: ['text', 'corpus'] },
  { label: 'sequences', kinds: ['sequence'] },
] as const satisfies readonly { label: string; kinds: readonly DatasetKind[] }[];

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
  const { t } = useTranslation();
  const language = useTextLanguage();
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
  const facts = t('data.facts', {
    input: t('data.input', { shape: formatShape(info.inputShape) }),
    size:
      info.task === 'regression'
        ? t('data.targets', { count: classCount })
        : info.kind === 'corpus'
          ? t('data.characters', { count: classCount })
          : t('data.classes', { count: classCount }),
    task: t(`data.tasks.${info.task}`),
  });
  const userEntry = userDatasets.find((d) => d.id === info.id);
  // An upload gone from the list (deleted in another tab) has nothing to describe it.
  const description = entry
    ? entry.description[language]
    : userEntry
      ? t('data.userDescription', { count: userEntry.samples })
      : '';
  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('data.title')}</h2>
      <label className="field" htmlFor={selectId}>
        <span className="field-label">{t('data.dataset')}</span>
        <select
          id={selectId}
          value={dataset.id}
          disabled={lockDataset}
          data-testid="dataset-select"
          onChange={(e) => setDataset({ id: e.target.value })}
        >
          {GROUPS.map((group) => (
            <optgroup key={group.label} label={t(`data.groups.${group.label}`)}>
              {MANIFEST.filter((e) => (group.kinds as readonly DatasetKind[]).includes(e.kind)).map(
                (e) => (
                  <option key={e.id} value={e.id}>
                    {e.name[language]}
                  </option>
                ),
              )}
            </optgroup>
          ))}
          {userDatasets.length > 0 && (
            <optgroup label={t('data.groups.yours')}>
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
        {description} <span data-testid="dataset-facts">{facts}</span>
        {entry && entry.files.length > 0 && (
          <>
            {' '}
            <span className="dataset-source" title={entry.source}>
              {t('data.source', { source: entry.source, licence: entry.licence })}
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
          <span className="field-label">{t('data.preset')}</span>
          <select
            value={presetId}
            data-testid="preset-select"
            onChange={(e) => setPresetId(e.target.value)}
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {presetName(t, p)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="preset-load" onClick={() => loadPreset(presetId)}>
          {t('data.loadPreset')}
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
  const { t } = useTranslation();
  const dataset = useStore((s) => s.dataset);
  const setDataset = useStore((s) => s.setDataset);
  const generated = kind === 'points2d' || kind === 'function1d' || kind === 'sequence';
  const tokens = kind === 'sequence' || kind === 'text' || kind === 'corpus';
  return (
    <div className="row">
      {(kind === 'points2d' || kind === 'function1d') && (
        <NumberField
          label={t('data.noise')}
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
          label={kind === 'points2d' ? t('data.points') : t('data.samples')}
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
          label={kind === 'corpus' ? t('data.windowLength') : t('data.sequenceLength')}
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
          label={kind === 'sequence' ? t('data.symbols') : t('data.vocabularySize')}
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
          <legend>{t('data.augment.legend')}</legend>
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
              {t(`data.augment.${key}`)}
            </label>
          ))}
          {origin === 'builtin' && dataset.augment.flip && (
            <span className="hint">{t('data.augment.flipWarning')}</span>
          )}
        </fieldset>
      )}
    </div>
  );
}

import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { message } from '../shared/messages/message';
import { toMessage } from '../shared/messages/messageError';
import { parseExperiment } from '../shared/experiment';
import { loadShareLinks } from '../state/loadSharedLink';
import { readRecent, rememberExperiment, type RecentExperiment } from '../state/recentExperiments';
import { currentExperiment, useStore } from '../state/store';
import { downloadFile } from './downloadFile';
import { pageStorage } from '../state/pageStorage';
import { datasetLabel } from './datasetLabel';

/**
 * Keep and share the current work: a link that carries the whole experiment, a file to download,
 * and a file to load back. A bad file leaves the current work as it is and says why.
 */
export function ExperimentMenu() {
  const { t, i18n } = useTranslation();
  const setNotice = useStore((s) => s.setNotice);
  const loadExperiment = useStore((s) => s.loadExperiment);
  const [link, setLink] = useState<string | null>(null);
  const [recent, setRecent] = useState<RecentExperiment[]>([]);
  const importId = useId();

  const share = async () => {
    const experiment = currentExperiment(useStore.getState());
    rememberExperiment(pageStorage(), experiment);
    // The codec is prefetched after the first paint; a click before that waits for it once.
    let encodeShareLink;
    try {
      ({ encodeShareLink } = await loadShareLinks());
    } catch (error) {
      setNotice(toMessage(error)); // its code could not be fetched (offline, not yet cached)
      return;
    }
    const url = `${location.origin}${location.pathname}${location.search}${encodeShareLink(experiment)}`;
    setLink(url);
    // The clipboard needs a secure context and permission; the field below works regardless.
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };

  const exportFile = () => {
    const experiment = currentExperiment(useStore.getState());
    rememberExperiment(pageStorage(), experiment);
    downloadFile(
      'layerlab-experiment.json',
      JSON.stringify(experiment, null, 2),
      'application/json',
    );
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 5 * 2 ** 20) {
      setNotice(
        message('files.experiment.tooLarge', { file: file.name, size: file.size / 2 ** 20 }),
      );
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      setNotice(message('files.experiment.notJson', { file: file.name }));
      return;
    }
    const result = parseExperiment(value);
    if (result.ok) {
      loadExperiment(result.experiment, file.name);
      rememberExperiment(pageStorage(), result.experiment);
    } else
      setNotice(message('files.experiment.invalid', { file: file.name, message: result.problem }));
  };

  return (
    <div className="experiment-menu" data-testid="experiment-menu">
      <button type="button" data-testid="share-button" onClick={() => void share()}>
        {t('experiment.share')}
      </button>
      <button type="button" data-testid="export-button" onClick={exportFile}>
        {t('experiment.export')}
      </button>
      <label className="button-like" htmlFor={importId}>
        {t('experiment.import')}
        <input
          id={importId}
          type="file"
          accept=".json,application/json"
          className="sr-only"
          data-testid="import-input"
          onChange={(e) => {
            void importFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <select
        value=""
        aria-label={t('experiment.recentLabel')}
        data-testid="recent-select"
        onFocus={() => setRecent(readRecent(pageStorage()))}
        onPointerDown={() => setRecent(readRecent(pageStorage()))}
        onChange={(e) => {
          const chosen = recent[Number(e.target.value)];
          if (chosen) loadExperiment(chosen.experiment, message('notices.source.recent'));
        }}
      >
        <option value="">{t('experiment.recent')}</option>
        {recent.map((r, i) => (
          <option key={r.at} value={i}>
            {describeRecent(r, t, i18n.language)}
          </option>
        ))}
      </select>
      {link && (
        <input
          className="share-link"
          readOnly
          value={link}
          aria-label={t('experiment.linkLabel')}
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

/** "23 Nov 14:05 · spiral · 3 layers, 50 epochs" (or its name when it has one). */
function describeRecent(
  { at, experiment }: RecentExperiment,
  t: TFunction,
  language: string,
): string {
  const when = new Date(at).toLocaleString(language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const what =
    experiment.name ||
    t('experiment.recentDesign', {
      dataset: datasetLabel(t, experiment.dataset.id),
      layers: t('experiment.layers', { count: experiment.spec.layers.length }),
      epochs: t('experiment.epochs', { count: experiment.training.epochs }),
    });
  return t('experiment.recentItem', { when, what });
}

import type { TFunction } from 'i18next';
import { describeSize } from '../byteSize';
import { useTranslation } from 'react-i18next';
import type { NumberFormats } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import type { SavedModelEntry } from '../../shared/protocol';
import { datasetLabel } from '../datasetLabel';

/** "val acc 93.1% · loss 0.214" from whatever the model has. */
export function describeMetrics(
  { metrics }: SavedModelEntry,
  t: TFunction,
  format: NumberFormats,
): string {
  const parts = [
    metrics.testAccuracy !== null &&
      t('savedModel.testAccuracy', { value: format.percent(metrics.testAccuracy, 1) }),
    metrics.valAccuracy !== null &&
      t('savedModel.valAccuracy', { value: format.percent(metrics.valAccuracy, 1) }),
    metrics.valLoss !== null && t('savedModel.valLoss', { value: metrics.valLoss.toPrecision(3) }),
    metrics.valLoss === null &&
      metrics.trainLoss !== null &&
      t('savedModel.loss', { value: metrics.trainLoss.toPrecision(3) }),
  ].filter(Boolean);
  return parts.join(' · ') || t('savedModel.notTrained');
}

interface Props {
  entry: SavedModelEntry;
  busy: boolean;
  onLoad(): void;
  onDownload(): void;
  onDelete(): void;
}

/** One kept model: what it is, how good it got, and what can be done with it. */
export function SavedModelRow({ entry, busy, onLoad, onDownload, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const when = new Date(entry.savedAt).toLocaleString(i18n.language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return (
    <li className="saved-model" data-testid="saved-model" data-id={entry.id}>
      <div className="saved-model-text">
        <strong data-testid="saved-model-name">{entry.name}</strong>
        <span className="hint">
          {t('savedModel.details', {
            dataset: datasetLabel(t, entry.experiment.dataset.id),
            step: entry.step,
            params: t('savedModel.params', { count: entry.params }),
            size: describeSize(entry.bytes, t, format),
            when,
            source: t(`savedModel.sources.${entry.source}`),
          })}
        </span>
        <span data-testid="saved-model-metrics">{describeMetrics(entry, t, format)}</span>
      </div>
      <div className="saved-model-actions">
        <button
          type="button"
          disabled={busy}
          data-testid="model-load"
          title={t('savedModel.loadTitle')}
          onClick={onLoad}
        >
          {t('savedModel.load')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="model-download"
          title={t('savedModel.downloadTitle')}
          onClick={onDownload}
        >
          {t('savedModel.download')}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="model-delete"
          aria-label={t('savedModel.deleteLabel', { name: entry.name })}
          onClick={onDelete}
        >
          {t('savedModel.delete')}
        </button>
      </div>
    </li>
  );
}

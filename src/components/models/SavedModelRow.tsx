import type { SavedModelEntry } from '../../workers/protocol';

const SOURCE_LABELS: Record<SavedModelEntry['source'], string> = {
  trained: 'trained here',
  uploaded: 'uploaded files',
  keras: 'imported Keras weights',
};

function percent(value: number | null): string | null {
  return value === null ? null : `${(value * 100).toFixed(1)} %`;
}

/** "val acc 93.1 % · loss 0.214" from whatever the model has. */
export function describeMetrics({ metrics }: SavedModelEntry): string {
  const parts = [
    percent(metrics.testAccuracy) && `test acc ${percent(metrics.testAccuracy)}`,
    percent(metrics.valAccuracy) && `val acc ${percent(metrics.valAccuracy)}`,
    metrics.valLoss !== null && `val loss ${metrics.valLoss.toPrecision(3)}`,
    metrics.valLoss === null &&
      metrics.trainLoss !== null &&
      `loss ${metrics.trainLoss.toPrecision(3)}`,
  ].filter(Boolean);
  return parts.join(' · ') || 'not trained';
}

function describeSize(bytes: number): string {
  return bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
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
  const when = new Date(entry.savedAt).toLocaleString(undefined, {
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
          {entry.experiment.dataset.id} · step {entry.step} · {entry.params.toLocaleString()} params
          · {describeSize(entry.bytes)} · {when} · {SOURCE_LABELS[entry.source]}
        </span>
        <span data-testid="saved-model-metrics">{describeMetrics(entry)}</span>
      </div>
      <div className="saved-model-actions">
        <button
          type="button"
          disabled={busy}
          data-testid="model-load"
          title="Open its design and settings, with the trained weights; Resume trains on"
          onClick={onLoad}
        >
          Load
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="model-download"
          title="model.json + weights (tfjs layers format, with the optimizer state)"
          onClick={onDownload}
        >
          Download
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="model-delete"
          aria-label={`Delete ${entry.name}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

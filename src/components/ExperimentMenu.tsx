import { useId, useState } from 'react';
import { parseExperiment } from '../state/experiment';
import { encodeShareLink } from '../state/shareLink';
import { readRecent, rememberExperiment, type RecentExperiment } from '../state/recentExperiments';
import { currentExperiment, useStore } from '../state/store';
import { downloadFile } from './downloadFile';

/**
 * Keep and share the current work: a link that carries the whole experiment, a file to download,
 * and a file to load back. A bad file leaves the current work as it is and says why.
 */
export function ExperimentMenu() {
  const setNotice = useStore((s) => s.setNotice);
  const loadExperiment = useStore((s) => s.loadExperiment);
  const [link, setLink] = useState<string | null>(null);
  const [recent, setRecent] = useState<RecentExperiment[]>([]);
  const importId = useId();

  const share = async () => {
    const experiment = currentExperiment(useStore.getState());
    rememberExperiment(localStorage, experiment);
    const url = `${location.origin}${location.pathname}${location.search}${encodeShareLink(experiment)}`;
    setLink(url);
    // The clipboard needs a secure context and permission; the field below works regardless.
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };

  const exportFile = () => {
    const experiment = currentExperiment(useStore.getState());
    rememberExperiment(localStorage, experiment);
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
        `${file.name} is not a LayerLab experiment: it is too large (${(file.size / 2 ** 20).toFixed(1)} MB). Your work is unchanged.`,
      );
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      setNotice(
        `${file.name} is not a LayerLab experiment: it is not valid JSON. Your work is unchanged.`,
      );
      return;
    }
    const result = parseExperiment(value);
    if (result.ok) {
      loadExperiment(result.experiment, file.name);
      rememberExperiment(localStorage, result.experiment);
    } else setNotice(`${file.name} could not be loaded: ${result.message} Your work is unchanged.`);
  };

  return (
    <div className="experiment-menu" data-testid="experiment-menu">
      <button type="button" data-testid="share-button" onClick={() => void share()}>
        Share link
      </button>
      <button type="button" data-testid="export-button" onClick={exportFile}>
        Export
      </button>
      <label className="button-like" htmlFor={importId}>
        Import
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
        aria-label="Open a recent experiment"
        data-testid="recent-select"
        onFocus={() => setRecent(readRecent(localStorage))}
        onPointerDown={() => setRecent(readRecent(localStorage))}
        onChange={(e) => {
          const chosen = recent[Number(e.target.value)];
          if (chosen) loadExperiment(chosen.experiment, 'your recent experiments');
        }}
      >
        <option value="">Recent…</option>
        {recent.map((r, i) => (
          <option key={r.at} value={i}>
            {describeRecent(r)}
          </option>
        ))}
      </select>
      {link && (
        <input
          className="share-link"
          readOnly
          value={link}
          aria-label="Link to this experiment (copied to the clipboard)"
          data-testid="share-link"
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}

/** "23 Nov 14:05 · spiral · 3 layers, 50 epochs" (or its name when it has one). */
function describeRecent({ at, experiment }: RecentExperiment): string {
  const when = new Date(at).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  const what =
    experiment.name ||
    `${experiment.dataset.id} · ${experiment.spec.layers.length} layers, ${experiment.training.epochs} epochs`;
  return `${when} · ${what}`;
}

import { useId, useState } from 'react';
import { parseExperiment } from '../state/experiment';
import { encodeShareLink } from '../state/shareLink';
import { currentExperiment, useStore } from '../state/store';

/**
 * Keep and share the current work: a link that carries the whole experiment, a file to download,
 * and a file to load back. A bad file leaves the current work as it is and says why.
 */
export function ExperimentMenu() {
  const setNotice = useStore((s) => s.setNotice);
  const loadExperiment = useStore((s) => s.loadExperiment);
  const [link, setLink] = useState<string | null>(null);
  const importId = useId();

  const share = async () => {
    const url = `${location.origin}${location.pathname}${location.search}${encodeShareLink(currentExperiment(useStore.getState()))}`;
    setLink(url);
    // The clipboard needs a secure context and permission; the field below works regardless.
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };

  const exportFile = () => {
    const experiment = currentExperiment(useStore.getState());
    const blob = new Blob([JSON.stringify(experiment, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'layerlab-experiment.json';
    a.click();
    URL.revokeObjectURL(a.href);
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
    if (result.ok) loadExperiment(result.experiment, file.name);
    else setNotice(`${file.name} could not be loaded: ${result.message} Your work is unchanged.`);
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

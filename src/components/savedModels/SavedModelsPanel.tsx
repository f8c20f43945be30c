import { useEffect, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { savedModelRequests } from '../../bridge/savedModelRequests';
import { joinMessages, message as makeMessage } from '../../shared/messages/message';
import { toMessage } from '../../shared/messages/messageError';
import { useMessage } from '../../i18n/useMessage';
import { currentExperiment, useStore } from '../../state/store';
import type { SavedModelEntry } from '../../shared/protocol';
import { downloadFiles } from '../downloadFile';
import { SavedModelRow } from './SavedModelRow';
import { datasetLabel } from '../datasetLabel';

/** The default name: what was trained, and how far. */
function suggestName(t: TFunction, datasetId: string, step: number | undefined): string {
  return step
    ? t('models.defaultNameAtStep', { dataset: datasetLabel(t, datasetId), step })
    : t('models.defaultName', { dataset: datasetLabel(t, datasetId) });
}

/**
 * Trained models kept in this browser: save the current one, load one back (training resumes
 * where it stopped), download it as tfjs files, and upload tfjs or Keras files.
 */
export function SavedModelsPanel() {
  const { t } = useTranslation();
  const show = useMessage();
  const phase = useStore((s) => s.phase);
  const datasetId = useStore((s) => s.dataset.id);
  const lastStep = useStore((s) => s.train.at(-1)?.step);
  const loadExperiment = useStore((s) => s.loadExperiment);
  const setNotice = useStore((s) => s.setNotice);
  const [entries, setEntries] = useState<SavedModelEntry[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const uploadId = useId();
  const canSave = phase === 'training' || phase === 'paused' || phase === 'done';

  useEffect(() => {
    savedModelRequests.list().then(setEntries, (error: unknown) =>
      setMessage({
        text: t('models.listFailed', { error: show(toMessage(error)) }),
        error: true,
      }),
    );
  }, [t, show]);

  /** Runs one request at a time; its failure becomes the panel's message. */
  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const text = await action();
      setMessage(text ? { text, error: false } : null);
    } catch (error) {
      setMessage({ text: show(toMessage(error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    act(async () => {
      const entry = await savedModelRequests.save(
        name.trim() || suggestName(t, datasetId, lastStep),
      );
      setEntries(await savedModelRequests.list());
      setName('');
      return t('models.saved', { name: entry.name, step: entry.step });
    });

  const upload = (files: File[]) =>
    act(async () => {
      const result = await savedModelRequests.upload(files);
      setEntries(await savedModelRequests.list());
      if (result.kind === 'saved') {
        return t('models.added', { name: result.entry.name, step: result.entry.step });
      }
      // The imported design, with the current data and settings (refused, with the reason in the
      // notice, while a teacher's link locks the designer).
      const applied = loadExperiment(
        { ...currentExperiment(useStore.getState()), spec: result.spec },
        files.find((f) => f.name.endsWith('.json'))?.name ??
          makeMessage('notices.source.uploadedModel'),
      );
      if (!applied) return null;
      setNotice(
        joinMessages([
          makeMessage('notices.modelImported', {
            shape: result.inputShape.map((d) => d ?? t('models.anySize')).join(', '),
          }),
          ...(result.entry
            ? [makeMessage('notices.modelImportedWeights', { name: result.entry.name })]
            : []),
          // The worker's import notes (shown as they are while they are plain text).
          ...result.notes.filter(Boolean).map(toMessage),
        ]),
      );
      return null;
    });

  return (
    <section
      className="panel models-panel"
      aria-labelledby="models-title"
      data-testid="models-panel"
    >
      <h2 id="models-title">{t('models.title')}</h2>
      <form
        className="models-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input
          value={name}
          placeholder={suggestName(t, datasetId, lastStep)}
          aria-label={t('models.nameLabel')}
          data-testid="model-name"
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="submit"
          disabled={!canSave || busy}
          data-testid="save-model"
          title={canSave ? t('models.saveTitle') : t('models.trainFirst')}
        >
          {t('models.save')}
        </button>
        <label className="button-like" htmlFor={uploadId} title={t('models.uploadTitle')}>
          {t('models.upload')}
          <input
            id={uploadId}
            type="file"
            multiple
            accept=".json,.bin,application/json"
            className="sr-only"
            data-testid="model-upload"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              if (files.length) void upload(files);
            }}
          />
        </label>
      </form>
      {message && (
        <p
          className={message.error ? 'error' : 'hint'}
          role={message.error ? 'alert' : 'status'}
          data-testid="model-message"
        >
          {message.text}
        </p>
      )}
      {entries.length === 0 ? (
        <p className="hint">{t('models.empty')}</p>
      ) : (
        <ul className="saved-models" data-testid="saved-models">
          {entries.map((entry) => (
            <SavedModelRow
              key={entry.id}
              entry={entry}
              busy={busy}
              onLoad={() => savedModelRequests.load(entry)}
              onDownload={() =>
                void act(async () => {
                  await downloadFiles(await savedModelRequests.files(entry.id));
                  return null;
                })
              }
              onDelete={() =>
                void act(async () => {
                  setEntries(await savedModelRequests.remove(entry.id));
                  return t('models.deleted', { name: entry.name });
                })
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

import { askToPersistStorage } from '../bridge/persistentStorage';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../shared/messages/message';
import { toMessage } from '../shared/messages/messageError';
import { useMessage } from '../i18n/useMessage';
import { dataRequests, type ImportResult } from '../bridge/workerBridge';
import type { ColumnSummary } from '../data/import/columns';
import { useStore } from '../state/store';
import type { ImportOptions } from '../shared/protocol';

type Status =
  | { kind: 'idle' }
  | { kind: 'importing'; what: string }
  | { kind: 'failed'; message: Message }
  | { kind: 'done'; result: ImportResult };

const IMAGE_SIZES = [16, 28, 32, 48, 64] as const;

/**
 * The user's own data: a CSV table, an IDX pair (MNIST format, raw or .gz), a zip of class
 * folders, or a folder of class folders. Files are read here and decoded in the worker; they never
 * leave the device. A failed import shows why and leaves the current dataset and work untouched.
 * The body of UploadPanel's section, loaded after the first paint.
 */
export function UploadForm() {
  const { t } = useTranslation();
  const show = useMessage();
  const userDatasets = useStore((s) => s.userDatasets);
  const addUserDataset = useStore((s) => s.addUserDataset);
  const removeUserDataset = useStore((s) => s.removeUserDataset);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [imageSize, setImageSize] = useState<number>(28);
  const [channels, setChannels] = useState<1 | 3>(1);
  // The last upload's files, kept so a table can be imported again with other columns.
  const lastFiles = useRef<File[]>([]);
  const filesId = useId();
  const folderId = useId();

  const run = async (files: File[], options: Partial<ImportOptions>, replaceId: string | null) => {
    if (files.length === 0) return;
    const what =
      files.length === 1 ? (files[0]?.name ?? '') : t('upload.fileCount', { count: files.length });
    setStatus({ kind: 'importing', what });
    void askToPersistStorage(); // kept on purpose: ask the browser to keep it too
    try {
      const result = await dataRequests.importFiles(
        files,
        { imageSize: [imageSize, imageSize], channels, ...options },
        replaceId,
      );
      lastFiles.current = files;
      addUserDataset(result.entry);
      setStatus({ kind: 'done', result });
    } catch (error) {
      setStatus({
        kind: 'failed',
        message: toMessage(error),
      });
    }
  };

  return (
    <>
      <p className="hint">{t('upload.intro')}</p>
      {/* Buttons of our own, not the browser's file inputs: those speak the browser's language
          ("Choose Files", "No file chosen") whatever the page's, and crowd a phone's width. */}
      <div className="row">
        <label className="button-like" htmlFor={filesId}>
          {t('upload.chooseFiles')}
          <input
            id={filesId}
            type="file"
            className="sr-only"
            multiple
            data-testid="upload-files"
            onChange={(e) => {
              void run(Array.from(e.target.files ?? []), {}, null);
              e.target.value = ''; // choosing the same file again must fire again
            }}
          />
        </label>
        <label className="button-like" htmlFor={folderId}>
          {t('upload.chooseFolder')}
          <input
            id={folderId}
            type="file"
            className="sr-only"
            data-testid="upload-folder"
            {...{ webkitdirectory: '', directory: '' }}
            onChange={(e) => {
              void run(Array.from(e.target.files ?? []), {}, null);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <div className="row">
        <label className="field">
          <span className="field-label">{t('upload.imageSize')}</span>
          <select
            value={imageSize}
            data-testid="upload-image-size"
            onChange={(e) => setImageSize(Number(e.target.value))}
          >
            {IMAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {t('upload.size', { size: s })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('upload.colour')}</span>
          <select
            value={channels}
            data-testid="upload-channels"
            onChange={(e) => setChannels(e.target.value === '3' ? 3 : 1)}
          >
            <option value={1}>{t('upload.greyscale')}</option>
            <option value={3}>{t('upload.rgb')}</option>
          </select>
        </label>
      </div>
      {status.kind === 'importing' && (
        <p className="hint" role="status" data-testid="upload-status">
          {t('upload.reading', { what: status.what })}
        </p>
      )}
      {status.kind === 'failed' && (
        <p className="error" role="alert" data-testid="upload-error">
          {t('upload.failed', { message: show(status.message) })}
        </p>
      )}
      {status.kind === 'done' && (
        <div data-testid="upload-result">
          <p className="hint">
            {t('upload.imported', {
              name: status.result.entry.name,
              samples: t('upload.samples', { count: status.result.entry.samples }),
              shape: JSON.stringify(status.result.entry.inputShape),
              task:
                status.result.entry.task === 'regression'
                  ? t('upload.regression')
                  : t('upload.classes', { count: status.result.entry.classes.length }),
            })}
          </p>
          <ul className="notes">
            {status.result.entry.notes.map((note, i) => (
              <li key={i}>{show(note)}</li>
            ))}
          </ul>
          {status.result.columns && (
            <ColumnChooser
              columns={status.result.columns}
              entryName={status.result.entry.name}
              featureNames={status.result.entry.featureNames ?? []}
              onApply={(options) => void run(lastFiles.current, options, status.result.entry.id)}
            />
          )}
        </div>
      )}
      {userDatasets.length > 0 && (
        <ul className="user-datasets" aria-label={t('upload.yourDatasets')}>
          {userDatasets.map((d) => (
            <li key={d.id} data-testid="user-dataset">
              {t('upload.userDataset', { name: d.name, count: d.samples })}
              <button
                type="button"
                className="link"
                data-testid="user-dataset-delete"
                onClick={() => {
                  dataRequests.deleteUserDataset(d.id);
                  removeUserDataset(d.id);
                }}
              >
                {t('upload.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface ChooserProps {
  columns: ColumnSummary[];
  entryName: string;
  featureNames: string[];
  onApply(options: Partial<ImportOptions>): void;
}

/** Pick the label column, the input columns and the task of an imported table, then re-import. */
function ColumnChooser({ columns, entryName, featureNames, onApply }: ChooserProps) {
  const { t } = useTranslation();
  const usable = columns.filter((c) => c.kind !== 'empty');
  // The label is the one column no input was made from (one-hot inputs are "column=value").
  const inputs = new Set(featureNames.map((name) => name.split('=')[0]));
  const [label, setLabel] = useState(
    usable.find((c) => !inputs.has(c.name))?.name ?? usable.at(-1)?.name ?? '',
  );
  const [features, setFeatures] = useState<string[]>(
    usable.filter((c) => inputs.has(c.name)).map((c) => c.name),
  );
  const labelColumn = columns.find((c) => c.name === label);
  const [task, setTask] = useState(labelColumn?.defaultTask ?? 'classification');
  return (
    <fieldset className="columns" data-testid="column-chooser">
      <legend>{t('upload.columns.legend', { name: entryName })}</legend>
      <label className="field">
        <span className="field-label">{t('upload.columns.label')}</span>
        <select
          value={label}
          data-testid="label-column"
          onChange={(e) => {
            setLabel(e.target.value);
            setTask(
              columns.find((c) => c.name === e.target.value)?.defaultTask ?? 'classification',
            );
          }}
        >
          {usable.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">{t('upload.columns.task')}</span>
        <select
          value={task}
          data-testid="label-task"
          onChange={(e) =>
            setTask(e.target.value === 'regression' ? 'regression' : 'classification')
          }
        >
          <option value="classification">{t('upload.columns.classification')}</option>
          <option value="regression" disabled={labelColumn?.kind !== 'numeric'}>
            {t('upload.columns.regression')}
          </option>
        </select>
      </label>
      <table className="column-table">
        <thead>
          <tr>
            <th>{t('upload.columns.input')}</th>
            <th>{t('upload.columns.column')}</th>
            <th>{t('upload.columns.kind')}</th>
            <th>{t('upload.columns.distinct')}</th>
            <th>{t('upload.columns.missing')}</th>
            <th>{t('upload.columns.examples')}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.name}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('upload.columns.useAsInput', { name: c.name })}
                  disabled={c.name === label || c.kind === 'empty'}
                  checked={c.name !== label && features.includes(c.name)}
                  onChange={(e) =>
                    setFeatures((now) =>
                      e.target.checked ? [...now, c.name] : now.filter((n) => n !== c.name),
                    )
                  }
                />
              </td>
              <td>{c.name}</td>
              <td>{t(`upload.columns.kinds.${c.kind}`)}</td>
              <td>{c.distinct}</td>
              <td className={c.missing > 0 ? 'warning' : undefined}>{c.missing}</td>
              <td className="examples">{c.examples.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        data-testid="columns-apply"
        onClick={() =>
          onApply({
            labelColumn: label,
            featureColumns: columns
              .map((c) => c.name)
              .filter((n) => n !== label && features.includes(n)),
            task,
          })
        }
      >
        {t('upload.columns.apply')}
      </button>
    </fieldset>
  );
}

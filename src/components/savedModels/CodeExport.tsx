import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMessage } from '../../i18n/useMessage';
import { toMessage } from '../../shared/messages/messageError';
import type * as ExportGenerators from '../../models/export';
import { onDemand } from '../../state/onDemand';
import { useStore } from '../../state/store';
import { useAnalysis, useDatasetInfo } from '../../state/useAnalysis';
import { deferred } from '../deferred';
import { downloadFile } from '../downloadFile';

// Prism (the highlighting) and the generators load after the first paint, or when asked for.
const CodeBlock = deferred(
  () => import('./CodeBlock').then((m) => m.default),
  ({ code }) => <pre className="code-block">{code}</pre>,
);
const loadGenerators = onDemand(() => import('../../models/export'));

const FRAMEWORKS = {
  pytorch: { label: 'PyTorch', file: 'layerlab_model_pytorch.py' },
  keras: { label: 'Keras', file: 'layerlab_model_keras.py' },
} as const;
type Framework = keyof typeof FRAMEWORKS;

type Generators = typeof ExportGenerators;
type Exported = { ok: true; code: string } | { ok: false; message: string };

/**
 * The design as a Python program (PyTorch or Keras): the model with every setting spelled out, a
 * loader for LayerLab's downloaded weights, and the training loop with this experiment's
 * optimizer, loss and hyperparameters. The generators load only when this panel is opened.
 */
export function CodeExport() {
  const { t } = useTranslation();
  const show = useMessage();
  const spec = useStore((s) => s.spec);
  const training = useStore((s) => s.training);
  const info = useDatasetInfo();
  const { blockingReason } = useAnalysis();
  const [open, setOpen] = useState(false);
  const [framework, setFramework] = useState<Framework>('pytorch');
  const [generators, setGenerators] = useState<Generators | null>(null);
  const [copied, setCopied] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);

  useEffect(() => {
    if (open && !generators) void loadGenerators().then(setGenerators, () => setLoadFailed(true));
  }, [open, generators]);

  const exported = useMemo((): Exported | null => {
    if (!open) return null;
    if (blockingReason) {
      return { ok: false, message: t('codeExport.fixFirst', { reason: show(blockingReason) }) };
    }
    if (!generators) return null;
    try {
      const code =
        framework === 'pytorch'
          ? generators.exportPyTorch(spec, info, training)
          : generators.exportKeras(spec, info, training);
      return { ok: true, code };
    } catch (error) {
      return { ok: false, message: show(toMessage(error)) };
    }
  }, [open, generators, framework, spec, info, training, blockingReason, t, show]);

  const copy = async () => {
    if (!exported?.ok) return;
    await navigator.clipboard?.writeText(exported.code).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <details
      className="panel code-export"
      data-testid="code-export"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h2>{t('codeExport.title')}</h2>
      </summary>
      <p className="hint">{t('codeExport.intro')}</p>
      <div className="models-form">
        <div role="tablist" aria-label={t('codeExport.framework')} className="tabs">
          {(Object.keys(FRAMEWORKS) as Framework[]).map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={framework === f}
              className={framework === f ? 'selected' : ''}
              data-testid={`export-${f}`}
              onClick={() => setFramework(f)}
            >
              {FRAMEWORKS[f].label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button
          type="button"
          disabled={!exported?.ok}
          data-testid="code-copy"
          onClick={() => void copy()}
        >
          {copied ? t('codeExport.copied') : t('codeExport.copy')}
        </button>
        <button
          type="button"
          disabled={!exported?.ok}
          data-testid="code-download"
          onClick={() =>
            exported?.ok && downloadFile(FRAMEWORKS[framework].file, exported.code, 'text/x-python')
          }
        >
          {t('codeExport.download')}
        </button>
      </div>
      {loadFailed && !generators && (
        <p className="error" role="alert">
          {t('common.loadFailed')}
        </p>
      )}
      {exported && !exported.ok && (
        <p className="error" role="alert" data-testid="code-error">
          {exported.message}
        </p>
      )}
      {exported?.ok && <CodeBlock code={exported.code} />}
    </details>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../shared/messages/message';
import { toMessage } from '../shared/messages/messageError';
import { useMessage } from '../i18n/useMessage';
import { dataRequests } from '../bridge/workerBridge';
import type { DatasetInfo } from '../data/datasets';
import { useStore } from '../state/store';
import { checkDataChoice } from '../models/analyze';
import { useDatasetInfo } from '../state/useAnalysis';
import type { SamplePage } from '../shared/protocol';
import type { BrowserPageProps } from './BrowserPage';
import { deferred } from './deferred';

/** Samples per page by kind: a screenful of each. Points are all shown at once. */
function pageSize(info: DatasetInfo): number {
  switch (info.kind) {
    case 'images':
      return 40;
    case 'points2d':
    case 'function1d':
      return 5000;
    case 'text':
      return 8;
    case 'table':
    case 'sequence':
    case 'corpus':
      return 12;
  }
}

/** The page's drawing code (images, points, tables), loaded after the first paint. */
const BrowserPage = deferred<BrowserPageProps>(
  () => import('./BrowserPage').then((m) => m.BrowserPage),
  () => <BrowserLoading />,
);

function BrowserLoading() {
  const { t } = useTranslation();
  return <p className="hint">{t('browser.loading')}</p>;
}

type Loaded = { key: string; page: SamplePage } | { key: string; error: Message } | null;

/**
 * The dataset browser: the chosen data as the model sees it (same seed, same order), with labels,
 * the class balance and how inputs were normalised. Loads only while open: a closed browser costs
 * nothing.
 */
export function DatasetBrowser() {
  const { t } = useTranslation();
  const show = useMessage();
  const info = useDatasetInfo();
  const dataset = useStore((s) => s.dataset);
  const seed = useStore((s) => s.training.seed);
  // Tables are standardised on the training rows, which the split decides.
  const validationSplit = useStore((s) => s.training.validationSplit);
  const testSplit = useStore((s) => s.training.testSplit);
  const [open, setOpen] = useState(false);
  const [offset, setOffset] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>(null);
  // The data's own settings, checked as the worker checks them before reading the data.
  const problem = Object.values(checkDataChoice(dataset, info))[0] ?? null;
  const valid = problem === null;
  const limit = pageSize(info);
  // Only a table's numbers depend on the split (standardised on its training rows).
  const split = info.kind === 'table' ? [validationSplit, testSplit] : null;
  const key = JSON.stringify([dataset, seed, split, offset]);

  useEffect(() => {
    if (!open || !valid) return;
    let cancelled = false;
    dataRequests
      .browse(offset, limit)
      .then((page) => !cancelled && setLoaded({ key, page }))
      .catch((error: unknown) => {
        if (!cancelled) setLoaded({ key, error: toMessage(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [open, key, offset, limit, valid]);

  // Another dataset starts at its first page.
  const [shownId, setShownId] = useState(info.id);
  if (shownId !== info.id) {
    setShownId(info.id);
    setOffset(0);
  }

  const current = loaded?.key === key ? loaded : null;
  return (
    <details
      className="browser"
      data-testid="dataset-browser"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('browser.summary')}</summary>
      {open && problem && (
        <p className="error" role="alert" data-testid="browser-error">
          {t('browser.fixSettings')} {show(problem)}
        </p>
      )}
      {open && !problem && !current && <p className="hint">{t('browser.loading')}</p>}
      {!problem && current && 'error' in current && (
        <p className="error" role="alert" data-testid="browser-error">
          {show(current.error)}
        </p>
      )}
      {!problem && current && 'page' in current && (
        <BrowserPage
          info={info}
          page={current.page}
          onPage={(delta) => setOffset((o) => Math.max(0, o + delta * limit))}
        />
      )}
    </details>
  );
}

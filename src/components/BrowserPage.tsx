import { useTranslation } from 'react-i18next';
import { useTextLanguage } from '../i18n/useTextLanguage';
import { useMessage } from '../i18n/useMessage';
import { useFormat } from '../i18n/useFormat';
import { columnIn } from '../data/columnNames';
import { classesIn, type DatasetInfo } from '../data/datasets';
import { useStore } from '../state/store';
import type { SamplePage } from '../shared/protocol';
import { ClassHistogram } from './ClassHistogram';
import { ImageTile } from './ImageTile';
import { PointsPlot } from './PointsPlot';

/**
 * One page of the dataset browser: the class balance, the import notes and the samples drawn by
 * kind (images, points, table rows, tokens). Its own chunk: DatasetBrowser.tsx loads it after
 * the first paint.
 */
export interface BrowserPageProps {
  info: DatasetInfo;
  page: SamplePage;
  onPage(delta: -1 | 1): void;
}

export function BrowserPage({ info, page, onPage }: BrowserPageProps) {
  const { t } = useTranslation();
  const show = useMessage();
  const format = useFormat();
  const language = useTextLanguage();
  const label = (n: number) => labelText(info, page, n, language);
  const showHistogram = info.task !== 'regression' && info.kind !== 'corpus';
  return (
    <div className="browser-page" data-testid="browser-page" data-count={page.count}>
      <p className="hint" data-testid="browser-summary">
        {t('browser.total', { count: page.total, normalization: show(page.normalization) })}
      </p>
      {showHistogram && (
        <ClassHistogram classes={classesIn(info, language)} counts={page.classCounts} />
      )}
      {page.notes.length > 0 && (
        <ul className="notes">
          {page.notes.map((note, i) => (
            <li key={i}>{show(note)}</li>
          ))}
        </ul>
      )}
      <SampleView info={info} page={page} label={label} />
      {page.total > page.count && (
        <div className="pager">
          <button type="button" disabled={page.offset === 0} onClick={() => onPage(-1)}>
            {t('browser.previous')}
          </button>
          <span className="hint">
            {t('browser.range', {
              from: format.integer(page.offset + 1),
              to: format.integer(page.offset + page.count),
              total: format.integer(page.total),
            })}
          </span>
          <button
            type="button"
            data-testid="browser-next"
            disabled={page.offset + page.count >= page.total}
            onClick={() => onPage(1)}
          >
            {t('browser.next')}
          </button>
        </div>
      )}
    </div>
  );
}

function labelText(info: DatasetInfo, page: SamplePage, n: number, language: 'en' | 'zh'): string {
  const perSample = page.count === 0 ? 0 : page.y.length / page.count;
  if (info.task === 'regression') {
    return Array.from(page.y.subarray(n * perSample, (n + 1) * perSample), (v) =>
      v.toFixed(3),
    ).join(', ');
  }
  if (page.labelTokens) return (page.labelTokens[n] ?? []).join(' ');
  return classesIn(info, language)[page.y[n] ?? -1] ?? '?';
}

interface ViewProps {
  info: DatasetInfo;
  page: SamplePage;
  label(n: number): string;
}

/** Shows sample n of the page in the internals panel's activations view. */
function InspectButton({ page, n, width }: { page: SamplePage; n: number; width: number }) {
  const { t } = useTranslation();
  const inspectSample = useStore((s) => s.inspectSample);
  const perLabel = page.count === 0 ? 0 : page.y.length / page.count;
  return (
    <button
      type="button"
      className="link inspect"
      data-testid="browser-inspect"
      title={t('browser.inspectTitle')}
      onClick={() => {
        inspectSample({
          kind: 'custom',
          x: page.x.slice(n * width, (n + 1) * width),
          label: page.y.slice(n * perLabel, (n + 1) * perLabel),
        });
        requestAnimationFrame(() =>
          document
            .querySelector('[data-testid=view-activations]')
            ?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
        );
      }}
    >
      {t('browser.inspect')}
    </button>
  );
}

function SampleView({ info, page, label }: ViewProps) {
  const { t } = useTranslation();
  const language = useTextLanguage();
  const samples = Array.from({ length: page.count }, (_, n) => n);
  switch (info.kind) {
    case 'images': {
      const [h = 1, w = 1, c = 1] = info.inputShape;
      const size = h * w * c;
      return (
        <div className="image-grid" data-testid="browser-images">
          {samples.map((n) => (
            <figure key={n} className="image-sample">
              <ImageTile pixels={page.x.subarray(n * size, (n + 1) * size)} shape={[h, w, c]} />
              <figcaption>
                {label(n)} <InspectButton page={page} n={n} width={size} />
              </figcaption>
            </figure>
          ))}
        </div>
      );
    }
    case 'points2d':
    case 'function1d':
      return <PointsPlot info={info} page={page} />;
    case 'table': {
      const names = page.featureNames ?? [];
      const values = page.raw ?? page.x;
      const width = page.count === 0 ? 0 : values.length / page.count;
      return (
        <div className="table-scroll">
          <table className="sample-table" data-testid="browser-table">
            <thead>
              <tr>
                {Array.from({ length: width }, (_, f) => (
                  <th key={f}>{names[f] ? columnIn(info, names[f], language) : `x${f}`}</th>
                ))}
                <th>{t('browser.label')}</th>
              </tr>
            </thead>
            <tbody>
              {samples.map((n) => (
                <tr key={n}>
                  {Array.from({ length: width }, (_, f) => (
                    <td key={f}>{formatCell(values[n * width + f] ?? NaN)}</td>
                  ))}
                  <td className="label-cell">
                    {label(n)} <InspectButton page={page} n={n} width={width} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'text':
    case 'sequence':
    case 'corpus': {
      const width = info.inputShape[0] ?? 0;
      return (
        <ol className="token-samples" data-testid="browser-tokens">
          {samples.map((n) => (
            <li key={n}>
              {page.texts?.[n] !== undefined && <p className="sample-text">{page.texts[n]}</p>}
              <div className="tokens" aria-label={t('browser.tokens')}>
                {(page.tokens?.[n] ?? []).map((token, i) => (
                  <span
                    key={i}
                    className="token"
                    title={t('browser.tokenId', { id: page.x[n * width + i] ?? '?' })}
                  >
                    <span className="token-text">{token}</span>
                    <span className="token-id">{page.x[n * width + i]}</span>
                  </span>
                ))}
              </div>
              <p className="hint">
                → <span className="sample-label">{label(n)}</span>{' '}
                <InspectButton page={page} n={n} width={width} />
              </p>
            </li>
          ))}
        </ol>
      );
    }
  }
}

function formatCell(value: number): string {
  if (!Number.isFinite(value)) return '–';
  // Four significant digits, without the trailing zeros toPrecision leaves (0.2000 → 0.2).
  return String(Number(value.toPrecision(4)));
}

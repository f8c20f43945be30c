import { useMemo, useState } from 'react';
import { useTextLanguage } from '../../i18n/useTextLanguage';
import { Trans, useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { classNames } from '../../data/corpusVocabulary';
import type { DatasetInfo } from '../../data/datasets';
import { classReport } from '../../models/evaluation/confusion';
import type { ProbeResult } from '../../shared/protocol';
import { Heatmap } from '../canvas/Heatmap';

interface Props {
  info: DatasetInfo;
  probe: ProbeResult | null;
  /** Show this validation sample in the activations view. */
  onShowSample(index: number): void;
}

/** Shown at most this many examples for a clicked cell. */
const MAX_EXAMPLES = 24;

/**
 * Where the model is wrong, on the validation split: the confusion matrix (click a cell to list its
 * samples, click one to see its activations) and precision, recall and F1 per class.
 */
export function ConfusionView({ info, probe, onShowSample }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const language = useTextLanguage();
  const [cell, setCell] = useState<[number, number] | null>(null);
  const confusion = probe?.confusion;
  const split = t(`confusion.split.${probe?.samplesFrom ?? 'validation'}`);
  const report = useMemo(
    () => (confusion ? classReport(confusion.matrix, confusion.classes) : null),
    [confusion],
  );
  const matrixValues = useMemo(
    () => (confusion ? Float32Array.from(confusion.matrix) : new Float32Array(0)),
    [confusion],
  );
  if (!confusion || !report) {
    return <p className="hint">{t('confusion.noRun')}</p>;
  }
  const { classes, truth, predicted, indices } = confusion;
  const examples: number[] = [];
  if (cell) {
    const seen = new Set<number>();
    for (let i = 0; i < truth.length && examples.length < MAX_EXAMPLES; i++) {
      const sample = indices[i] ?? 0;
      if (truth[i] === cell[0] && predicted[i] === cell[1] && !seen.has(sample)) {
        seen.add(sample);
        examples.push(sample);
      }
    }
  }
  const names = classNames(info, language);
  const name = (c: number) => names[c] ?? String(c);
  return (
    <div className="confusion-view" data-testid="confusion-view">
      <Heatmap
        values={matrixValues}
        rows={classes}
        cols={classes}
        rowLabels={names}
        colLabels={names}
        range="auto"
        scale="log1p"
        showValues="auto"
        xTitle={t('confusion.xTitle')}
        yTitle={t('confusion.yTitle')}
        maxCellSize={36}
        describe={(r, c, v) =>
          t('confusion.cell', { count: v, truth: name(r), predicted: name(c) })
        }
        onCellClick={(r, c) => setCell([r, c])}
        label={t('confusion.label', { count: report.total, split })}
        testId="confusion-matrix"
      />
      <p className="hint">
        {t('confusion.summary', {
          split,
          count: report.total,
          accuracy: format.percent(report.accuracy, 1),
          f1: format.decimal(report.macro.f1, 3),
        })}
      </p>
      {cell && (
        <div data-testid="confusion-examples" data-count={examples.length}>
          <p>
            <Trans
              i18nKey={examples.length === 0 ? 'confusion.examplesNone' : 'confusion.examples'}
              values={{ truth: name(cell[0]), predicted: name(cell[1]) }}
              count={examples.length}
              components={{ b: <strong /> }}
            />
          </p>
          <div className="example-list">
            {examples.map((i) => (
              <button key={i} type="button" className="example" onClick={() => onShowSample(i)}>
                #{i + 1}
              </button>
            ))}
          </div>
        </div>
      )}
      <table className="class-report" data-testid="class-report">
        <thead>
          <tr>
            <th>{t('confusion.class')}</th>
            <th>{t('confusion.precision')}</th>
            <th>{t('confusion.recall')}</th>
            <th>{t('confusion.f1')}</th>
            <th>{t('confusion.support')}</th>
          </tr>
        </thead>
        <tbody>
          {report.perClass.map((m, c) => (
            <tr key={c}>
              <td>{name(c)}</td>
              <td>{format.decimal(m.precision, 3)}</td>
              <td>{format.decimal(m.recall, 3)}</td>
              <td>{format.decimal(m.f1, 3)}</td>
              <td>{format.integer(m.support)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useMemo, useState } from 'react';
import type { DatasetInfo } from '../../data/datasets';
import { classReport } from '../../models/evaluation/confusion';
import type { ProbeResult } from '../../workers/protocol';
import { Heatmap } from '../internals/Heatmap';

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
  const [cell, setCell] = useState<[number, number] | null>(null);
  const confusion = probe?.confusion;
  const report = useMemo(
    () => (confusion ? classReport(confusion.matrix, confusion.classes) : null),
    [confusion],
  );
  const matrixValues = useMemo(
    () => (confusion ? Float32Array.from(confusion.matrix) : new Float32Array(0)),
    [confusion],
  );
  if (!confusion || !report) {
    return <p className="hint">Train (or press Step) to see which classes the model confuses.</p>;
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
  const name = (c: number) => info.classes[c] ?? String(c);
  return (
    <div className="confusion-view" data-testid="confusion-view">
      <Heatmap
        values={matrixValues}
        rows={classes}
        cols={classes}
        rowLabels={info.classes}
        colLabels={info.classes}
        range="auto"
        scale="log1p"
        showValues="auto"
        xTitle="predicted"
        yTitle="true"
        maxCellSize={36}
        describe={(r, c, v) => `${v} × true ${name(r)} predicted as ${name(c)}`}
        onCellClick={(r, c) => setCell([r, c])}
        label={`Confusion matrix of ${report.total} validation predictions`}
        testId="confusion-matrix"
      />
      <p className="hint">
        Accuracy {(report.accuracy * 100).toFixed(1)} % on {report.total.toLocaleString('en')}{' '}
        validation predictions; macro F1 {report.macro.f1.toFixed(3)}. Click a cell to list its
        samples.
      </p>
      {cell && (
        <div data-testid="confusion-examples" data-count={examples.length}>
          <p>
            True <strong>{name(cell[0])}</strong>, predicted <strong>{name(cell[1])}</strong>:{' '}
            {examples.length === 0 ? 'no samples.' : `${examples.length} shown.`}
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
            <th>class</th>
            <th>precision</th>
            <th>recall</th>
            <th>F1</th>
            <th>support</th>
          </tr>
        </thead>
        <tbody>
          {report.perClass.map((m, c) => (
            <tr key={c}>
              <td>{name(c)}</td>
              <td>{m.precision.toFixed(3)}</td>
              <td>{m.recall.toFixed(3)}</td>
              <td>{m.f1.toFixed(3)}</td>
              <td>{m.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

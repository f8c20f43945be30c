import type { DatasetInfo } from '../../data/datasets';
import type { ProbeResult } from '../../workers/protocol';

type Sample = NonNullable<ProbeResult['sample']>;

/** The model's answer for the sample: the top classes with their probabilities (or its value). */
export function Prediction({ info, sample }: { info: DatasetInfo; sample: Sample }) {
  const { output, label } = sample;
  // The raw outputs, for anyone (or any test) comparing two models' answers exactly.
  const raw = JSON.stringify(Array.from(output));
  if (info.task === 'regression') {
    return (
      <p data-testid="prediction" className="prediction" data-output={raw}>
        Prediction: <strong>{Array.from(output, (v) => v.toFixed(3)).join(', ')}</strong>
        {label && <> (target {Array.from(label, (v) => v.toFixed(3)).join(', ')})</>}
      </p>
    );
  }
  const classes = info.classes;
  if (info.task === 'sequence') {
    const k = classes.length;
    const steps = Math.floor(output.length / k);
    const predicted = Array.from({ length: steps }, (_, t) => {
      let best = 0;
      for (let c = 1; c < k; c++)
        if ((output[t * k + c] ?? 0) > (output[t * k + best] ?? 0)) best = c;
      return classes[best] ?? String(best);
    });
    return (
      <p data-testid="prediction" className="prediction" data-output={raw}>
        Prediction: <strong>{predicted.join(' ')}</strong>
        {label && <> · target {Array.from(label, (id) => classes[id] ?? '?').join(' ')}</>}
      </p>
    );
  }
  // One sigmoid unit: p(class 1); otherwise one probability per class.
  const probabilities =
    output.length === 1 ? [1 - (output[0] ?? 0), output[0] ?? 0] : Array.from(output);
  const ranked = probabilities
    .map((p, c) => ({ p, c }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 5);
  const top = ranked[0];
  return (
    <div
      className="prediction"
      data-testid="prediction"
      data-class={top ? classes[top.c] : ''}
      data-output={raw}
    >
      <p>
        Prediction: <strong>{top ? classes[top.c] : '?'}</strong>
        {label && <> (true class: {classes[label[0] ?? -1] ?? '?'})</>}
      </p>
      <ol className="probabilities">
        {ranked.map(({ p, c }) => (
          <li key={c}>
            <span className="probability-label">{classes[c]}</span>
            <span className="probability-bar" style={{ width: `${Math.round(p * 100)}%` }} />
            <span className="probability-value">{(p * 100).toFixed(1)} %</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

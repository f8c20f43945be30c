import { Trans } from 'react-i18next';
import { useTextLanguage } from '../../i18n/useTextLanguage';
import { classNames } from '../../data/corpusVocabulary';
import type { DatasetInfo } from '../../data/datasets';
import { useFormat } from '../../i18n/useFormat';
import type { ProbeResult } from '../../shared/protocol';

type Sample = NonNullable<ProbeResult['sample']>;

const BOLD = { b: <strong /> };

/** The model's answer for the sample: the top classes with their probabilities (or its value). */
export function Prediction({ info, sample }: { info: DatasetInfo; sample: Sample }) {
  const format = useFormat();
  const language = useTextLanguage();
  const { output, label } = sample;
  // The raw outputs, for anyone (or any test) comparing two models' answers exactly.
  const raw = JSON.stringify(Array.from(output));
  if (info.task === 'regression') {
    const value = Array.from(output, (v) => format.decimal(v, 3)).join(', ');
    return (
      <p data-testid="prediction" className="prediction" data-output={raw}>
        {label ? (
          <Trans
            i18nKey="prediction.valueWithTarget"
            values={{ value, target: Array.from(label, (v) => format.decimal(v, 3)).join(', ') }}
            components={BOLD}
          />
        ) : (
          <Trans i18nKey="prediction.value" values={{ value }} components={BOLD} />
        )}
      </p>
    );
  }
  const classes = classNames(info, language);
  if (info.task === 'sequence') {
    const k = classes.length;
    const steps = Math.floor(output.length / k);
    const predicted = Array.from({ length: steps }, (_, t) => {
      let best = 0;
      for (let c = 1; c < k; c++)
        if ((output[t * k + c] ?? 0) > (output[t * k + best] ?? 0)) best = c;
      return classes[best] ?? String(best);
    });
    const value = predicted.join(' ');
    return (
      <p data-testid="prediction" className="prediction" data-output={raw}>
        {label ? (
          <Trans
            i18nKey="prediction.sequenceWithTarget"
            values={{ value, target: Array.from(label, (id) => classes[id] ?? '?').join(' ') }}
            components={BOLD}
          />
        ) : (
          <Trans i18nKey="prediction.value" values={{ value }} components={BOLD} />
        )}
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
  const value = (top ? classes[top.c] : undefined) ?? '?';
  return (
    <div
      className="prediction"
      data-testid="prediction"
      data-class={top ? classes[top.c] : ''}
      data-output={raw}
    >
      <p>
        {label ? (
          <Trans
            i18nKey="prediction.classWithTruth"
            values={{ value, truth: classes[label[0] ?? -1] ?? '?' }}
            components={BOLD}
          />
        ) : (
          <Trans i18nKey="prediction.value" values={{ value }} components={BOLD} />
        )}
      </p>
      <ol className="probabilities">
        {ranked.map(({ p, c }) => (
          <li key={c}>
            <span className="probability-label">{classes[c]}</span>
            <span className="probability-bar" style={{ width: `${Math.round(p * 100)}%` }} />
            <span className="probability-value">{format.percent(p, 1)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

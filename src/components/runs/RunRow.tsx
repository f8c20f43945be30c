import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { RunSummary } from '../../shared/runs/runTypes';
import { backendName } from '../backendNames';
import { runColour } from './runColours';
import { useRunName } from './useRunName';

interface Props {
  run: RunSummary;
  /** What differs from the run before it ("lr 0.01 → 0.1"), or null for the first run. */
  changes: string | null;
  first: boolean;
  compared: boolean;
  /** The run it continued from, for a fork. */
  parentName: string | null;
  busy: boolean;
  onCompare(): void;
  onRename(name: string): void;
  onPin(pinned: boolean): void;
  onDelete(): void;
  onUse(): void;
  onContinue(step: number): void;
}

/** Seconds or minutes and seconds, the way a stopwatch reads, in the page's words. */
function duration(t: TFunction, ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60
    ? t('runs.seconds', { seconds })
    : t('runs.minutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
}

/** One run in the Runs table: compare, name, what changed, result, steps, time, backend, actions. */
export function RunRow(props: Props) {
  const { run, changes, first, compared, parentName, busy } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useRunName();
  const name = nameOf(run);
  const [draft, setDraft] = useState<string | null>(null);
  // One entry per step: a run can hold two checkpoints at one step (an epoch end where it stopped).
  const steps = [...new Set(run.checkpoints.map((c) => c.step))];
  const [forkStep, setForkStep] = useState<number | null>(null);
  const chosenStep = forkStep ?? steps.at(-1) ?? null;
  const { valAccuracy, trainLoss } = run.metrics;
  const result =
    valAccuracy !== null
      ? t('runs.valAccuracy', { value: format.percent(valAccuracy, 1) })
      : trainLoss !== null
        ? t('runs.trainLoss', { value: format.decimal(trainLoss, 4) })
        : '–';
  const commit = () => {
    if (draft !== null && draft.trim() !== run.name) props.onRename(draft.trim());
    setDraft(null);
  };
  return (
    <tr data-testid="run-row" data-run-id={run.id} data-status={run.status}>
      <td>
        <input
          type="checkbox"
          checked={compared}
          onChange={props.onCompare}
          aria-label={t('runs.compareLabel', { name })}
        />
      </td>
      <td>
        <span className="run-swatch" style={{ background: runColour(run) }} aria-hidden="true" />
        <input
          className="run-name"
          value={draft ?? name}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setDraft(null);
          }}
          aria-label={t('runs.nameLabel', { number: run.number })}
        />
        <span className={`run-status run-status-${run.status}`}>
          {t(`runs.status.${run.status}`)}
        </span>
        {parentName && run.parent && (
          <span className="run-fork">
            {t('runs.fork', { name: parentName, step: run.parent.step })}
          </span>
        )}
      </td>
      <td className="run-changes" data-testid="run-changes" data-label={t('runs.changes')}>
        {first ? t('runs.firstRun') : (changes ?? t('runs.sameAsBefore'))}
      </td>
      {/* data-label: the column's name, shown beside the value where a phone stacks the row. */}
      <td data-label={t('runs.result')}>{result}</td>
      <td data-testid="run-steps" data-label={t('runs.steps')}>
        {format.integer(run.step)}
      </td>
      <td data-label={t('runs.time')}>{duration(t, run.durationMs)}</td>
      <td data-label={t('runs.backend')}>{run.backend ? backendName(run.backend) : '–'}</td>
      <td className="run-actions">
        <button
          type="button"
          aria-pressed={run.pinned}
          onClick={() => props.onPin(!run.pinned)}
          disabled={busy}
          aria-label={run.pinned ? t('runs.unpinLabel', { name }) : t('runs.pinLabel', { name })}
        >
          {run.pinned ? t('runs.unpin') : t('runs.pin')}
        </button>
        <button type="button" onClick={props.onUse} aria-label={t('runs.useLabel', { name })}>
          {t('runs.use')}
        </button>
        {chosenStep !== null && (
          <span className="run-continue">
            <select
              value={chosenStep}
              onChange={(e) => setForkStep(Number(e.target.value))}
              aria-label={t('runs.checkpointLabel', { name })}
            >
              {steps.map((step) => (
                <option key={step} value={step}>
                  {t('runs.atStep', { step })}
                </option>
              ))}
            </select>
            <button
              type="button"
              onClick={() => props.onContinue(chosenStep)}
              disabled={busy || run.status === 'live'}
              aria-label={t('runs.continueLabel', { name, step: chosenStep })}
            >
              {t('runs.continue')}
            </button>
          </span>
        )}
        <button
          type="button"
          onClick={props.onDelete}
          disabled={busy || run.status === 'live'}
          aria-label={t('runs.removeLabel', { name })}
        >
          {t('runs.remove')}
        </button>
      </td>
    </tr>
  );
}

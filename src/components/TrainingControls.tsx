import { training } from '../bridge/workerBridge';
import { useStore } from '../state/store';
import { useAnalysis } from '../state/useAnalysis';
import { ProgressBar } from './ProgressBar';

const PHASE_LABELS = {
  idle: 'Ready',
  preparing: 'Preparing…',
  training: 'Training',
  paused: 'Paused',
  done: 'Done',
  error: 'Error',
} as const;

/** Train / pause / resume / step / stop / reset, with the reason when Train is not possible. */
export function TrainingControls() {
  const phase = useStore((s) => s.phase);
  const phaseMessage = useStore((s) => s.phaseMessage);
  const progress = useStore((s) => s.progress);
  const { blockingReason } = useAnalysis();
  const blocked = blockingReason !== null;
  const active = phase === 'training' || phase === 'paused' || phase === 'preparing';
  return (
    <section className="panel controls" aria-label="Training controls">
      <div className="buttons">
        <button
          type="button"
          className="primary"
          data-testid="train-button"
          disabled={blocked || phase === 'preparing'}
          title={blockingReason ?? 'Train a fresh model from the current design'}
          onClick={training.train}
        >
          {active ? '↻ Restart' : '▶ Train'}
        </button>
        {phase === 'training' && (
          <button type="button" data-testid="pause-button" onClick={training.pause}>
            ❚❚ Pause
          </button>
        )}
        {phase === 'paused' && (
          <button type="button" data-testid="resume-button" onClick={training.resume}>
            ▶ Resume
          </button>
        )}
        <button
          type="button"
          data-testid="step-button"
          disabled={
            phase === 'training' || phase === 'preparing' || (blocked && phase !== 'paused')
          }
          title="Run exactly one training step"
          onClick={training.step}
        >
          Step
        </button>
        <button
          type="button"
          data-testid="stop-button"
          disabled={phase !== 'training' && phase !== 'paused'}
          title="End the run, keeping the curves"
          onClick={training.stop}
        >
          ■ Stop
        </button>
        <button
          type="button"
          data-testid="reset-button"
          disabled={phase === 'idle'}
          title="Forget the trained weights and the curves"
          onClick={training.reset}
        >
          Reset
        </button>
        <span
          className={`phase phase-${phase}`}
          data-testid="phase"
          data-phase={phase}
          role="status"
          aria-live="polite"
        >
          {PHASE_LABELS[phase]}
          {progress && phase === 'preparing' ? ` ${progress}` : ''}
        </span>
      </div>
      <ProgressBar />
      {blocked && (
        <p className="blocked" data-testid="train-disabled-reason">
          Train is disabled: {blockingReason}
        </p>
      )}
      {phaseMessage && (
        <p
          className={phase === 'error' ? 'error' : 'warning'}
          data-testid="phase-message"
          role="alert"
        >
          {phaseMessage}
        </p>
      )}
    </section>
  );
}

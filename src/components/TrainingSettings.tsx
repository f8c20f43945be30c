import {
  BACKEND_CHOICES,
  LIMITS,
  LOSS_LABELS,
  LOSSES,
  OPTIMIZER_LABELS,
  OPTIMIZERS,
  type BackendChoice,
} from '../models/trainingConfig';
import { training as trainingActions } from '../bridge/workerBridge';
import { useStore } from '../state/store';
import { useAnalysis } from '../state/useAnalysis';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

const BACKEND_LABELS: Record<BackendChoice, string> = {
  auto: 'Auto (probe and choose)',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  cpu: 'CPU',
};

/** Hyperparameters. The learning rate applies live; the rest at the next Train. */
export function TrainingSettings() {
  const training = useStore((s) => s.training);
  const setTraining = useStore((s) => s.setTraining);
  const running = useStore(
    (s) => s.phase === 'training' || s.phase === 'paused' || s.phase === 'preparing',
  );
  const { settingProblems } = useAnalysis();
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Training</h2>
      <div className="settings-grid">
        <SelectField
          label="Optimizer"
          value={training.optimizer}
          options={OPTIMIZERS}
          labels={OPTIMIZER_LABELS}
          testId="optimizer-select"
          onChange={(optimizer) => setTraining({ optimizer })}
        />
        <NumberField
          label="Learning rate (live)"
          value={training.learningRate}
          min={LIMITS.learningRate.min}
          max={LIMITS.learningRate.max}
          testId="lr-input"
          problem={settingProblems.learningRate}
          onChange={(learningRate) => trainingActions.setLearningRate(learningRate)}
        />
        <SelectField
          label="Loss"
          value={training.loss}
          options={LOSSES}
          labels={LOSS_LABELS}
          testId="loss-select"
          onChange={(loss) => setTraining({ loss })}
        />
        <NumberField
          label="Batch size"
          value={training.batchSize}
          min={LIMITS.batchSize.min}
          max={LIMITS.batchSize.max}
          step={1}
          testId="batch-input"
          problem={settingProblems.batchSize}
          onChange={(batchSize) => setTraining({ batchSize })}
        />
        <NumberField
          label="Epochs"
          value={training.epochs}
          min={LIMITS.epochs.min}
          max={LIMITS.epochs.max}
          step={1}
          testId="epochs-input"
          problem={settingProblems.epochs}
          onChange={(epochs) => trainingActions.setEpochs(epochs)}
        />
        <NumberField
          label="Validation split"
          value={training.validationSplit}
          min={LIMITS.validationSplit.min}
          max={LIMITS.validationSplit.max}
          step={0.05}
          testId="valsplit-input"
          problem={settingProblems.validationSplit}
          onChange={(validationSplit) => setTraining({ validationSplit })}
        />
        <NumberField
          label="Test split"
          value={training.testSplit}
          min={LIMITS.testSplit.min}
          max={LIMITS.testSplit.max}
          step={0.05}
          testId="testsplit-input"
          problem={settingProblems.testSplit}
          onChange={(testSplit) => setTraining({ testSplit })}
        />
        <NumberField
          label="Random seed"
          value={training.seed}
          min={0}
          step={1}
          testId="seed-input"
          problem={settingProblems.seed}
          onChange={(seed) => setTraining({ seed })}
        />
        <SelectField
          label="Backend"
          value={training.backend}
          options={BACKEND_CHOICES}
          labels={BACKEND_LABELS}
          testId="backend-select"
          onChange={(backend) => setTraining({ backend })}
        />
      </div>
      {running && (
        <p className="hint">Changes other than the learning rate apply at the next Train.</p>
      )}
    </section>
  );
}

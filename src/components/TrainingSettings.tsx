import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKEND_CHOICES, LIMITS, LOSSES, OPTIMIZERS } from '../models/trainingConfig';
import { training as trainingActions } from '../bridge/workerBridge';
import { useStore } from '../state/store';
import { useAnalysis } from '../state/useAnalysis';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { AdvancedTraining } from './lazyPanels';

/** Hyperparameters. The learning rate applies live; the rest at the next Train. */
export function TrainingSettings() {
  const { t } = useTranslation();
  const seedHelpId = useId();
  const training = useStore((s) => s.training);
  const setTraining = useStore((s) => s.setTraining);
  const running = useStore(
    (s) => s.phase === 'training' || s.phase === 'paused' || s.phase === 'preparing',
  );
  const { settingProblems } = useAnalysis();
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <div className="settings-grid">
        <SelectField
          label={t('settings.optimizer')}
          value={training.optimizer}
          options={OPTIMIZERS}
          labels={Object.fromEntries(OPTIMIZERS.map((o) => [o, t(`settings.optimizers.${o}`)]))}
          testId="optimizer-select"
          onChange={(optimizer) => setTraining({ optimizer })}
        />
        <NumberField
          label={t('settings.learningRate')}
          value={training.learningRate}
          min={LIMITS.learningRate.min}
          max={LIMITS.learningRate.max}
          testId="lr-input"
          problem={settingProblems.learningRate}
          onChange={(learningRate) => trainingActions.setLearningRate(learningRate)}
        />
        <SelectField
          label={t('settings.loss')}
          value={training.loss}
          options={LOSSES}
          labels={Object.fromEntries(LOSSES.map((l) => [l, t(`settings.losses.${l}`)]))}
          testId="loss-select"
          onChange={(loss) => setTraining({ loss })}
        />
        <NumberField
          label={t('settings.batchSize')}
          value={training.batchSize}
          min={LIMITS.batchSize.min}
          max={LIMITS.batchSize.max}
          step={1}
          testId="batch-input"
          problem={settingProblems.batchSize}
          onChange={(batchSize) => setTraining({ batchSize })}
        />
        <NumberField
          label={t('settings.epochs')}
          value={training.epochs}
          min={LIMITS.epochs.min}
          max={LIMITS.epochs.max}
          step={1}
          testId="epochs-input"
          problem={settingProblems.epochs}
          onChange={(epochs) => trainingActions.setEpochs(epochs)}
        />
        <NumberField
          label={t('settings.validationSplit')}
          value={training.validationSplit}
          min={LIMITS.validationSplit.min}
          max={LIMITS.validationSplit.max}
          step={0.05}
          testId="valsplit-input"
          problem={settingProblems.validationSplit}
          onChange={(validationSplit) => setTraining({ validationSplit })}
        />
        <NumberField
          label={t('settings.testSplit')}
          value={training.testSplit}
          min={LIMITS.testSplit.min}
          max={LIMITS.testSplit.max}
          step={0.05}
          testId="testsplit-input"
          problem={settingProblems.testSplit}
          onChange={(testSplit) => setTraining({ testSplit })}
        />
        <NumberField
          label={t('settings.seed')}
          value={training.seed}
          min={0}
          step={1}
          testId="seed-input"
          describedBy={seedHelpId}
          problem={settingProblems.seed}
          onChange={(seed) => setTraining({ seed })}
        />
        <SelectField
          label={t('settings.backend')}
          value={training.backend}
          options={BACKEND_CHOICES}
          labels={Object.fromEntries(BACKEND_CHOICES.map((b) => [b, t(`settings.backends.${b}`)]))}
          testId="backend-select"
          onChange={(backend) => setTraining({ backend })}
        />
      </div>
      {/* Under the grid rather than in the seed's cell, which it would stretch. */}
      <p className="hint" id={seedHelpId}>
        {t('settings.seedHelp')}
      </p>
      <details className="more-options" data-testid="more-options">
        <summary>{t('settings.more')}</summary>
        <AdvancedTraining />
      </details>
      {running && <p className="hint">{t('settings.nextTrain')}</p>}
    </section>
  );
}

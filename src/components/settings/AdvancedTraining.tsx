import { useId, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TRAINING_NS } from '../../i18n/training/namespace';
import '../../i18n/training/register';
import { SCHEDULES, type LrSchedule } from '../../models/schedules';
import {
  CLIPPING_KINDS,
  EARLY_STOP_METRICS,
  LIMITS,
  type EarlyStopping,
  type GradientClipping,
} from '../../models/trainingConfig';
import { useStore } from '../../state/store';
import { useAnalysis } from '../../state/useAnalysis';
import { NumberField } from '../NumberField';
import { SelectField } from '../SelectField';

/**
 * The training options a learner reaches for once a model learns: the optimizer's own settings,
 * a learning-rate schedule with warm-up, gradient clipping and early stopping. Each applies at the
 * next Train; each says in a line what it does. Loaded after the first paint.
 */
export function AdvancedTraining() {
  const { t } = useTranslation(TRAINING_NS);
  const training = useStore((s) => s.training);
  const setTraining = useStore((s) => s.setTraining);
  const { settingProblems: problems } = useAnalysis();
  const { schedule, clipping, earlyStopping } = training;
  const setSchedule = (patch: Partial<LrSchedule>) =>
    setTraining({ schedule: { ...schedule, ...patch } });
  const setClipping = (patch: Partial<GradientClipping>) =>
    setTraining({ clipping: { ...clipping, ...patch } });
  const setEarly = (patch: Partial<EarlyStopping>) =>
    setTraining({ earlyStopping: { ...earlyStopping, ...patch } });

  const decayField = (key: 'momentum' | 'beta1' | 'beta2' | 'rho') => (
    <NumberField
      key={key}
      label={t(`optimizer.${key}`)}
      value={training[key]}
      min={LIMITS.decay.min}
      max={LIMITS.decay.max}
      step="any"
      problem={problems[key]}
      onChange={(value) => setTraining({ [key]: value })}
    />
  );
  const epsilonField = (
    <NumberField
      key="epsilon"
      label={t('optimizer.epsilon')}
      value={training.epsilon}
      min={LIMITS.epsilon.min}
      max={LIMITS.epsilon.max}
      step="any"
      problem={problems.epsilon}
      onChange={(epsilon) => setTraining({ epsilon })}
    />
  );

  /** The settings of the chosen optimizer only. */
  function optimizerFields(): ReactNode {
    switch (training.optimizer) {
      case 'momentum':
        return (
          <>
            {decayField('momentum')}
            <Check
              label={t('optimizer.nesterov')}
              hint={t('optimizer.nesterovHelp')}
              checked={training.nesterov}
              onChange={(nesterov) => setTraining({ nesterov })}
            />
          </>
        );
      case 'adam':
        return [decayField('beta1'), decayField('beta2'), epsilonField];
      case 'adamw':
        return (
          <>
            {decayField('beta1')}
            {decayField('beta2')}
            {epsilonField}
            <NumberField
              label={t('optimizer.weightDecay')}
              value={training.weightDecay}
              min={LIMITS.weightDecay.min}
              max={LIMITS.weightDecay.max}
              step="any"
              problem={problems.weightDecay}
              onChange={(weightDecay) => setTraining({ weightDecay })}
            />
          </>
        );
      case 'rmsprop':
        return [decayField('rho'), epsilonField];
      case 'sgd':
      case 'adagrad':
        return <p className="hint span-all">{t('optimizer.none')}</p>;
    }
  }

  // Each setting shown, explained in a line.
  const shown: Record<
    typeof training.optimizer,
    ('momentum' | 'nesterov' | 'beta1' | 'beta2' | 'epsilon' | 'rho' | 'weightDecay')[]
  > = {
    sgd: [],
    adagrad: [],
    momentum: ['momentum', 'nesterov'],
    adam: ['beta1', 'beta2', 'epsilon'],
    adamw: ['beta1', 'beta2', 'epsilon', 'weightDecay'],
    rmsprop: ['rho', 'epsilon'],
  };
  const explained = shown[training.optimizer];

  return (
    <div className="advanced-training" data-testid="advanced-training">
      <Group
        title={t('optimizer.title')}
        hint={t(
          training.optimizer === 'momentum' ? 'optimizer.defaultsMomentum' : 'optimizer.defaults',
        )}
      >
        {optimizerFields()}
        {explained.length > 0 && (
          <ul className="hint option-help span-all">
            {explained.map((key) => (
              <li key={key}>
                <Trans
                  t={t}
                  i18nKey="optimizer.helpItem"
                  values={{ name: t(`optimizer.${key}`), help: t(`optimizer.${key}Help`) }}
                  components={{ b: <b /> }}
                />
              </li>
            ))}
          </ul>
        )}
      </Group>

      <Group title={t('schedule.title')} hint={t(`schedule.help.${schedule.kind}`)}>
        <SelectField
          label={t('schedule.kind')}
          value={schedule.kind}
          options={SCHEDULES}
          labels={Object.fromEntries(SCHEDULES.map((k) => [k, t(`schedule.kinds.${k}`)]))}
          onChange={(kind) => setSchedule({ kind })}
        />
        {(schedule.kind === 'step' || schedule.kind === 'exponential') && (
          <NumberField
            label={t('schedule.gamma')}
            value={schedule.gamma}
            min={LIMITS.gamma.min}
            max={LIMITS.gamma.max}
            step={0.05}
            problem={problems.schedule}
            onChange={(gamma) => setSchedule({ gamma })}
          />
        )}
        {schedule.kind === 'step' && (
          <NumberField
            label={t('schedule.stepEpochs')}
            value={schedule.stepEpochs}
            min={LIMITS.stepEpochs.min}
            max={LIMITS.stepEpochs.max}
            step={1}
            onChange={(stepEpochs) => setSchedule({ stepEpochs })}
          />
        )}
        {schedule.kind === 'cosine' && (
          <NumberField
            label={t('schedule.floor')}
            value={schedule.floor}
            min={LIMITS.floor.min}
            max={LIMITS.floor.max}
            step={0.05}
            problem={problems.schedule}
            onChange={(floor) => setSchedule({ floor })}
          />
        )}
        <NumberField
          label={t('schedule.warmupSteps')}
          value={schedule.warmupSteps}
          min={LIMITS.warmupSteps.min}
          max={LIMITS.warmupSteps.max}
          step={1}
          onChange={(warmupSteps) => setSchedule({ warmupSteps })}
        />
        <p className="hint span-all">{t('schedule.warmupHelp')}</p>
      </Group>

      <Group title={t('clipping.title')} hint={t(`clipping.help.${clipping.kind}`)}>
        <SelectField
          label={t('clipping.kind')}
          value={clipping.kind}
          options={CLIPPING_KINDS}
          labels={Object.fromEntries(CLIPPING_KINDS.map((k) => [k, t(`clipping.kinds.${k}`)]))}
          onChange={(kind) => setClipping({ kind })}
        />
        {clipping.kind !== 'none' && (
          <NumberField
            label={t('clipping.threshold')}
            value={clipping.threshold}
            min={LIMITS.clipThreshold.min}
            max={LIMITS.clipThreshold.max}
            step="any"
            problem={problems.clipping}
            onChange={(threshold) => setClipping({ threshold })}
          />
        )}
        <Check
          label={t('clipping.record')}
          hint={t('clipping.recordHelp')}
          checked={training.recordGradientNorm || clipping.kind !== 'none'}
          disabled={clipping.kind !== 'none'}
          onChange={(recordGradientNorm) => setTraining({ recordGradientNorm })}
        />
      </Group>

      <Group title={t('early.title')} hint={t('early.help')}>
        <Check
          label={t('early.enabled')}
          checked={earlyStopping.enabled}
          onChange={(enabled) => setEarly({ enabled })}
        />
        {earlyStopping.enabled && (
          <>
            <SelectField
              label={t('early.metric')}
              value={earlyStopping.metric}
              options={EARLY_STOP_METRICS}
              labels={Object.fromEntries(
                EARLY_STOP_METRICS.map((m) => [m, t(`early.metrics.${m}`)]),
              )}
              onChange={(metric) => setEarly({ metric })}
            />
            <NumberField
              label={t('early.patience')}
              value={earlyStopping.patience}
              min={LIMITS.patience.min}
              max={LIMITS.patience.max}
              step={1}
              problem={problems.earlyStopping}
              onChange={(patience) => setEarly({ patience })}
            />
            <NumberField
              label={t('early.minDelta')}
              value={earlyStopping.minDelta}
              min={LIMITS.minDelta.min}
              max={LIMITS.minDelta.max}
              step="any"
              onChange={(minDelta) => setEarly({ minDelta })}
            />
            <Check
              label={t('early.restoreBest')}
              checked={earlyStopping.restoreBest}
              onChange={(restoreBest) => setEarly({ restoreBest })}
            />
          </>
        )}
      </Group>
    </div>
  );
}

function Group({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="option-group">
      <legend>{title}</legend>
      <div className="settings-grid">{children}</div>
      <p className="hint">{hint}</p>
    </fieldset>
  );
}

function Check(props: {
  label: string;
  hint?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <label className="field check-field span-all" htmlFor={id} title={props.hint}>
      <span>
        <input
          id={id}
          type="checkbox"
          checked={props.checked}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.checked)}
        />{' '}
        {props.label}
      </span>
    </label>
  );
}

import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import { useStore } from '../state/store';

/** Counters for the current run: epoch, step, throughput and the latest metrics. */
export function RunStats() {
  const { t } = useTranslation();
  const format = useFormat();
  const last = useStore((s) => s.train.at(-1));
  const lastVal = useStore((s) => s.validation.at(-1));
  const epochs = useStore((s) => s.training.epochs);
  const dataInfo = useStore((s) => s.dataInfo);
  const test = useStore((s) => s.test);
  const none = t('common.none');
  const decimal = (value: number | null | undefined, digits: number) =>
    value === null || value === undefined || !Number.isFinite(value)
      ? none
      : format.decimal(value, digits);
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value)
      ? none
      : format.percent(value, 1);
  const epochShown = last
    ? Math.min(last.epoch + (last.step % (dataInfo?.stepsPerEpoch ?? 1) === 0 ? 0 : 1), epochs)
    : 0;
  return (
    <dl
      className="stats"
      aria-label={t('runStats.label')}
      data-testid="run-stats"
      data-tensors={last?.tensors ?? ''}
      data-gpu-bytes={last?.gpuBytes ?? ''}
      // Whole epochs trained: the bench times page open to the end of the first.
      data-epochs-done={last && dataInfo ? Math.floor(last.step / dataInfo.stepsPerEpoch) : 0}
    >
      <div>
        <dt>{t('runStats.epoch')}</dt>
        {/* Epoch and step stay plain numbers: tests and benchmarks read them. */}
        <dd data-testid="epoch-count">{t('runStats.epochOf', { epoch: epochShown, epochs })}</dd>
      </div>
      <div>
        <dt>{t('runStats.step')}</dt>
        <dd data-testid="step-count">{last?.step ?? 0}</dd>
      </div>
      <div>
        <dt>{t('runStats.samplesPerSec')}</dt>
        <dd data-testid="samples-per-sec">{last ? format.integer(last.samplesPerSec) : none}</dd>
      </div>
      <div>
        <dt>{t('runStats.loss')}</dt>
        <dd data-testid="last-loss">{decimal(last?.loss, 4)}</dd>
      </div>
      <div>
        <dt>{t('runStats.accuracy')}</dt>
        <dd data-testid="last-accuracy">{percent(last?.accuracy)}</dd>
      </div>
      <div>
        <dt>{t('runStats.valAccuracy')}</dt>
        <dd data-testid="last-val-accuracy">{percent(lastVal?.accuracy)}</dd>
      </div>
      {test && (
        <div title={t('runStats.testTitle', { count: test.count })}>
          <dt>{test.accuracy != null ? t('runStats.testAccuracy') : t('runStats.testLoss')}</dt>
          <dd data-testid="test-result">
            {test.accuracy != null ? percent(test.accuracy) : decimal(test.loss, 4)}
          </dd>
        </div>
      )}
      <div>
        <dt>{t('runStats.lrInUse')}</dt>
        {/* A schedule's rates have long decimals: three significant digits are what matter. */}
        <dd data-testid="lr-in-use">
          {last ? String(Number(last.learningRate.toPrecision(3))) : none}
        </dd>
      </div>
      {last?.gradientNorm != null && (
        <div>
          <dt>{t('runStats.gradNorm')}</dt>
          <dd data-testid="grad-norm">{decimal(last.gradientNorm, 3)}</dd>
        </div>
      )}
      {dataInfo && (
        <div>
          <dt>{t('runStats.samples')}</dt>
          <dd>
            {t('runStats.split', {
              train: format.integer(dataInfo.trainCount),
              validation: format.integer(dataInfo.validationCount),
              test: format.integer(dataInfo.testCount),
            })}
          </dd>
        </div>
      )}
    </dl>
  );
}

import { useStore } from '../state/store';

function fmt(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toFixed(digits);
}

/** Counters for the current run: epoch, step, throughput and the latest metrics. */
export function RunStats() {
  const last = useStore((s) => s.train.at(-1));
  const lastVal = useStore((s) => s.validation.at(-1));
  const epochs = useStore((s) => s.training.epochs);
  const dataInfo = useStore((s) => s.dataInfo);
  const test = useStore((s) => s.test);
  const epochShown = last
    ? Math.min(last.epoch + (last.step % (dataInfo?.stepsPerEpoch ?? 1) === 0 ? 0 : 1), epochs)
    : 0;
  return (
    <dl
      className="stats"
      aria-label="Run counters"
      data-testid="run-stats"
      data-tensors={last?.tensors ?? ''}
      data-gpu-bytes={last?.gpuBytes ?? ''}
    >
      <div>
        <dt>Epoch</dt>
        <dd data-testid="epoch-count">
          {epochShown} / {epochs}
        </dd>
      </div>
      <div>
        <dt>Step</dt>
        <dd data-testid="step-count">{last?.step ?? 0}</dd>
      </div>
      <div>
        <dt>Samples/s</dt>
        <dd data-testid="samples-per-sec">
          {last ? Math.round(last.samplesPerSec).toLocaleString('en-US') : '—'}
        </dd>
      </div>
      <div>
        <dt>Loss</dt>
        <dd data-testid="last-loss">{fmt(last?.loss, 4)}</dd>
      </div>
      <div>
        <dt>Accuracy</dt>
        <dd data-testid="last-accuracy">
          {last?.accuracy != null ? `${fmt(last.accuracy * 100, 1)} %` : '—'}
        </dd>
      </div>
      <div>
        <dt>Val. accuracy</dt>
        <dd data-testid="last-val-accuracy">
          {lastVal?.accuracy != null ? `${fmt(lastVal.accuracy * 100, 1)} %` : '—'}
        </dd>
      </div>
      {test && (
        <div
          title={`Measured once at the end, on ${test.count.toLocaleString('en-US')} held-out samples the model never trained or was tuned on.`}
        >
          <dt>Test {test.accuracy != null ? 'accuracy' : 'loss'}</dt>
          <dd data-testid="test-result">
            {test.accuracy != null ? `${fmt(test.accuracy * 100, 1)} %` : fmt(test.loss, 4)}
          </dd>
        </div>
      )}
      <div>
        <dt>LR in use</dt>
        <dd data-testid="lr-in-use">{last ? String(last.learningRate) : '—'}</dd>
      </div>
      {dataInfo && (
        <div>
          <dt>Samples</dt>
          <dd>
            {dataInfo.trainCount.toLocaleString('en-US')} train /{' '}
            {dataInfo.validationCount.toLocaleString('en-US')} val. /{' '}
            {dataInfo.testCount.toLocaleString('en-US')} test
          </dd>
        </div>
      )}
    </dl>
  );
}

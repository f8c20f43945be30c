import { useStore } from '../state/store';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' } as const;

/** Which tfjs backend runs, why, and what each candidate's check found. */
export function BackendStatus() {
  const report = useStore((s) => s.backend);
  if (!report) {
    return (
      <div className="backend" data-testid="backend">
        <span className="backend-name" data-testid="backend-name">
          Backend: not chosen yet
        </span>
      </div>
    );
  }
  return (
    <details className={`backend backend-${report.backend}`} data-testid="backend">
      <summary>
        <span className="backend-name" data-testid="backend-name" data-backend={report.backend}>
          {NAMES[report.backend]}
        </span>
        <span className="backend-reason" data-testid="backend-reason">
          {report.reason}
        </span>
      </summary>
      <ul className="probes">
        {report.probes.map((probe, i) => (
          <li key={`${probe.backend}-${i}`} className={probe.ok ? 'ok' : 'failed'}>
            {probe.ok ? '✓' : '✗'} {NAMES[probe.backend]}: {probe.detail}
            {probe.samplesPerSec !== undefined
              ? ` (${Math.round(probe.samplesPerSec)} samples/s)`
              : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

import { useStore } from '../../state/store';
import { useDatasetInfo } from '../../state/useAnalysis';
import { INTERVALS_MS, useProbeSettings } from '../internals/useProbeSettings';
import { ActivationsView } from './ActivationsView';
import { AttentionView } from './AttentionView';
import { BoundaryView } from './BoundaryView';
import { ConfusionView } from './ConfusionView';
import { GenerationView } from './GenerationView';
import { HistogramsView } from './HistogramsView';
import { ProjectionView } from './ProjectionView';
import { ViewSection } from './ViewSection';

/**
 * Inside the model, live: each view is a section that asks the worker for its data only while
 * open. Updates arrive a few times a second during training (the interval is adjustable) and can
 * be frozen to look closely.
 */
export function InternalsPanel() {
  const controls = useProbeSettings();
  const probe = useStore((s) => s.probe);
  const spec = useStore((s) => s.spec);
  const info = useDatasetInfo();
  const { settings } = controls;
  const hasAttention = spec.layers.some(
    (l) => l.kind === 'attention' || l.kind === 'transformerblock',
  );
  const planar =
    info.inputShape.length === 1 && (info.inputShape[0] === 2 || info.inputShape[0] === 1);
  const classes = info.task !== 'regression';
  return (
    <section className="panel internals" aria-labelledby="internals-title" data-testid="internals">
      <h2 id="internals-title">Inside the model</h2>
      <div className="row internals-controls">
        <label className="field">
          <span className="field-label">Update every</span>
          <select
            value={settings.intervalMs}
            data-testid="probe-interval"
            onChange={(e) => controls.setIntervalMs(Number(e.target.value))}
          >
            {INTERVALS_MS.map((ms) => (
              <option key={ms} value={ms}>
                {ms < 1000 ? `${ms} ms` : `${ms / 1000} s`}
              </option>
            ))}
          </select>
        </label>
        <label className="field-bool">
          <input
            type="checkbox"
            checked={settings.frozen}
            data-testid="probe-freeze"
            onChange={(e) => controls.setFrozen(e.target.checked)}
          />
          Freeze
        </label>
        {probe && (
          <span className="hint" data-testid="probe-step">
            as of step {probe.step}
          </span>
        )}
      </div>
      <ViewSection
        view="activations"
        title="Activations"
        hint="What every layer outputs for one sample. Pick a validation sample or draw your own."
        controls={controls}
      >
        <ActivationsView info={info} spec={spec} probe={probe} controls={controls} />
      </ViewSection>
      {info.kind === 'corpus' && (
        <ViewSection
          view="generation"
          title="Generated text"
          hint="The model continues a piece of real text (grey), one sampled character at a time: noise at first, then letters, words, punctuation."
          controls={controls}
        >
          <GenerationView probe={probe} />
        </ViewSection>
      )}
      {hasAttention && (
        <ViewSection
          view="attention"
          title="Attention maps"
          hint="softmax(QKᵀ/√d_k) for the sample: row i shows where position i looks. Watch a pattern form as the model learns."
          controls={controls}
        >
          <AttentionView probe={probe} />
        </ViewSection>
      )}
      {planar && (
        <ViewSection
          view="boundary"
          title={info.inputShape[0] === 2 ? 'Decision boundary' : 'Fitted curve'}
          hint={
            info.inputShape[0] === 2
              ? 'The model’s answer at every point of the plane, behind the training points; for small MLPs, each hidden neuron’s own map.'
              : 'The model’s output for every x, through the training points.'
          }
          controls={controls}
        >
          <BoundaryView info={info} probe={probe} />
        </ViewSection>
      )}
      {classes && (
        <ViewSection
          view="confusion"
          title="Errors: confusion matrix"
          hint="Rows are the true classes, columns what the model said: the diagonal is right, everything else a mistake."
          controls={controls}
        >
          <ConfusionView
            info={info}
            probe={probe}
            onShowSample={(index) => {
              controls.setSample({ kind: 'validation', index });
              controls.setOpen('activations', true);
            }}
          />
        </ViewSection>
      )}
      <ViewSection
        view="histograms"
        title="Weights and gradients"
        hint="Each layer's gradients over time: a spike at 0 in early layers means they learn slowly (vanishing gradients)."
        controls={controls}
      >
        <HistogramsView probe={probe} />
      </ViewSection>
      <ViewSection
        view="projection"
        title="Representation (PCA)"
        hint="Each validation sample as a point: the first two principal components of a layer's activations."
        controls={controls}
      >
        <ProjectionView info={info} spec={spec} probe={probe} controls={controls} />
      </ViewSection>
    </section>
  );
}

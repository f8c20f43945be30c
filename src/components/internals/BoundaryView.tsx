import { useMemo } from 'react';
import { useTextLanguage } from '../../i18n/useTextLanguage';
import { useTranslation } from 'react-i18next';
import { classesIn, type DatasetInfo } from '../../data/datasets';
import type { ProbeResult } from '../../shared/protocol';
import { DecisionBoundary } from '../canvas/DecisionBoundary';
import { NeuronMap } from '../canvas/NeuronMap';
import { ScatterPlot } from '../canvas/ScatterPlot';
import { NetworkDiagram } from './NetworkDiagram';

type Boundary = NonNullable<ProbeResult['boundary']>;

/** The model's output over the input plane behind the data (1-D: its curve through the data). */
export function BoundaryView({ info, probe }: { info: DatasetInfo; probe: ProbeResult | null }) {
  const { t } = useTranslation();
  const language = useTextLanguage();
  const boundary = probe?.boundary;
  if (!boundary) return <p className="hint">{t('boundary.noRun')}</p>;
  const { weights, neurons } = boundary;
  const units = weights.at(-1)?.units ?? 0;
  return (
    <>
      {info.inputShape[0] === 1 ? (
        <CurveView boundary={boundary} />
      ) : (
        <PlaneView info={info} boundary={boundary} />
      )}
      {weights.length > 0 && (
        <NetworkDiagram
          weights={weights}
          neurons={neurons}
          outputNames={info.classes.length === units ? classesIn(info, language) : []}
        />
      )}
    </>
  );
}

function PlaneView({ info, boundary }: { info: DatasetInfo; boundary: Boundary }) {
  const { t } = useTranslation();
  const language = useTextLanguage();
  const { size, domain, outputs, points, labels, neurons, weights } = boundary;
  const units = outputs.length / (size * size);
  // Two softmax units: p(class 1) is every second value; one sigmoid unit already is p(class 1).
  const probs = useMemo(
    () =>
      units === 2
        ? Float32Array.from({ length: size * size }, (_, i) => outputs[i * 2 + 1] ?? 0)
        : outputs,
    [outputs, units, size],
  );
  const bounds = useMemo(
    () => ({ x: [domain[0], domain[1]] as const, y: [domain[2], domain[3]] as const }),
    [domain],
  );
  return (
    <div className="boundary-view">
      <DecisionBoundary
        probs={probs}
        gridSize={size}
        numClasses={units === 1 ? 2 : units}
        domain={bounds}
        points={points}
        pointClasses={labels}
        classNames={classesIn(info, language)}
        size={260}
        label={t('boundary.planeLabel')}
        testId="decision-boundary"
      />
      {/* The network picture shows the same maps in place, with the weights between them. */}
      {weights.length === 0 &&
        neurons.map((layer) => (
          <figure key={layer.layer} className="neuron-maps">
            <figcaption>{t('boundary.neurons', { layer: layer.layer })}</figcaption>
            <div className="neuron-grid">
              {Array.from({ length: layer.units }, (_, u) => (
                <NeuronMap
                  key={u}
                  values={layer.maps.subarray(u * layer.size ** 2, (u + 1) * layer.size ** 2)}
                  gridSize={layer.size}
                  title={`${u + 1}`}
                  label={t('boundary.neuronLabel', { unit: u + 1, layer: layer.layer })}
                />
              ))}
            </div>
          </figure>
        ))}
    </div>
  );
}

function CurveView({ boundary }: { boundary: Boundary }) {
  const { t } = useTranslation();
  const { size, domain, outputs, points, labels } = boundary;
  // Data points (class 0) and the model's curve (class 1) in one scatter.
  const merged = useMemo(() => {
    const n = labels.length;
    const xy = new Float32Array((n + size) * 2);
    const classes = new Int32Array(n + size);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = points[i] ?? 0;
      xy[2 * i + 1] = labels[i] ?? 0;
    }
    for (let j = 0; j < size; j++) {
      xy[2 * (n + j)] = domain[0] + (j / (size - 1)) * (domain[1] - domain[0]);
      xy[2 * (n + j) + 1] = outputs[j] ?? 0;
      classes[n + j] = 1;
    }
    return { xy, classes };
  }, [points, labels, outputs, size, domain]);
  return (
    <ScatterPlot
      points={merged.xy}
      classes={merged.classes}
      classNames={[t('boundary.data'), t('boundary.model')]}
      size={260}
      label={t('boundary.curveLabel')}
      testId="regression-curve"
    />
  );
}

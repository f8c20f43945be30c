import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenseKernel, ProbeResult } from '../../shared/protocol';
import { NeuronMap } from '../canvas/NeuronMap';
import { useElementWidth } from '../canvas/useElementWidth';
import {
  fitsInDot,
  largestWeight,
  layoutNetwork,
  weightInk,
  type NetworkLayout,
} from './networkLayout';

/** Horizontal room kept for the names over the first and last columns, CSS pixels. */
const NAME_ROOM = 24;

type NeuronMaps = NonNullable<ProbeResult['boundary']>['neurons'];

interface Props {
  weights: DenseKernel[];
  /** Each hidden layer's neuron maps (2-D inputs); a layer without them is drawn as circles. */
  neurons: NeuronMaps;
  /** Names of the output units (the classes), or none for a regression. */
  outputNames: readonly string[];
}

/**
 * A small MLP drawn as in the classic playground: inputs, each hidden neuron (its map of the input
 * plane when there is one) and the outputs in columns, every weight a line whose colour is its
 * sign and whose thickness its size. Redrawn with each probe, so the lines change as it learns.
 */
export function NetworkDiagram({ weights, neurons, outputNames }: Props) {
  const { t } = useTranslation();
  const [ref, measured] = useElementWidth<HTMLElement>();
  // Room either side for the column names, which are centred on the outer columns.
  const width = Math.max(200, Math.min(measured, 640) - 2 * NAME_ROOM);
  const counts = useMemo(
    () => (weights.length > 0 ? [weights[0]?.inputs ?? 0, ...weights.map((w) => w.units)] : []),
    [weights],
  );
  const countsKey = counts.join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the counts
  const layout = useMemo(() => layoutNetwork(counts, width), [countsKey, width]);
  const mapsById = useMemo(() => new Map(neurons.map((n) => [n.layer, n])), [neurons]);
  const names = [t('network.inputs'), ...weights.map((w) => w.layer)];
  names[names.length - 1] = t('network.outputs');
  return (
    <figure className="network-diagram" ref={ref} data-testid="network-diagram">
      <figcaption>{t('network.title')}</figcaption>
      <div
        className="network-stage"
        role="img"
        aria-label={t('network.label', { sizes: counts.join('–') })}
        style={{ width: layout.width, height: layout.height + 18, marginInline: NAME_ROOM }}
      >
        <div className="network-columns" aria-hidden>
          {layout.columns.map((column, c) => (
            <span key={c} style={{ left: column.x }}>
              {names[c]}
            </span>
          ))}
        </div>
        <WeightLines weights={weights} layout={layout} />
        {layout.columns.map((column, c) => {
          const layer = c > 0 ? weights[c - 1]?.layer : undefined;
          const maps = layer === undefined ? undefined : mapsById.get(layer);
          return column.ys.map((y, i) => (
            <Neuron
              key={`${c}:${i}`}
              x={column.x}
              y={y}
              size={layout.nodeSize}
              label={neuronLabel(c, i)}
              map={maps?.maps.subarray(i * maps.size ** 2, (i + 1) * maps.size ** 2)}
              mapSize={maps?.size ?? 0}
            />
          ));
        })}
      </div>
      <p className="hint network-legend">{t('network.legend')}</p>
    </figure>
  );

  function neuronLabel(column: number, unit: number): string {
    if (column === 0) return counts[0] === 1 ? 'x' : `x${subscript(unit + 1)}`;
    if (column === counts.length - 1) return outputNames[unit] ?? `y${subscript(unit + 1)}`;
    return t('boundary.neuronLabel', { unit: unit + 1, layer: weights[column - 1]?.layer ?? '' });
  }
}

function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0x2080 + Number(d)));
}

function Neuron(props: {
  x: number;
  y: number;
  size: number;
  label: string;
  map: Float32Array | undefined;
  mapSize: number;
}) {
  const { x, y, size, label, map, mapSize } = props;
  const style = { left: x - size / 2, top: y - size / 2 + 18, width: size, height: size };
  if (map && mapSize > 0) {
    return (
      <div className="network-neuron" style={style} title={label}>
        <NeuronMap values={map} gridSize={mapSize} size={size} label={label} />
      </div>
    );
  }
  return (
    <div className="network-neuron network-dot" style={style} title={label}>
      {fitsInDot(label, size) ? label : null}
    </div>
  );
}

/** Every weight as a line from the right edge of its input neuron to the left edge of its unit. */
const WeightLines = memo(function WeightLines({
  weights,
  layout,
}: {
  weights: DenseKernel[];
  layout: NetworkLayout;
}) {
  const maxAbs = largestWeight(weights.map((w) => w.kernel));
  const half = layout.nodeSize / 2;
  return (
    <svg
      className="network-lines"
      width={layout.width}
      height={layout.height}
      style={{ top: 18 }}
      aria-hidden
    >
      {weights.flatMap(({ layer, inputs, units, kernel }, c) => {
        const from = layout.columns[c];
        const to = layout.columns[c + 1];
        if (!from || !to) return [];
        const lines = [];
        for (let i = 0; i < inputs; i++) {
          for (let u = 0; u < units; u++) {
            const weight = kernel[i * units + u] ?? 0; // kernel is [inputs, units]
            const ink = weightInk(weight, maxAbs);
            lines.push(
              <line
                key={`${layer}:${i}:${u}`}
                data-testid="weight-line"
                data-weight={weight.toPrecision(3)}
                x1={from.x + half}
                y1={from.ys[i]}
                x2={to.x - half}
                y2={to.ys[u]}
                stroke={ink.colour}
                strokeWidth={ink.width}
              />,
            );
          }
        }
        return lines;
      })}
    </svg>
  );
});

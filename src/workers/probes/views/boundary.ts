/**
 * 2-D inputs: the model's output over a grid (the decision boundary) and, for small MLPs, each
 * hidden neuron's over a coarser one. 1-D inputs: the model's curve.
 */
import * as tf from '@tensorflow/tfjs';
import { cut, type Slot } from '../packer';
import { domainOf, gridPoints } from '../probeGeometry';
import { BOUNDARY_GRID, BOUNDARY_POINTS, CURVE_POINTS, NEURON_GRID } from '../probeLimits';
import type { DeviceCycle, PartOf, ProbeView } from './types';

type Domain = PartOf<'boundary'>['domain'];

interface Packed {
  domain: Domain;
  /** Grid side, or points along the curve. */
  size: number;
  outputs: Slot;
  neurons: { layer: string; units: number; slot: Slot }[];
  weights: { layer: string; inputs: number; units: number; slot: Slot }[];
}

/** Small MLPs: every Dense kernel, [inputs, units], read back with the rest of the cycle. */
function kernels({ models, packer }: DeviceCycle): Packed['weights'] {
  return (models.neurons?.dense ?? []).flatMap(({ id, layer }) => {
    const kernel = layer.getWeights()[0];
    if (!kernel || kernel.rank !== 2) return [];
    const [inputs = 0, units = 0] = kernel.shape;
    return [{ layer: id, inputs, units, slot: packer.add(kernel) }];
  });
}

/** Each hidden neuron's output over the coarse grid, [units, grid] per layer. */
function neuronMaps({ models, packer }: DeviceCycle, domain: Domain): Packed['neurons'] {
  const neurons = models.neurons;
  if (!neurons) return [];
  const coarse = tf.tensor2d(gridPoints(domain, NEURON_GRID), [NEURON_GRID ** 2, 2]);
  const outs = neurons.model.apply(coarse, { training: false });
  return ((Array.isArray(outs) ? outs : [outs]) as tf.Tensor[]).map((out, i) => ({
    layer: neurons.ids[i] ?? '',
    units: out.shape.at(-1) ?? 1,
    // [grid, units] -> [units, grid]: one map per neuron.
    slot: packer.add(out.transpose()),
  }));
}

export const boundary: ProbeView<'boundary', Packed> = {
  part: 'boundary',
  wanted: (views) => views.boundary,
  compute(cycle) {
    const { run, packer, perSample, inputShape } = cycle;
    if ((perSample !== 2 && perSample !== 1) || inputShape.length !== 1) return null;
    const domain = domainOf(run.data.train, perSample);
    if (perSample === 2) {
      const grid = tf.tensor2d(gridPoints(domain, BOUNDARY_GRID), [BOUNDARY_GRID ** 2, 2]);
      const outputs = packer.add(run.model.apply(grid, { training: false }) as tf.Tensor);
      const neurons = neuronMaps(cycle, domain);
      return { domain, size: BOUNDARY_GRID, outputs, neurons, weights: kernels(cycle) };
    }
    const [x0, x1] = domain;
    const xs = tf.linspace(x0, x1, CURVE_POINTS).reshape([CURVE_POINTS, 1]);
    const outputs = packer.add(run.model.apply(xs, { training: false }) as tf.Tensor);
    return { domain, size: CURVE_POINTS, outputs, neurons: [], weights: kernels(cycle) };
  },
  unpack(flat, packed, { run, perSample }) {
    const train = run.data.train;
    const shown = Math.min(BOUNDARY_POINTS, train.count);
    return {
      size: packed.size,
      domain: packed.domain,
      outputs: cut(flat, packed.outputs),
      neurons: packed.neurons.map((n) => ({
        layer: n.layer,
        units: n.units,
        size: NEURON_GRID,
        maps: cut(flat, n.slot),
      })),
      weights: packed.weights.map(({ slot, ...w }) => ({ ...w, kernel: cut(flat, slot) })),
      points: train.x.slice(0, shown * perSample),
      labels: train.y.slice(0, shown),
    };
  },
};

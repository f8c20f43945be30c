/**
 * One probe cycle: everything the open views need, computed on the device in one tidy, packed into
 * one flat tensor and read back with a single `await data()`; then split into typed arrays for the
 * UI. The probe models share the training model's weights (no copies, no second training graph).
 */
import * as tf from '@tensorflow/tfjs';
import { evenlySpaced } from '../../models/evaluation/downsample';
import type { Split } from '../batches';
import type { Run } from '../run';
import type { ProbeResult, ProbeSettings } from '../../shared/protocol';
import { encodeText } from './encodeText';
import { GENERATED_CHARACTERS, GENERATION_TEMPERATURE, sampleCharacters } from './generateText';
import { downsampleActivation, HISTOGRAM_BINS, symmetricHistogram } from './gpuStats';
import { domainOf, gridPoints, inBatches, wholeBatches } from './probeGeometry';
import { Packer, type Slot } from './packer';
import {
  BOUNDARY_GRID,
  CONFUSION_SAMPLES,
  CURVE_POINTS,
  NEURON_GRID,
  PROJECTION_SAMPLES,
} from './probeLimits';
import { asList, probeModels } from './probeModels';
import { unpack } from './unpackProbes';

export * from './probeLimits';

/** The validation split, or the training split when there is none. */
function validationOf(run: Run): Split {
  return run.trainer.validation ?? run.trainer.train;
}

/** Class ids from model outputs: argmax, or a threshold at 0.5 for one sigmoid unit. */
function predictedIds(output: tf.Tensor): tf.Tensor {
  const units = output.shape.at(-1) ?? 1;
  return units === 1
    ? tf.greater(output, 0.5).toInt().reshape([-1])
    : tf.argMax(output, -1).reshape([-1]);
}

export async function computeProbes(run: Run, settings: ProbeSettings): Promise<ProbeResult> {
  const { views, sample } = settings;
  const info = run.request.datasetInfo;
  const inputShape = [...info.inputShape];
  const perSample = inputShape.reduce((a, b) => a * b, 1);
  const models = probeModels(run);
  const validation = validationOf(run);
  const step = run.trainer.step;
  const packer = new Packer();
  const slots: Record<string, Slot> = {};
  const layerSlots: { id: string; shape: number[]; fullShape: number[]; slot: Slot }[] = [];
  const attentionSlots: { layer: string; heads: number; length: number; slot: Slot }[] = [];
  const histogramSlots: { weight: string; slot: Slot }[] = [];
  const neuronSlots: { layer: string; units: number; slot: Slot }[] = [];
  let sampleX: Float32Array | null = null;
  let sampleIndex: number | null = null;
  let domain: [number, number, number, number] | null = null;
  let boundarySide = 0;
  let confusionCount = 0;
  let projection: { id: string; rows: number; columns: number } | null = null;
  let filters: { layer: string; shape: [number, number, number] } | null = null;
  let generation: Float32Array | null = null;
  const gradStats = views.histograms ? run.trainer.takeGradientStats() : null;
  const batch = run.request.training.batchSize;

  tf.tidy(() => {
    if (views.activations || views.attention) {
      if (sample.kind === 'custom' && sample.x.length === perSample) {
        sampleX = sample.x;
      } else if (sample.kind === 'text' && info.kind === 'text') {
        sampleX = encodeText(run, sample.text, perSample);
      } else if (validation.data.count > 0) {
        sampleIndex = Math.min(
          Math.max(0, sample.kind === 'validation' ? sample.index : 0),
          validation.data.count - 1,
        );
        sampleX = validation.data.x.slice(sampleIndex * perSample, (sampleIndex + 1) * perSample);
      }
      if (sampleX) {
        const outputs = asList(
          models.sample.apply(tf.tensor(sampleX, [1, ...inputShape]), { training: false }),
        );
        slots.output = packer.add(outputs[models.outputIndex] as tf.Tensor);
        if (views.activations) {
          models.layerIds.forEach((id, i) => {
            const full = outputs[models.layerIndex[i] ?? -1] as tf.Tensor;
            const { shape, values } = downsampleActivation(full);
            layerSlots.push({
              id,
              shape,
              fullShape: full.shape.slice(1) as number[],
              slot: packer.add(values),
            });
          });
        }
        if (views.attention) {
          models.attentionNames.forEach((layer, i) => {
            const maps = outputs[models.attentionIndex[i] ?? -1] as tf.Tensor; // [1, heads, T, T]
            const [, heads = 1, length = 1] = maps.shape;
            attentionSlots.push({ layer, heads, length, slot: packer.add(maps) });
          });
        }
      }
    }
    if (views.boundary && (perSample === 2 || perSample === 1) && inputShape.length === 1) {
      domain = domainOf(run.data.train, perSample);
      if (perSample === 2) {
        boundarySide = BOUNDARY_GRID;
        const grid = tf.tensor2d(gridPoints(domain, BOUNDARY_GRID), [BOUNDARY_GRID ** 2, 2]);
        slots.boundary = packer.add(run.model.apply(grid, { training: false }) as tf.Tensor);
        if (models.neurons) {
          const coarse = tf.tensor2d(gridPoints(domain, NEURON_GRID), [NEURON_GRID ** 2, 2]);
          const outs = models.neurons.model.apply(coarse, { training: false });
          ((Array.isArray(outs) ? outs : [outs]) as tf.Tensor[]).forEach((out, i) => {
            const units = out.shape.at(-1) ?? 1;
            // [grid, units] -> [units, grid]: one map per neuron.
            neuronSlots.push({
              layer: models.neurons?.ids[i] ?? '',
              units,
              slot: packer.add(out.transpose()),
            });
          });
        }
      } else {
        boundarySide = CURVE_POINTS;
        const [x0, x1] = domain;
        const xs = tf.linspace(x0, x1, CURVE_POINTS).reshape([CURVE_POINTS, 1]);
        slots.boundary = packer.add(run.model.apply(xs, { training: false }) as tf.Tensor);
      }
    }
    if (views.confusion && info.task !== 'regression' && validation.data.count > 0) {
      confusionCount = wholeBatches(Math.min(CONFUSION_SAMPLES, validation.data.count), batch);
      slots.confusion = packer.add(
        inBatches(validation, confusionCount, batch, (xb) =>
          predictedIds(run.model.apply(xb, { training: false }) as tf.Tensor),
        ),
      );
    }
    if (views.histograms) {
      for (const weight of run.model.trainableWeights) {
        histogramSlots.push({
          weight: weight.name,
          slot: packer.add(symmetricHistogram(weight.read(), HISTOGRAM_BINS)),
        });
      }
      if (gradStats) slots.grads = packer.add(gradStats);
      // The first convolution's filters, for its first input channel: what its kernels look for.
      const conv = run.model.layers.find((l) => l.getClassName() === 'Conv2D');
      const kernel = conv?.getWeights()[0]; // [kh, kw, in, filters]
      if (conv && kernel && kernel.rank === 4) {
        const [kh = 1, kw = 1, , count = 1] = kernel.shape;
        slots.filters = packer.add(kernel.slice([0, 0, 0, 0], [kh, kw, 1, count]));
        filters = { layer: conv.name, shape: [kh, kw, count] };
      }
    }
    if (views.projection && validation.data.count > 1) {
      const ids = models.layerIds;
      const id =
        settings.projectionLayer && ids.includes(settings.projectionLayer)
          ? settings.projectionLayer
          : (ids.at(-2) ?? ids.at(-1));
      const index = id === undefined ? -1 : ids.indexOf(id);
      if (id !== undefined && index >= 0) {
        const rows = wholeBatches(Math.min(PROJECTION_SAMPLES, validation.data.count), batch);
        const features = inBatches(validation, rows, batch, (xb) => {
          const outputs = asList(models.sample.apply(xb, { training: false }));
          const layerOut = outputs[models.layerIndex[index] ?? -1] as tf.Tensor;
          return layerOut.reshape([xb.shape[0] ?? 1, -1]); // [batch, d]
        }); // [rows, d]
        const d = features.shape[1] ?? 1;
        // At most 256 evenly spaced features: PCA stays quick and the readback small.
        const keep = Math.min(d, 256);
        const columns = tf.tensor1d(evenlySpaced(d, keep), 'int32');
        slots.projection = packer.add(tf.gather(features, columns, 1));
        projection = { id, rows, columns: keep };
      }
    }
    if (views.generation && info.kind === 'corpus' && validation.data.count > 0) {
      // A different window of real text each cycle, so the samples do not all start alike.
      const pick = step % validation.data.count;
      generation = validation.data.x.slice(pick * perSample, (pick + 1) * perSample);
      slots.generation = packer.add(
        sampleCharacters(run.model, generation, GENERATED_CHARACTERS, GENERATION_TEMPERATURE, step),
      );
    }
    if (packer.parts.length > 0) {
      const flat = tf.concat(packer.parts);
      packer.parts.length = 0;
      packer.parts.push(tf.keep(flat));
    }
  });
  gradStats?.dispose();
  // Asks the next training step for fresh gradient histograms.
  if (views.histograms) run.trainer.requestGradientStats();

  const packed = packer.parts[0];
  const flat = packed ? ((await packed.data()) as Float32Array) : new Float32Array(0);
  packed?.dispose();
  return unpack(run, settings, flat, {
    step,
    slots,
    layerSlots,
    attentionSlots,
    histogramSlots,
    neuronSlots,
    sampleX,
    sampleIndex,
    domain,
    boundarySide,
    confusionCount,
    projection,
    filters,
    generationPrompt: generation,
    validation: validation.data,
  });
}

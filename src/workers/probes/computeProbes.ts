/**
 * One probe cycle: every registered view the open views need (viewRegistry.ts) adds what it must
 * read back, computed on the device in one tidy and packed into one flat tensor read with a single
 * `await data()`; then each view cuts its typed arrays for the UI from it. The probe models share
 * the training model's weights (no copies, no second training graph).
 */
import * as tf from '@tensorflow/tfjs';
import type { ProbeResult, ProbeSettings } from '../../shared/protocol';
import type { ProbedRun } from '../run';
import { Packer } from './packer';
import { probeModels } from './probeModels';
import { runSample } from './sampleForward';
import { PROBE_VIEWS } from './viewRegistry';
import type { DeviceCycle, ProbeCycle, ProbePart, ProbeView, SampleForward } from './views/types';

export * from './probeLimits';

/** A view's CPU half, waiting for the readback: writes its part into the result. */
type Unpacker = (flat: Float32Array, result: ProbeResult) => void;

function cycleOf(run: ProbedRun, settings: ProbeSettings): ProbeCycle {
  const info = run.request.datasetInfo;
  const inputShape = [...info.inputShape];
  const vocabulary = run.data.tokens ?? (info.inputIsTokens ? info.classes : null);
  return {
    run,
    settings,
    info,
    inputShape,
    perSample: inputShape.reduce((a, b) => a * b, 1),
    // No validation split (split 0): the views show training samples, and say so (samplesFrom).
    validation: run.trainer.validation ?? run.trainer.train,
    step: run.trainer.step,
    batchSize: run.request.training.batchSize,
    tokens: vocabulary ? [...vocabulary] : null,
  };
}

/** Runs a view's device half; returns its CPU half, or null when it has nothing to show. */
function computeView<K extends ProbePart>(view: ProbeView<K>, cycle: DeviceCycle): Unpacker | null {
  const packed = view.compute(cycle);
  if (packed === null) return null;
  return (flat, result) => {
    const part = view.unpack(flat, packed, cycle);
    if (part !== null) result[view.part] = part;
  };
}

export async function computeProbes(run: ProbedRun, settings: ProbeSettings): Promise<ProbeResult> {
  const cycle = cycleOf(run, settings);
  const models = probeModels(run);
  const packer = new Packer();
  let forward: SampleForward | null | undefined;
  const device: DeviceCycle = {
    ...cycle,
    models,
    packer,
    sample: () => (forward === undefined ? (forward = runSample(cycle, models)) : forward),
  };
  const unpackers: Unpacker[] = [];

  tf.tidy(() => {
    for (const view of Object.values(PROBE_VIEWS)) {
      if (!view.wanted(settings.views)) continue;
      const unpacker = computeView(view, device);
      if (unpacker) unpackers.push(unpacker);
    }
    if (packer.parts.length > 0) {
      const flat = tf.concat(packer.parts);
      packer.parts.length = 0;
      packer.parts.push(tf.keep(flat));
    }
  });

  const packed = packer.parts[0];
  const flat = packed ? ((await packed.data()) as Float32Array) : new Float32Array(0);
  packed?.dispose();
  const result: ProbeResult = {
    step: cycle.step,
    rewound: settings.rewind !== null,
    samplesFrom: run.trainer.validation ? 'validation' : 'training',
  };
  for (const unpack of unpackers) unpack(flat, result);
  return result;
}

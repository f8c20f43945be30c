// Computes one training step's gradients for every GRADIENT_CASES model on the cpu backend and on
// each requested backend, from identical weights and data, and reports the largest relative error.
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs';
import { createRandom } from '../../src/data/random';
import { buildModel } from '../../src/models/builder';
import { computeLoss } from '../../src/models/losses';
import { GRADIENT_CASES, type GradientCase } from './gradientCases';

export interface GradientRow {
  name: string;
  backend: string;
  /** max |g - g_cpu| / max |g_cpu| over every weight's gradient. */
  relativeError: number;
  /** The weight whose gradient differs most. */
  worstWeight?: string;
  weights: number;
  ms: number;
  error?: string;
}
export interface GradientReport {
  rows: GradientRow[];
}

const BATCH = 4;
const CLASSES = 3;

function inputs(c: GradientCase): { x: Float32Array; y: Float32Array } {
  const random = createRandom(7);
  const size = BATCH * c.inputShape.reduce((a, b) => a * b, 1);
  const x = Float32Array.from({ length: size }, () =>
    c.vocab ? Math.floor(random() * c.vocab) : random() * 2 - 1,
  );
  const y = new Float32Array(BATCH * CLASSES);
  for (let i = 0; i < BATCH; i++) y[i * CLASSES + (i % CLASSES)] = 1;
  return { x, y };
}

/** Gradients of the mean cross-entropy w.r.t. every trainable weight, as plain arrays. */
async function gradients(c: GradientCase, weights: Float32Array[] | null) {
  const model = buildModel({ version: 1, layers: c.layers }, c.inputShape, 3);
  if (weights) model.setWeights(weights.map((w, i) => tf.tensor(w, model.getWeights()[i]!.shape)));
  const values = await Promise.all(
    model.getWeights().map((w) => w.data() as Promise<Float32Array>),
  );
  const { x, y } = inputs(c);
  const xs = tf.tensor(x, [BATCH, ...c.inputShape]);
  const ys = tf.tensor(y, [BATCH, CLASSES]);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const names = model.trainableWeights.map((w) => w.originalName);
  const { grads } = tf.variableGrads(
    () =>
      computeLoss('categoricalCrossentropy', ys, model.apply(xs, { training: true }) as tf.Tensor),
    variables,
  );
  const out = await Promise.all(
    variables.map((v) => grads[v.name]!.data() as Promise<Float32Array>),
  );
  tf.dispose([xs, ys, ...Object.values(grads)]);
  model.dispose();
  return { values, grads: out, names };
}

function maxAbs(values: Float32Array): number {
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/**
 * The worst, over weights, of max |g - g_cpu| divided by the weight's own gradient scale. Some
 * gradients are zero in exact arithmetic (a bias before BatchNorm; the key bias in attention, since
 * adding a constant to every logit leaves softmax unchanged), so the scale never goes below 1e-2 of
 * the largest gradient in the model: rounding noise there is not a mismatch.
 */
function relativeError(a: Float32Array[], b: Float32Array[], names: string[]) {
  const floor = 1e-2 * Math.max(...b.map(maxAbs));
  let worst = { error: 0, weight: '' };
  a.forEach((ga, i) => {
    const gb = b[i]!;
    let diff = 0;
    for (let j = 0; j < ga.length; j++) diff = Math.max(diff, Math.abs(ga[j]! - gb[j]!));
    const error = diff / Math.max(maxAbs(gb), floor, 1e-12);
    if (error > worst.error) worst = { error, weight: names[i] ?? String(i) };
  });
  return worst;
}

self.onmessage = async (event: MessageEvent<{ backends: string[]; only?: string[] }>) => {
  const rows: GradientRow[] = [];
  try {
    const cases = GRADIENT_CASES.filter(
      (c) => !event.data.only || event.data.only.includes(c.name),
    );
    for (const c of cases) {
      await tf.setBackend('cpu');
      const reference = await gradients(c, null);
      for (const backend of event.data.backends) {
        const started = performance.now();
        try {
          if (!(await tf.setBackend(backend))) throw new Error(`${backend} is not available`);
          const result = await gradients(c, reference.values);
          const worst = relativeError(result.grads, reference.grads, result.names);
          rows.push({
            name: c.name,
            backend,
            relativeError: worst.error,
            worstWeight: worst.weight,
            weights: result.grads.length,
            ms: Math.round(performance.now() - started),
          });
        } catch (error) {
          rows.push({
            name: c.name,
            backend,
            relativeError: NaN,
            weights: 0,
            ms: Math.round(performance.now() - started),
            error: String(error),
          });
        }
      }
    }
    self.postMessage({ rows } satisfies GradientReport);
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};

/**
 * A trained model as bytes: its weights and its optimizer's state in the tfjs layers format
 * (optimizer weights are weight specs with group "optimizer", as tfjs's own `includeOptimizer`
 * writes them), plus where training stood. Captured between two steps, restored into a model
 * freshly built from the same design so that the next step is the step that would have come next.
 */
import { message, type Message } from '../../shared/messages/message';
import * as tf from '@tensorflow/tfjs';
import type { Trainer } from '../trainer';
import { throwMessage } from '../../shared/messages/messageError';

/** tfjs's weight spec, as it appears in a model.json weightsManifest. */
export type WeightSpec = tf.io.WeightsManifestEntry;

export interface ModelBundle {
  /** The tfjs layers topology (model.json's modelTopology). */
  modelTopology: object;
  /** Model weights first, then the optimizer's (group "optimizer"), in weightData's byte order. */
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
  /** Steps done when it was captured; the shuffle order and epoch follow from it. */
  step: number;
  epoch: number;
  /** The optimizer's class name, so a different optimizer is not fed foreign state. */
  optimizerClass: string;
}

/** Copies of a model's weights and optimizer state at one step, on the device, not yet read. */
export interface ModelSnapshot {
  modelWeights: { name: string; tensor: tf.Tensor }[];
  optimizerWeights: { name: string; tensor: tf.Tensor }[];
  step: number;
  epoch: number;
  topology: object;
  optimizerClass: string;
}

/**
 * Copies weights and optimizer state on the device. It awaits only microtasks, so the caller can
 * await it between two steps and the next step cannot start before the copies are taken.
 */
export async function snapshotModel(
  model: tf.LayersModel,
  trainer: Trainer,
): Promise<ModelSnapshot> {
  const step = trainer.step;
  const epoch = trainer.epoch;
  const optimizerWeights = await trainer.optimizer.getWeights();
  if (trainer.step !== step) throw new Error('The model stepped while it was being copied.');
  const modelWeights: { name: string; tensor: tf.Tensor }[] = tf.tidy(() =>
    model.weights.map((w) => ({ name: w.originalName, tensor: w.read().clone() })),
  );
  const optimizerCopies = optimizerWeights.map((w) => ({ name: w.name, tensor: w.tensor.clone() }));
  // getWeights' iteration count is a fresh scalar that nothing else owns.
  optimizerWeights[0]?.tensor.dispose();
  return {
    modelWeights,
    optimizerWeights: optimizerCopies,
    step,
    epoch,
    topology: model.toJSON(null, false) as object,
    optimizerClass: trainer.optimizer.getClassName(),
  };
}

/** Reads a snapshot back (asynchronously) into bytes, and frees its copies. */
export async function encodeSnapshot(snapshot: ModelSnapshot): Promise<ModelBundle> {
  const { modelWeights, optimizerWeights } = snapshot;
  try {
    const encodedModel = await tf.io.encodeWeights(modelWeights);
    const encodedOptimizer = await tf.io.encodeWeights(optimizerWeights, 'optimizer');
    return {
      modelTopology: snapshot.topology,
      weightSpecs: [...encodedModel.specs, ...encodedOptimizer.specs],
      weightData: concatBuffers([
        toArrayBuffer(encodedModel.data),
        toArrayBuffer(encodedOptimizer.data),
      ]),
      step: snapshot.step,
      epoch: snapshot.epoch,
      optimizerClass: snapshot.optimizerClass,
    };
  } finally {
    disposeSnapshot(snapshot);
  }
}

/** Frees a snapshot's device copies without reading them (one that is no longer wanted). */
export function disposeSnapshot(snapshot: ModelSnapshot): void {
  for (const { tensor } of [...snapshot.modelWeights, ...snapshot.optimizerWeights]) {
    tensor.dispose();
  }
}

/**
 * Captures weights and optimizer state: copied on the device at once (see snapshotModel), then
 * read back asynchronously, so a running model can be saved without pausing it.
 */
export async function captureModel(model: tf.LayersModel, trainer: Trainer): Promise<ModelBundle> {
  return encodeSnapshot(await snapshotModel(model, trainer));
}

/**
 * Puts saved weights into `model` (matched by name: a design rebuilt from the same spec names its
 * layers the same way) and the optimizer state into the trainer's optimizer. Throws, naming the
 * weight, when the file does not fit the model; the model is unchanged then. Returns notes about
 * what could not be restored (e.g. optimizer state for a different optimizer).
 */
export async function restoreModel(
  model: tf.LayersModel,
  trainer: Trainer,
  bundle: ModelBundle,
): Promise<Message[]> {
  const notes: Message[] = [];
  const decoded = tf.io.decodeWeights(bundle.weightData, bundle.weightSpecs);
  const optimizerNames = bundle.weightSpecs
    .filter((s) => s.group === 'optimizer')
    .map((s) => s.name);
  try {
    model.setWeights(weightsFor(model, decoded));
    if (optimizerNames.length === 0) {
      notes.push(message('worker.noOptimizerState'));
    } else if (bundle.optimizerClass !== trainer.optimizer.getClassName()) {
      notes.push(
        message('worker.otherOptimizer', {
          saved: bundle.optimizerClass,
          current: trainer.optimizer.getClassName(),
        }),
      );
    } else {
      const state = optimizerNames.map((name) => ({ name, tensor: decoded[name] as tf.Tensor }));
      await trainer.optimizer.setWeights(state);
    }
    trainer.restoreProgress(bundle.step);
  } finally {
    // setWeights copies model weights; the optimizer's new variables hold their own references.
    tf.dispose(Object.values(decoded));
  }
  return notes;
}

/**
 * The decoded tensors for each of the model's weights, in its order, matched by original name
 * (a rebuilt model's variables get fresh unique names); throws, naming the weight, when one is
 * missing or has another shape.
 */
export function weightsFor(model: tf.LayersModel, decoded: tf.NamedTensorMap): tf.Tensor[] {
  return model.weights.map((w) => {
    const saved = decoded[w.originalName];
    if (!saved) throwMessage('worker.weightMissing', { name: w.originalName });
    if (!sameShape(saved.shape, w.shape)) {
      throwMessage('worker.weightShape', {
        name: w.originalName,
        saved: `[${saved.shape.join(', ')}]`,
        model: `[${w.shape.join(', ')}]`,
      });
    }
    return saved;
  });
}

function sameShape(a: readonly number[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function toArrayBuffer(data: ArrayBuffer | ArrayBuffer[]): ArrayBuffer {
  return Array.isArray(data) ? concatBuffers(data) : data;
}

export function concatBuffers(buffers: readonly ArrayBuffer[]): ArrayBuffer {
  const total = buffers.reduce((sum, b) => sum + b.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), offset);
    offset += b.byteLength;
  }
  return out.buffer;
}

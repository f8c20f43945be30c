/**
 * A backend that lacks a kernel the model's training step needs fails as a whole: tfjs has no
 * per-operation fallback. Its error ("Kernel 'X' not registered for backend 'y'") is turned into a
 * sentence that names the operation and says this model needs it, so the backend status explains
 * why the backend was passed over (WASM 4.22 has neither a convolution's filter gradient nor an
 * Embedding's).
 *
 * The gaps LayerLab knows are checked before the step (`lackingTrainingKernel`): a step that fails
 * in its backward pass leaves the tensors tfjs saved for it behind (they are kept outside every
 * scope), and a backend's registry answers the question without running anything.
 */
import * as tf from '@tensorflow/tfjs';
import { message, type Message } from '../../shared/messages/message';
import type { MessageKey } from '../../shared/messages/messageKeys';
import type { BackendName } from '../../models/trainingConfig';
import { BACKEND_LABELS } from './backendChoice';

/** tfjs-core's own words (engine.ts, `runKernel`). */
const NOT_REGISTERED = /Kernel '(\w+)' not registered for backend '(\w+)'/;

/** What a student's model uses each missing kernel for, where LayerLab knows it. */
const USES: Readonly<Record<string, MessageKey>> = {
  Conv2DBackpropFilter: 'worker.backend.kernelUse.conv2dBackpropFilter',
  UnsortedSegmentSum: 'worker.backend.kernelUse.unsortedSegmentSum',
};

/** tfjs layer classes whose gradient needs a kernel some backend lacks. */
const TRAINING_KERNELS: Readonly<Record<string, string>> = {
  Conv2D: 'Conv2DBackpropFilter',
  Embedding: 'UnsortedSegmentSum',
};

/** The first kernel the model's training step needs that `backend` has not registered, or null. */
export function lackingTrainingKernel(model: tf.LayersModel, backend: BackendName): string | null {
  for (const layer of model.layers) {
    const kernel = TRAINING_KERNELS[layer.getClassName()];
    if (kernel && layer.trainable && !tf.getKernel(kernel, backend)) return kernel;
  }
  return null;
}

/** The missing kernel's name when `error` is tfjs's "not registered" error, else null. */
export function missingKernelName(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  return NOT_REGISTERED.exec(text)?.[1] ?? null;
}

/** "this model needs tfjs's X operation (…) to train, which the WASM backend does not have". */
export function describeMissingKernel(kernel: string, backend: BackendName): Message {
  const use = USES[kernel];
  const backendLabel = BACKEND_LABELS[backend];
  return use
    ? message('worker.backend.missingKernelFor', {
        kernel,
        use: message(use),
        backend: backendLabel,
      })
    : message('worker.backend.missingKernel', { kernel, backend: backendLabel });
}

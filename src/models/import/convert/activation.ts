/**
 * Keras / tfjs activation names → LayerLab's. Keras writes snake_case ("leaky_relu"), tfjs
 * camelCase ("leakyRelu"), older files CamelCase class names; all are compared without case or
 * underscores.
 */
import { message, type Message } from '../../../shared/messages/message';
import type { Activation } from '../../spec';
import { isObject } from '../json';

const KNOWN: Record<string, Activation> = {
  linear: 'linear',
  relu: 'relu',
  leakyrelu: 'leakyRelu',
  elu: 'elu',
  gelu: 'gelu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
};

export type ActivationResult =
  { ok: true; activation: Activation; note: Message | null } | { ok: false; reason: Message };

function normalise(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

export function readActivation(value: unknown): ActivationResult {
  // Keras writes None as null; Keras 2 custom functions are { class_name, config }.
  if (value === null || value === undefined) return { ok: true, activation: 'linear', note: null };
  const name = typeof value === 'string' ? value : isObject(value) ? value['class_name'] : null;
  if (typeof name !== 'string') {
    return { ok: false, reason: message('modelImport.refused.activationUnreadable') };
  }
  const key = normalise(name);
  const known = KNOWN[key];
  if (known === 'leakyRelu') {
    // Keras 3's leaky_relu function slopes 0.2; LayerLab's leakyRelu is Keras's LeakyReLU layer (0.3).
    return {
      ok: true,
      activation: known,
      note: message('modelImport.note.leakyActivation', { name }),
    };
  }
  if (known) return { ok: true, activation: known, note: null };
  if (key === 'gelunew') {
    return { ok: true, activation: 'gelu', note: message('modelImport.note.geluTanh') };
  }
  return { ok: false, reason: message('modelImport.refused.activationUnknown', { name }) };
}

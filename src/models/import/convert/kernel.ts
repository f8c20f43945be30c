/**
 * Kernel initialiser and L1/L2 penalty → LayerLab's KernelOptions. Keras writes an initialiser
 * as a name ("he_normal"), a class ({ class_name: "HeNormal", config }), or, as tfjs always
 * does, the VarianceScaling it stands for; all three are recognised. Anything else keeps
 * LayerLab's default (glorotUniform) with a note. The default is left out of the spec, so a
 * LayerLab model exported and imported again gives back the same spec.
 */
import { message, type Message } from '../../../shared/messages/message';
import type { Initializer, KernelOptions } from '../../spec';
import { field, isObject, numberField, stringField, type JsonObject } from '../json';

function key(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

const BY_NAME: Record<string, Initializer> = {
  glorotuniform: 'glorotUniform',
  glorotnormal: 'glorotNormal',
  henormal: 'heNormal',
  heuniform: 'heUniform',
  lecunnormal: 'lecunNormal',
};

/** VarianceScaling(scale, mode, distribution) as each named initialiser defines it. */
function fromVarianceScaling(config: JsonObject): Initializer | null {
  const scale = numberField(config, 'scale') ?? 1;
  const mode = stringField(config, 'mode') ?? 'fan_in';
  const distribution = stringField(config, 'distribution') ?? 'truncated_normal';
  // "normal" (tfjs, old Keras), "truncated_normal" and "untruncated_normal" are all normal-shaped.
  const uniform = distribution === 'uniform';
  if (scale === 1 && key(mode) === 'fanavg') return uniform ? 'glorotUniform' : 'glorotNormal';
  if (scale === 2 && key(mode) === 'fanin') return uniform ? 'heUniform' : 'heNormal';
  if (scale === 1 && key(mode) === 'fanin' && !uniform) return 'lecunNormal';
  return null;
}

function readInitializer(value: unknown): { init: Initializer | null; name: string } {
  if (typeof value === 'string') return { init: BY_NAME[key(value)] ?? null, name: value };
  if (isObject(value) && typeof value['class_name'] === 'string') {
    const className = value['class_name'];
    const config = isObject(value['config']) ? value['config'] : {};
    const init =
      key(className) === 'variancescaling'
        ? fromVarianceScaling(config)
        : (BY_NAME[key(className)] ?? null);
    return { init, name: className };
  }
  return { init: null, name: String(value) };
}

function readPenalty(value: unknown): { l1: number; l2: number } | null {
  if (typeof value === 'string') {
    // Keras's string shortcuts use a factor of 0.01.
    const k = key(value);
    if (k === 'l1') return { l1: 0.01, l2: 0 };
    if (k === 'l2') return { l1: 0, l2: 0.01 };
    if (k === 'l1l2') return { l1: 0.01, l2: 0.01 };
    return null;
  }
  if (!isObject(value) || typeof value['class_name'] !== 'string') return null;
  const k = key(value['class_name']);
  const config = isObject(value['config']) ? value['config'] : {};
  if (k !== 'l1l2' && k !== 'l1' && k !== 'l2') return null;
  return { l1: numberField(config, 'l1') ?? 0, l2: numberField(config, 'l2') ?? 0 };
}

/**
 * The kernel options of a layer, from `initKey` (kernel_initializer) and `penaltyKey`
 * (kernel_regularizer); notes say what was not kept.
 */
export function readKernelOptions(
  config: JsonObject,
  notes: Message[],
  initKey: string | null = 'kernel_initializer',
  penaltyKey = 'kernel_regularizer',
): KernelOptions {
  const options: KernelOptions = {};
  const initValue = initKey ? field(config, initKey) : undefined;
  if (initKey && initValue !== undefined && initValue !== null) {
    const { init, name } = readInitializer(initValue);
    if (init === null) {
      notes.push(message('modelImport.note.initializer', { name }));
    } else if (init !== 'glorotUniform') {
      options.kernelInitializer = init;
    }
  }
  const penaltyValue = field(config, penaltyKey);
  if (penaltyValue !== undefined && penaltyValue !== null) {
    const penalty = readPenalty(penaltyValue);
    if (penalty === null) {
      notes.push(
        message('modelImport.note.penaltyDropped', { field: penaltyKey.replace(/_/g, ' ') }),
      );
    } else {
      if (penalty.l1 > 0) options.l1 = penalty.l1;
      if (penalty.l2 > 0) options.l2 = penalty.l2;
    }
  }
  return options;
}

/** Notes for the extras LayerLab's kernel layers do not have (bias penalties, constraints…). */
export function droppedExtras(config: JsonObject, keys: readonly string[], notes: Message[]): void {
  const dropped = keys.filter((k) => {
    const v = field(config, k);
    return v !== undefined && v !== null;
  });
  if (dropped.length > 0) {
    const fields = dropped.map((k) => k.replace(/_/g, ' ')).join(', ');
    notes.push(message('modelImport.note.droppedExtras', { fields }));
  }
}

/** LayerLab's kernel layers always have a bias that starts at zero. */
export function biasNotes(config: JsonObject, notes: Message[]): void {
  if (field(config, 'use_bias') === false) {
    notes.push(message('modelImport.note.noBias'));
    return;
  }
  const init = field(config, 'bias_initializer');
  const name = isObject(init) ? init['class_name'] : init;
  if (typeof name === 'string' && key(name) !== 'zeros') {
    notes.push(message('modelImport.note.biasInitializer', { name }));
  }
}

import type * as tf from '@tensorflow/tfjs';

/** Collects tensors to read back in one go, remembering how to cut the flat result apart. */
export class Packer {
  readonly parts: tf.Tensor[] = [];
  private size = 0;
  add(tensor: tf.Tensor): { from: number; length: number } {
    const slot = { from: this.size, length: tensor.size };
    this.parts.push(tensor.toFloat().reshape([-1]));
    this.size += tensor.size;
    return slot;
  }
}

export type Slot = { from: number; length: number };
export const cut = (flat: Float32Array, slot: Slot) =>
  flat.slice(slot.from, slot.from + slot.length);

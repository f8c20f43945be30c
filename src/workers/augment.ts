/**
 * Image augmentation for training batches, on the device: each image gets its own random shift,
 * small rotation and (optionally) horizontal flip, as one affine transform per image
 * (tf.image.transform, which every backend implements). Only training batches are augmented;
 * validation sees the images as they are.
 */
import * as tf from '@tensorflow/tfjs';
import type { Random } from '../data/random';

export interface AugmentOptions {
  shift: boolean;
  rotate: boolean;
  flip: boolean;
}

/** Largest shift in pixels and rotation in degrees: small enough that a digit stays that digit. */
export const MAX_SHIFT_PX = 2;
export const MAX_ROTATION_DEG = 10;

export function augmentsAnything(options: AugmentOptions | undefined): boolean {
  return Boolean(options && (options.shift || options.rotate || options.flip));
}

/**
 * The 8 projective parameters (tfjs/Keras convention: they map an OUTPUT pixel to the INPUT pixel
 * it is read from) of: flip, then rotate by `angle` about the centre, then shift by (dx, dy).
 */
export function affineParameters(
  width: number,
  height: number,
  angle: number,
  dx: number,
  dy: number,
  flip: boolean,
): number[] {
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const sx = flip ? -1 : 1;
  const a0 = Math.cos(angle) * sx;
  const a1 = -Math.sin(angle);
  const b0 = Math.sin(angle) * sx;
  const b1 = Math.cos(angle);
  // input = R·F·(output − centre) + centre − shift
  return [a0, a1, cx - a0 * cx - a1 * cy - dx, b0, b1, cy - b0 * cx - b1 * cy - dy, 0, 0];
}

/** images: [batch, h, w, c] → the same shape, each image moved by its own random transform. */
export function augmentBatch(
  images: tf.Tensor4D,
  options: AugmentOptions,
  random: Random,
): tf.Tensor4D {
  const [batch, height, width] = images.shape;
  const uniform = (limit: number) => (random() * 2 - 1) * limit;
  const parameters: number[] = [];
  for (let n = 0; n < batch; n++) {
    const angle = options.rotate ? (uniform(MAX_ROTATION_DEG) * Math.PI) / 180 : 0;
    const dx = options.shift ? Math.round(uniform(MAX_SHIFT_PX)) : 0;
    const dy = options.shift ? Math.round(uniform(MAX_SHIFT_PX)) : 0;
    const flip = options.flip && random() < 0.5;
    parameters.push(...affineParameters(width, height, angle, dx, dy, flip));
  }
  return tf.tidy(() => {
    const transforms = tf.tensor2d(parameters, [batch, 8]);
    // Bilinear keeps rotated strokes smooth; the uncovered border is filled with 0 (background).
    return tf.image.transform(images, transforms, 'bilinear', 'constant', 0);
  });
}

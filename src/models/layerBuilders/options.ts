/** tfjs options shared by the layer builders: seeded initialisers and kernel regularisers. */
import * as tf from '@tensorflow/tfjs';
import type { Initializer, KernelOptions } from '../spec';

export function initializer(name: Initializer | undefined, seed: number) {
  switch (name ?? 'glorotUniform') {
    case 'glorotUniform':
      return tf.initializers.glorotUniform({ seed });
    case 'glorotNormal':
      return tf.initializers.glorotNormal({ seed });
    case 'heNormal':
      return tf.initializers.heNormal({ seed });
    case 'heUniform':
      return tf.initializers.heUniform({ seed });
    case 'lecunNormal':
      return tf.initializers.leCunNormal({ seed });
  }
}

export function regularizer(options: KernelOptions) {
  const l1 = options.l1 ?? 0;
  const l2 = options.l2 ?? 0;
  return l1 > 0 || l2 > 0 ? { kernelRegularizer: tf.regularizers.l1l2({ l1, l2 }) } : {};
}

/** A Dense or Conv2D layer's weights: its seeded kernel initialiser, zero biases, its penalties. */
export function kernelLayerOptions(options: KernelOptions, seed: number) {
  return {
    kernelInitializer: initializer(options.kernelInitializer, seed),
    biasInitializer: 'zeros' as const,
    ...regularizer(options),
  };
}

/**
 * LayerLab's kernel initialisers as numbers a program can spell out. tfjs computes the fans of a
 * kernel in Keras's layout (channels-last conv kernels [kh, kw, in, out]) and draws its "normal"
 * initialisers from a normal truncated at 2σ with σ = √(scale / fan) — Keras's own GlorotNormal and
 * HeNormal widen σ by 1 / 0.8796 to make up for the truncation. The exports follow tfjs, which
 * is what LayerLab trained with.
 */
import type { Initializer } from '../spec';

/** Keras's fans for a kernel in Keras's layout: [in, out], or [..window, in, out]. */
export function kernelFans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  const inputs = shape.at(-2) ?? 0;
  const outputs = shape.at(-1) ?? 0;
  const window = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: inputs * window, fanOut: outputs * window };
}

export interface InitializerRule {
  distribution: 'uniform' | 'truncatedNormal';
  /** Keras's VarianceScaling scale and mode. */
  scale: number;
  mode: 'fanIn' | 'fanAvg';
  /** The Keras name, for comments. */
  keras: string;
}

export const INITIALIZER_RULES: Record<Initializer, InitializerRule> = {
  glorotUniform: { distribution: 'uniform', scale: 1, mode: 'fanAvg', keras: 'glorot_uniform' },
  glorotNormal: {
    distribution: 'truncatedNormal',
    scale: 1,
    mode: 'fanAvg',
    keras: 'glorot_normal',
  },
  heNormal: { distribution: 'truncatedNormal', scale: 2, mode: 'fanIn', keras: 'he_normal' },
  heUniform: { distribution: 'uniform', scale: 2, mode: 'fanIn', keras: 'he_uniform' },
  lecunNormal: { distribution: 'truncatedNormal', scale: 1, mode: 'fanIn', keras: 'lecun_normal' },
};

/** √(scale / n): the normal's σ (truncated normal), or the uniform's limit / √3. */
export function initializerScale(name: Initializer, fanIn: number, fanOut: number): number {
  const rule = INITIALIZER_RULES[name];
  const n = rule.mode === 'fanIn' ? fanIn : (fanIn + fanOut) / 2;
  return Math.sqrt(rule.scale / n);
}

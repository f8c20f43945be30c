/**
 * The in-memory form every dataset takes once decoded, whatever it came from (a generator, a
 * bundled file or the user's upload). Pure data: no tensors, so it runs in Node and crosses
 * postMessage as transferable buffers.
 */

/** What one sample's label means, and so which losses and output layers fit. */
export type DatasetTask =
  /** One class id per sample. */
  | 'classification'
  /** One class id per time step (sequence tasks, character language models). */
  | 'sequence'
  /** One or more real-valued targets per sample (MSE). */
  | 'regression';

export interface LabelledData {
  /** Features, sample-major: [count, ...inputShape] flattened. Token ids are stored as floats. */
  x: Float32Array;
  /**
   * Labels, sample-major. Class ids (Int32Array): [count] for classification, [count, T] for
   * sequence tasks. Regression targets (Float32Array): [count, targets].
   */
  y: Int32Array | Float32Array;
  count: number;
}

/**
 * How raw values were mapped to model inputs, kept so that the dataset browser can show the
 * original values (raw = x * scale + offset, per feature or for all features).
 */
export type Normalization =
  | { kind: 'none' }
  /** Pixels: x = raw / divisor (e.g. 255). */
  | { kind: 'scale'; divisor: number }
  /** Table columns: x = (raw - mean) / std, one mean and std per feature. */
  | { kind: 'standardize'; mean: number[]; std: number[] };

/** Labels per sample: 1 for classification, T for sequence tasks, targets for regression. */
export function labelsPerSample(data: LabelledData): number {
  return data.count === 0 ? 0 : data.y.length / data.count;
}

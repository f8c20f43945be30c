/**
 * Splits labelled data into training and validation parts. The built-in sets are already in a
 * seeded random order, so the validation part is simply the tail.
 */
import type { LabelledData } from './toy2d';

export interface PreparedData {
  train: LabelledData;
  validation: LabelledData | null;
}

export function takeRange(data: LabelledData, start: number, end: number): LabelledData {
  const features = data.x.length / data.count;
  const labels = data.y.length / data.count; // 1, or one per time step for sequence tasks
  return {
    x: data.x.slice(start * features, end * features),
    y: data.y.slice(start * labels, end * labels),
    count: end - start,
  };
}

export function splitValidation(data: LabelledData, fraction: number): PreparedData {
  const validationCount = Math.floor(data.count * fraction);
  if (validationCount === 0) return { train: data, validation: null };
  const trainCount = data.count - validationCount;
  return {
    train: takeRange(data, 0, trainCount),
    validation: takeRange(data, trainCount, data.count),
  };
}

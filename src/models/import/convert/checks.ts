/** Checks shared by converters: axes, data format, window sizes. */
import { field, intList, type JsonObject } from '../json';

/**
 * Whether a Keras `axis` (counting the batch dimension as 0) is the last axis of an input of
 * `rank` dimensions without the batch. With the rank unknown only -1 is certain; the import has
 * already failed at an earlier layer then, so anything else is let through rather than blamed.
 */
export function isLastAxis(value: unknown, rank: number | null): boolean {
  const axes = intList(value);
  if (!axes || axes.length !== 1) return false;
  const [axis] = axes as [number];
  return axis === -1 || rank === null || axis === rank;
}

/** LayerLab's images are [height, width, channels]. */
export function channelsLastProblem(config: JsonObject): string | null {
  const format = field(config, 'data_format');
  return format === undefined || format === null || format === 'channels_last'
    ? null
    : `data_format "${String(format)}" (LayerLab uses channels_last)`;
}

/**
 * A square window (kernel_size: 3 or [3, 3]) as one number, or the reason it is not one.
 * `what` names it in the reason ("kernel", "stride").
 */
export function squareWindow(value: unknown, what: string): number | string {
  const sizes = intList(value);
  if (!sizes || sizes.length < 1 || sizes.length > 2 || sizes.some((s) => s < 1)) {
    return `its ${what} ${JSON.stringify(value)} is not one or two whole numbers`;
  }
  const [a, b = a] = sizes as [number, number?];
  return a === b ? a : `its ${what} ${a}×${b} is not square (LayerLab's are)`;
}

export function paddingOf(config: JsonObject): 'valid' | 'same' | string {
  const padding = field(config, 'padding') ?? 'valid';
  return padding === 'valid' || padding === 'same'
    ? padding
    : `padding ${JSON.stringify(padding)} (LayerLab has valid and same)`;
}

export function isPadding(value: string): value is 'valid' | 'same' {
  return value === 'valid' || value === 'same';
}

/** Checks shared by converters: axes, data format, window sizes. */
import { message, type Message } from '../../../shared/messages/message';
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
export function channelsLastProblem(config: JsonObject): Message | null {
  const format = field(config, 'data_format');
  return format === undefined || format === null || format === 'channels_last'
    ? null
    : message('modelImport.refused.dataFormat', { format: String(format) });
}

/** The windows squareWindow reads. */
export type Window = 'kernel' | 'stride' | 'poolSize';

/**
 * A square window (kernel_size: 3 or [3, 3]) as one number, or the reason it is not one.
 * `window` names it in the reason (kernel, stride, pool size).
 */
export function squareWindow(value: unknown, window: Window): number | Message {
  const what = message(`modelImport.window.${window}`);
  const sizes = intList(value);
  if (!sizes || sizes.length < 1 || sizes.length > 2 || sizes.some((s) => s < 1)) {
    return message('modelImport.refused.windowNotNumbers', {
      what,
      value: JSON.stringify(value) ?? String(value),
    });
  }
  const [a, b = a] = sizes as [number, number?];
  return a === b
    ? a
    : message('modelImport.refused.windowNotSquare', { what, height: a, width: b });
}

export function paddingOf(config: JsonObject): 'valid' | 'same' | Message {
  const padding = field(config, 'padding') ?? 'valid';
  return padding === 'valid' || padding === 'same'
    ? padding
    : message('modelImport.refused.padding', { padding: JSON.stringify(padding) });
}

export function isPadding(value: 'valid' | 'same' | Message): value is 'valid' | 'same' {
  return value === 'valid' || value === 'same';
}

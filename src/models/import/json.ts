/**
 * Small readers for untrusted JSON. A model file is whatever the user picked, so every access
 * checks the type instead of trusting a cast; callers turn a wrong type into a message.
 */
import { message, type Message } from '../../shared/messages/message';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a string", "null", "an array"…: how a message names what it found instead of an object. */
export function describeValue(value: unknown): Message {
  if (value === null) return message('modelImport.value.null');
  if (Array.isArray(value)) return message('modelImport.value.array');
  if (typeof value === 'object') return message('modelImport.value.object');
  switch (typeof value) {
    case 'string':
      return message('modelImport.value.string');
    case 'number':
      return message('modelImport.value.number');
    case 'boolean':
      return message('modelImport.value.boolean');
    case 'bigint':
      return message('modelImport.value.bigint');
    case 'symbol':
      return message('modelImport.value.symbol');
    case 'function':
      return message('modelImport.value.function');
    default:
      return message('modelImport.value.nothing');
  }
}

/** snake_case → camelCase, for configs written by hand or by tfjs code that skipped conversion. */
function camel(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A config field under its Keras (snake_case) name, or its camelCase spelling: tfjs writes
 * snake_case, but a hand-edited file or a custom layer may not.
 */
export function field(config: JsonObject, key: string): unknown {
  if (key in config) return config[key];
  const alt = camel(key);
  return alt in config ? config[alt] : undefined;
}

export function numberField(config: JsonObject, key: string): number | undefined {
  const v = field(config, key);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function stringField(config: JsonObject, key: string): string | undefined {
  const v = field(config, key);
  return typeof v === 'string' ? v : undefined;
}

export function boolField(config: JsonObject, key: string): boolean | undefined {
  const v = field(config, key);
  return typeof v === 'boolean' ? v : undefined;
}

/** A shape as Keras writes it ([null, 28, 28, 1]); null entries are unknown sizes. */
export function shapeValue(value: unknown): (number | null)[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const dims = value.map((d) => (d === null ? null : typeof d === 'number' ? d : NaN));
  return dims.every((d) => d === null || (Number.isInteger(d) && d >= 0)) ? dims : undefined;
}

/**
 * Keras writes window sizes as an int or a list of ints (kernel_size: 3 or [3, 3]); returns the
 * list, or undefined when it is neither.
 */
export function intList(value: unknown): number[] | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    return value as number[];
  }
  return undefined;
}

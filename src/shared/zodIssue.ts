/**
 * What is wrong with a field, in LayerLab's own words and in every language, from the first issue
 * zod found. zod's mini build carries no text of its own; its English locale would have been
 * 1 kB of the first paint and English only, so LayerLab words the issues itself.
 */
import type { z } from './zod';
import { isMessage, message, type Message } from './messages/message';

const num = (n: number | bigint) => Number(n);

export function describeIssue(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'invalid_type':
      return message('files.zod.expected', { expected: issue.expected });
    case 'too_small': {
      const limit = num(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        if (limit === 1) return message('files.zod.empty');
        return message(issue.origin === 'string' ? 'files.zod.shortText' : 'files.zod.fewItems', {
          limit,
        });
      }
      return message(issue.inclusive === false ? 'files.zod.above' : 'files.zod.atLeast', {
        limit,
      });
    }
    case 'too_big': {
      const limit = num(issue.maximum);
      if (issue.origin === 'string') return message('files.zod.longText', { limit });
      if (issue.origin === 'array' || issue.origin === 'set') {
        return message('files.zod.manyItems', { limit });
      }
      return message(issue.inclusive === false ? 'files.zod.below' : 'files.zod.atMost', { limit });
    }
    case 'invalid_format':
      return issue.format === 'starts_with' && 'prefix' in issue
        ? message('files.zod.startsWith', { prefix: String(issue.prefix) })
        : message('files.zod.format', { format: issue.format });
    case 'not_multiple_of':
      return message('files.zod.multipleOf', { divisor: num(issue.divisor) });
    case 'unrecognized_keys':
      return message('files.zod.unknownKeys', { keys: issue.keys.join(', ') });
    case 'invalid_value':
      return message('files.zod.oneOf', {
        values: issue.values.map((v) => JSON.stringify(v)).join(', '),
      });
    case 'custom':
      // A refinement's own explanation (LayerLab writes them): a Message in `params.problem`,
      // or English text as the issue's message.
      if (isMessage(issue.params?.['problem'])) return issue.params['problem'];
      return issue.message && issue.message !== GENERIC
        ? message('common.verbatim', { text: issue.message })
        : message('files.zod.invalid');
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return message('files.zod.invalid');
    default: {
      const unknown: never = issue;
      void unknown;
      return message('files.zod.invalid');
    }
  }
}

/** zod's message when no locale is set. */
const GENERIC = 'Invalid input';

import { describe, expect, it } from 'vitest';
import { englishText } from './messages/englishText';
import { z } from './zod';
import { describeIssue } from './zodIssue';

/** LayerLab's words for the first issue of parsing `value` with `schema`. */
function said(schema: z.ZodMiniType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('parsed');
  return englishText(describeIssue(parsed.error.issues[0]!));
}

describe('describeIssue: what is wrong with a field, in LayerLab’s words', () => {
  it('names the expected type and the broken limit', () => {
    expect(said(z.number(), 'x')).toBe('expected number');
    expect(said(z.number().check(z.gte(1)), 0)).toBe('must be at least 1');
    expect(said(z.number().check(z.positive()), 0)).toBe('must be more than 0');
    expect(said(z.number().check(z.lte(10)), 11)).toBe('must be at most 10');
    expect(said(z.number().check(z.lt(10)), 10)).toBe('must be less than 10');
    expect(said(z.number().check(z.multipleOf(5)), 7)).toBe('must be a multiple of 5');
  });

  it('counts characters in text and entries in lists', () => {
    expect(said(z.string().check(z.minLength(1)), '')).toBe('must not be empty');
    expect(said(z.string().check(z.minLength(3)), 'ab')).toBe('must be at least 3 characters long');
    expect(said(z.string().check(z.maxLength(2)), 'abc')).toBe('must be at most 2 characters long');
    expect(said(z.array(z.number()).check(z.minLength(2)), [1])).toBe(
      'has too few entries (at least 2 needed)',
    );
    expect(said(z.array(z.number()).check(z.maxLength(1)), [1, 2])).toBe(
      'has too many entries (at most 1 allowed)',
    );
  });

  it('lists the allowed values, unknown fields and a prefix', () => {
    expect(said(z.enum(['sgd', 'adam']), 'lbfgs')).toBe('must be one of "sgd", "adam"');
    expect(said(z.literal(3), 4)).toBe('must be one of 3');
    expect(said(z.strictObject({ a: z.number() }), { a: 1, b: 2 })).toBe(
      'has fields LayerLab does not know: b',
    );
    expect(said(z.string().check(z.startsWith('user:')), 'x')).toBe('must start with "user:"');
  });

  it('keeps a refinement’s own explanation', () => {
    const even = z.number().check(z.refine((n) => n % 2 === 0, { message: 'must be even' }));
    expect(said(even, 3)).toBe('must be even');
    expect(said(z.number().check(z.refine((n) => n > 0)), -1)).toBe('is not valid here');
  });
});

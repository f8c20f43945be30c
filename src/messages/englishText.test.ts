import { describe, expect, it } from 'vitest';
import { englishText } from './englishText';
import { message } from './message';

describe('englishText', () => {
  it('renders a key with its values, nested messages first', () => {
    const inner = message('common.verbatim', { text: 'HTTP 404' });
    expect(englishText(message('common.verbatim', { text: inner }))).toBe('HTTP 404');
    expect(englishText(message('common.verbatim', { text: 3 }))).toBe('3');
  });
});

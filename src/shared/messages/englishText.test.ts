import { describe, expect, it } from 'vitest';
import { englishText } from './englishText';
import { joinMessages, message } from './message';

describe('englishText', () => {
  it('renders a key with its values, nested messages first', () => {
    const inner = message('common.verbatim', { text: 'HTTP 404' });
    expect(englishText(message('common.verbatim', { text: inner }))).toBe('HTTP 404');
    expect(englishText(message('common.verbatim', { text: 3 }))).toBe('3');
  });
});

describe('joinMessages', () => {
  it('shows several Messages one after the other', () => {
    const a = message('common.verbatim', { text: 'One.' });
    const b = message('common.verbatim', { text: 'Two.' });
    const c = message('common.verbatim', { text: 'Three.' });
    expect(joinMessages([])).toBeNull();
    expect(joinMessages([a])).toBe(a);
    expect(englishText(joinMessages([a, b, c]) ?? a)).toBe('One. Two. Three.');
  });
});

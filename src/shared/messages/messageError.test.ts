import { describe, expect, it } from 'vitest';
import { englishText } from './englishText';
import { message } from './message';
import { MessageError, throwMessage, toMessage } from './messageError';

describe('MessageError', () => {
  it('carries its Message, and its English text as error.message', () => {
    const error = new MessageError(message('common.verbatim', { text: 'disk full' }));
    expect(error.message).toBe('disk full');
    expect(toMessage(error)).toEqual({ key: 'common.verbatim', values: { text: 'disk full' } });
  });

  it('throwMessage throws one', () => {
    expect(() => throwMessage('common.verbatim', { text: 'x' })).toThrow(MessageError);
  });

  it('shows any other error as its own text', () => {
    expect(englishText(toMessage(new TypeError('bad thing')))).toBe('bad thing');
    expect(englishText(toMessage('plain string'))).toBe('plain string');
    const keyed = message('common.verbatim', { text: 'keyed' });
    expect(toMessage(keyed)).toBe(keyed);
  });
});

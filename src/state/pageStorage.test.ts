import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'localStorage');
  vi.resetModules();
});

describe('pageStorage', () => {
  it('keeps things for the visit where the browser blocks localStorage', async () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    const { pageStorage } = await import('./pageStorage');
    const storage = pageStorage();
    storage.setItem('a', '1');
    expect(pageStorage().getItem('a')).toBe('1');
    expect(storage.length).toBe(1);
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
  });

  it('is the real localStorage where there is one', async () => {
    const real = { length: 0, getItem: () => 'kept' } as unknown as Storage;
    Object.defineProperty(globalThis, 'localStorage', { configurable: true, value: real });
    const { pageStorage } = await import('./pageStorage');
    expect(pageStorage()).toBe(real);
  });
});

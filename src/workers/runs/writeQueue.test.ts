import { afterEach, describe, expect, it, vi } from 'vitest';
import { WriteQueue } from './writeQueue';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('WriteQueue', () => {
  it('runs writes one after the other, in the order they were queued', async () => {
    const queue = new WriteQueue();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    void queue.run(async () => {
      order.push('first starts');
      await held;
      order.push('first ends');
    });
    void queue.run(async () => {
      order.push('second');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual(['first starts']);
    release();
    await queue.settled();
    expect(order).toEqual(['first starts', 'first ends', 'second']);
  });

  it('hands a failed write its error, reports it once, and goes on with later writes', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => {});
    const queue = new WriteQueue();
    const failed = queue.run(() => Promise.reject(new Error('disk full')));
    const later = vi.fn(() => Promise.resolve());
    void queue.run(later);
    await expect(failed).rejects.toThrow('disk full');
    await queue.settled();
    expect(later).toHaveBeenCalledOnce();
    expect(report).toHaveBeenCalledOnce();
  });
});

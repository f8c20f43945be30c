import { describe, expect, it } from 'vitest';
import { createThrottle } from './throttle';

describe('createThrottle', () => {
  it('lets one call through per interval', () => {
    const throttle = createThrottle(100);
    expect(throttle.ready(0)).toBe(true);
    expect(throttle.ready(50)).toBe(false);
    expect(throttle.ready(99)).toBe(false);
    expect(throttle.ready(100)).toBe(true);
    expect(throttle.ready(150)).toBe(false);
  });

  it('starts afresh after reset (a new stroke)', () => {
    const throttle = createThrottle(100);
    throttle.ready(0);
    throttle.reset();
    expect(throttle.ready(10)).toBe(true);
  });
});

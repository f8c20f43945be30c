/**
 * A leading-edge throttle with an injected clock: `ready(now)` is true at most once per
 * `intervalMs`. The drawing pad asks it on every pointer move and always emits at stroke end, so
 * the last state is never lost; the clock is a parameter so tests need no timers.
 */
export interface Throttle {
  ready(now: number): boolean;
  /** Forget the last emission, so the next `ready` is true. */
  reset(): void;
}

export function createThrottle(intervalMs: number): Throttle {
  let last = -Infinity;
  return {
    ready(now) {
      if (now - last < intervalMs) return false;
      last = now;
      return true;
    },
    reset() {
      last = -Infinity;
    },
  };
}

import { useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs`: the first change shows at once, later ones
 * within the interval are held and the newest is shown when it ends, so the last value is never
 * lost. Curves use it so a chart re-renders a few times a second, not on every metrics record.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShown = useRef(0);
  useEffect(() => {
    const wait = lastShown.current + intervalMs - performance.now();
    if (wait <= 0) {
      lastShown.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      lastShown.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, intervalMs]);
  return shown;
}

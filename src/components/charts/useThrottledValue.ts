import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * `value`, but changing at most once per `intervalMs`: the first change shows after `delayMs`
 * (at once by default); changes while a redraw is due only update what it will show, so the
 * newest value is never lost and a steady stream of changes never postpones the redraw. Curves
 * use it so a chart re-renders a few times a second, not on every metrics record; two charts fed
 * by the same update pass different delays so that they redraw in separate tasks, each short,
 * rather than in one long one. The redraw is a transition, so a click or a keystroke that arrives
 * meanwhile is handled first. It does not split one chart's render: recharts lays out a whole
 * chart in one component (a traced redraw takes 10–20 ms of CPU; see BENCHMARKS.md, 12-06).
 */
export function useThrottledValue<T>(value: T, intervalMs: number, delayMs = 0): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const lastShown = useRef(-Infinity);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = value;
    if (timer.current !== null) return; // a redraw is due: it will show this value
    const show = () => {
      timer.current = null;
      lastShown.current = performance.now();
      startTransition(() => setShown(latest.current));
    };
    const wait = Math.max(delayMs, lastShown.current + intervalMs - performance.now());
    if (wait <= 0) show();
    else timer.current = setTimeout(show, wait);
  }, [value, intervalMs, delayMs]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
  return shown;
}

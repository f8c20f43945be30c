import { useEffect, useRef, useState } from 'react';

/**
 * The width of an element, kept current with a ResizeObserver, so a canvas view can fill its
 * column. Given `fixed`, that is the width and nothing is observed.
 */
export function useElementWidth<T extends HTMLElement>(fixed?: number) {
  const ref = useRef<T>(null);
  const [measured, setMeasured] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (fixed !== undefined || !element) return;
    const observer = new ResizeObserver(([entry]) =>
      setMeasured(Math.floor(entry?.contentRect.width ?? 0)),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [fixed]);
  return [ref, fixed ?? measured] as const;
}

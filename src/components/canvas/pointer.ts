import type { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from 'react';

/** The pointer's position in CSS pixels relative to the element the handler is on. */
export function localPoint(event: ReactPointerEvent<Element> | ReactMouseEvent<Element>): {
  x: number;
  y: number;
} {
  const box = event.currentTarget.getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}

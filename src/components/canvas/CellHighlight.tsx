import type { Rect } from './gridLayout';

/**
 * An outline over the hovered or selected cell. A positioned div, so moving it costs a style
 * change rather than a canvas redraw.
 */
export function CellHighlight({ rect, round = false }: { rect: Rect; round?: boolean }) {
  return (
    <div
      className={round ? 'internals-highlight round' : 'internals-highlight'}
      aria-hidden="true"
      style={{ left: rect.x, top: rect.y, width: rect.width, height: rect.height }}
    />
  );
}

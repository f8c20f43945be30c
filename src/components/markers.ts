/**
 * Marker shapes for classes, so that a class is told apart by shape as well as colour (for
 * colour-blind readers, or a greyscale projector). Each call adds one closed sub-path to the
 * current path, so a whole class is still one fill call.
 */
export const MARKER_SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'fourStar',
  'star',
  'hexagon',
  'fourStarTilted',
  'pentagon',
] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/** A text glyph of each shape, for legends written in HTML. */
export const MARKER_GLYPHS: Record<MarkerShape, string> = {
  circle: '●',
  square: '■',
  triangle: '▲',
  diamond: '◆',
  triangleDown: '▼',
  fourStar: '✦',
  star: '★',
  hexagon: '⬢',
  fourStarTilted: '✖',
  pentagon: '⬟',
};

/** The shape of class `id` (wrapping round); every class is a circle when shapes are off. */
export function classShape(id: number, shapesOn: boolean): MarkerShape {
  if (!shapesOn) return 'circle';
  const n = MARKER_SHAPES.length;
  return MARKER_SHAPES[((Math.trunc(id) % n) + n) % n] ?? 'circle';
}

/** A regular polygon (or star when `inner` is given) of `points` corners, first one at `start`. */
function polygon(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  points: number,
  start: number,
  inner?: number,
): void {
  const corners = inner === undefined ? points : points * 2;
  for (let k = 0; k < corners; k++) {
    const radius = inner !== undefined && k % 2 === 1 ? r * inner : r;
    const angle = start + (k * 2 * Math.PI) / corners;
    const px = x + radius * Math.cos(angle);
    const py = y + radius * Math.sin(angle);
    if (k === 0) context.moveTo(px, py);
    else context.lineTo(px, py);
  }
  context.closePath();
}

/** Adds a marker of `shape` centred at (x, y), about `r` in radius, to the current path. */
export function traceMarker(
  context: CanvasRenderingContext2D,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
): void {
  const up = -Math.PI / 2;
  // Angular shapes look smaller than a circle of the same radius: enlarge them a little.
  const R = r * 1.25;
  switch (shape) {
    case 'circle':
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, 2 * Math.PI);
      return;
    case 'square':
      context.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    case 'triangle':
      return polygon(context, x, y, R, 3, up);
    case 'triangleDown':
      return polygon(context, x, y, R, 3, Math.PI / 2);
    case 'diamond':
      return polygon(context, x, y, R, 4, up);
    case 'pentagon':
      return polygon(context, x, y, R, 5, up);
    case 'hexagon':
      return polygon(context, x, y, R, 6, 0);
    case 'star':
      return polygon(context, x, y, R * 1.15, 5, up, 0.45);
    case 'fourStar':
      return polygon(context, x, y, R * 1.1, 4, 0, 0.4);
    case 'fourStarTilted':
      return polygon(context, x, y, R * 1.1, 4, Math.PI / 4, 0.4);
    default: {
      const never: never = shape;
      throw new Error(`traceMarker: unknown shape ${String(never)}`);
    }
  }
}

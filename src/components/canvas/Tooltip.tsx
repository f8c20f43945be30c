/** Width the tooltip is assumed to need when keeping it inside the view. */
const TOOLTIP_WIDTH = 170;

interface Props {
  text: string;
  /** Anchor point in the view, CSS pixels; the tooltip sits just right of it. */
  x: number;
  y: number;
  /** The view's width: the tooltip flips left rather than overflow it. */
  viewWidth: number;
}

/**
 * The hover readout of an internals view, styled like the line chart's. It is a live region, so a
 * keyboard user moving over cells hears the values too.
 */
export function Tooltip({ text, x, y, viewWidth }: Props) {
  const left = x + 12 + TOOLTIP_WIDTH > viewWidth ? Math.max(0, x - TOOLTIP_WIDTH - 4) : x + 12;
  return (
    <div
      className="chart-tooltip internals-tooltip"
      data-testid="internals-tooltip"
      role="status"
      style={{ left, top: Math.max(0, y) }}
    >
      {text}
    </div>
  );
}

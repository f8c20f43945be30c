import { gradientCss, type ColourMap } from './colourMaps';
import { formatValue } from './formatValue';
import type { Range } from './valueRange';

interface Props {
  map: ColourMap;
  range: Range;
  /** What the colour measures, e.g. "attention weight" or "count (log scale)". */
  caption?: string | undefined;
}

/** A small colour key: low value, the gradient, high value. Plain CSS, no canvas needed. */
export function ColourScale({ map, range, caption }: Props) {
  return (
    <div className="internals-scale" aria-hidden="true">
      {caption && <span className="internals-scale-caption">{caption}</span>}
      <span>{formatValue(range[0])}</span>
      <span className="internals-scale-bar" style={{ background: gradientCss(map) }} />
      <span>{formatValue(range[1])}</span>
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SEQUENTIAL, type ColourMap } from './colourMaps';
import { MatrixCanvas } from './MatrixCanvas';
import { rowMajor } from './paint';
import { resolveRange, type Range, type RangeSpec } from './valueRange';

interface Props {
  /** One attention map per head, each [rows, cols] row-major (queries down, keys across). */
  maps: readonly Float32Array[];
  rows: number;
  cols: number;
  /** Index of the highlighted head. */
  selected?: number | undefined;
  onSelect?: ((index: number) => void) | undefined;
  /** One title per head; default "Head 1", "Head 2", … */
  titles?: readonly string[] | undefined;
  /** Each map's longer side, CSS pixels. */
  tileSize?: number | undefined;
  /** Colour range per map: default [0, 1] (attention weights). */
  range?: RangeSpec | undefined;
  colourMap?: ColourMap | undefined;
  label: string;
  testId?: string | undefined;
}

const DEFAULT_RANGE: Range = [0, 1];

/**
 * Small multiples: every attention head of a layer side by side, so their different patterns
 * (previous token, same token, first token…) compare at a glance. Each head is a button: clicking
 * (or Enter) selects it for a larger labelled view.
 */
export function HeadGrid({
  maps,
  rows,
  cols,
  selected,
  onSelect,
  titles,
  tileSize = 72,
  range = DEFAULT_RANGE,
  colourMap = SEQUENTIAL,
  label,
  testId = 'head-grid',
}: Props) {
  const { t } = useTranslation();
  const strides = useMemo(() => rowMajor(cols), [cols]);
  const longer = Math.max(rows, cols, 1);
  const width = Math.max(1, Math.round((tileSize * cols) / longer));
  const height = Math.max(1, Math.round((tileSize * rows) / longer));
  return (
    <div className="internals-view head-grid" data-testid={testId} role="group" aria-label={label}>
      {maps.map((map, index) => {
        const title = titles?.[index] ?? t('views.headTitle', { index: index + 1 });
        return (
          <button
            key={index}
            type="button"
            className={index === selected ? 'head-tile selected' : 'head-tile'}
            aria-pressed={index === selected}
            data-testid={`${testId}-head`}
            onClick={() => onSelect?.(index)}
          >
            <MatrixCanvas
              values={map}
              rows={rows}
              cols={cols}
              strides={strides}
              range={resolveRange(map, range)}
              colourMap={colourMap}
              width={width}
              height={height}
            />
            <span className="head-title">{title}</span>
          </button>
        );
      })}
    </div>
  );
}

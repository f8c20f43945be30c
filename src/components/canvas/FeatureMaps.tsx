import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { CellHighlight } from './CellHighlight';
import { prepareCanvas, ScratchImage } from './canvasSetup';
import { SEQUENTIAL, type ColourMap } from './colourMaps';
import { drawFeatureMaps } from './featureMapsDraw';
import { formatValue } from './formatValue';
import { tileAt, tileLayout } from './gridLayout';
import { localPoint } from './pointer';
import { Tooltip } from './Tooltip';
import { useElementWidth } from './useElementWidth';
import { ownRange } from './valueRange';

interface Props {
  /** Activations [height, width, channels], channels last (as tfjs gives them). */
  values: Float32Array;
  height: number;
  width: number;
  channels: number;
  /** Show at most this many channels (from the first); the rest are counted as "+k more". */
  maxMaps?: number | undefined;
  /** Each tile's width, CSS pixels (height follows the map's aspect ratio). */
  tileSize?: number | undefined;
  colourMap?: ColourMap | undefined;
  label: string;
  testId?: string | undefined;
}

const GAP = 4;
/** Leaves room for the inset focus ring and tile borders. */
const EDGE = 1;

/**
 * A convolution layer's feature maps as a grid of small images, one per channel, on one canvas.
 * Each map is stretched to its own min–max so that weak channels still show their pattern; the
 * caption says so, because brightness cannot be compared between maps.
 */
export function FeatureMaps({
  values,
  height,
  width,
  channels,
  maxMaps = 16,
  tileSize = 56,
  colourMap = SEQUENTIAL,
  label,
  testId = 'feature-maps',
}: Props) {
  const { t } = useTranslation();
  const [wrapper, available] = useElementWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<ScratchImage | null>(null);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);

  const shown = Math.max(0, Math.min(channels, maxMaps));
  const tileWidth = tileSize;
  const tileHeight = Math.max(1, Math.round((tileSize * height) / Math.max(1, width)));
  const grid = useMemo(() => {
    const tiles = tileLayout(shown, tileWidth, tileHeight, GAP, available - 2 * EDGE);
    return { ...tiles, x: EDGE, y: EDGE };
  }, [shown, tileWidth, tileHeight, available]);
  // Until the width is known, take no room: one tile per row would be a very tall flash.
  const viewWidth = available > 0 ? grid.width + 2 * EDGE : 0;
  const viewHeight = available > 0 ? grid.height + 2 * EDGE : 0;

  useEffect(() => {
    const element = canvas.current;
    if (!element || available <= 0 || shown === 0) return;
    const context = prepareCanvas(element, viewWidth, viewHeight);
    if (!context) return;
    scratch.current ??= new ScratchImage();
    drawFeatureMaps(context, scratch.current, {
      values,
      height,
      width,
      channels,
      shown,
      grid,
      tileWidth,
      tileHeight,
      map: colourMap,
    });
  }, [
    values,
    height,
    width,
    channels,
    shown,
    grid,
    tileWidth,
    tileHeight,
    colourMap,
    available,
    viewWidth,
    viewHeight,
  ]);

  let tooltip = null;
  if (hover) {
    const px = Math.min(width - 1, Math.floor((hover.x / tileWidth) * width));
    const py = Math.min(height - 1, Math.floor((hover.y / tileHeight) * height));
    const [lo, hi] = ownRange(values, hover.index, height * width, channels);
    const value = values[(py * width + px) * channels + hover.index] ?? NaN;
    const tileX = grid.x + (hover.index % grid.cols) * grid.cellWidth;
    const tileY = grid.y + Math.floor(hover.index / grid.cols) * grid.cellHeight;
    tooltip = (
      <>
        <CellHighlight rect={{ x: tileX, y: tileY, width: tileWidth, height: tileHeight }} />
        <Tooltip
          text={t('views.featureTooltip', {
            channel: hover.index,
            y: py,
            x: px,
            value: formatValue(value),
            low: formatValue(lo),
            high: formatValue(hi),
          })}
          x={tileX + tileWidth}
          y={tileY}
          viewWidth={viewWidth}
        />
      </>
    );
  }
  const more = channels - shown;

  return (
    <figure
      ref={wrapper}
      className="internals-view feature-maps"
      data-testid={testId}
      data-channels={channels}
      data-shown={shown}
      aria-label={label}
    >
      <div className="internals-stage" style={{ width: viewWidth, height: viewHeight }}>
        {shown > 0 && (
          <canvas
            ref={canvas}
            role="img"
            aria-label={t('views.featureCanvas', { label, shown, channels, height, width })}
            className="internals-canvas"
            style={{ width: viewWidth, height: viewHeight }}
            onPointerMove={(event) => {
              const { x, y } = localPoint(event);
              setHover(tileAt(grid, GAP, shown, x, y));
            }}
            onPointerLeave={() => setHover(null)}
          />
        )}
        {tooltip}
      </div>
      <figcaption className="internals-caption">
        {more > 0 ? (
          <Trans
            i18nKey="views.featureMore"
            values={{ more, last: shown - 1, channels }}
            components={{
              b: <strong className="internals-more" data-testid={`${testId}-more`} />,
            }}
          />
        ) : (
          t('views.featureNote')
        )}
      </figcaption>
    </figure>
  );
}

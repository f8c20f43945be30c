import { fitCellSize, type GridLayout } from './gridLayout';

/**
 * Where a labelled heatmap's parts go. Label widths are estimated from character counts rather
 * than measured, so the layout is a pure function (testable in Node, no canvas) and stays cheap
 * with hundreds of labels; the drawing code trims any label that overflows its estimate.
 */

/** Average glyph width as a fraction of the font size, for short UI labels. */
const CHAR_WIDTH = 0.6;
/** Labels longer than this are trimmed with an ellipsis (pixels). */
export const MAX_LABEL_PX = 90;
const TITLE_PX = 16;
const LABEL_GAP = 4;

export interface HeatmapLayoutInput {
  readonly rows: number;
  readonly cols: number;
  /** Width available for the whole view, CSS pixels. */
  readonly width: number;
  /** A fixed cell size; otherwise cells grow to fill `width` within [minCellSize, maxCellSize]. */
  readonly cellSize?: number | undefined;
  /** A fixed cell height (e.g. thin rows for many units); defaults to square cells. */
  readonly cellHeight?: number | undefined;
  readonly minCellSize: number;
  readonly maxCellSize: number;
  readonly rowLabels?: readonly string[] | undefined;
  readonly colLabels?: readonly string[] | undefined;
  readonly xTitle?: boolean;
  readonly yTitle?: boolean;
  readonly fontPx: number;
}

export interface HeatmapLayout {
  readonly width: number;
  readonly height: number;
  readonly grid: GridLayout;
  /** Space left of the grid for row labels (0 without labels). */
  readonly rowLabelWidth: number;
  /** Space above the grid for column labels (0 without labels). */
  readonly colLabelHeight: number;
  /** Column labels run vertically when they do not fit across a cell. */
  readonly rotateColLabels: boolean;
  /** Draw every n-th label so that labels never overlap, however many there are. */
  readonly rowLabelEvery: number;
  readonly colLabelEvery: number;
}

/**
 * Characters a font draws a full em wide: Han, kana, Hangul, CJK punctuation and full-width forms.
 * Counted at CHAR_WIDTH they got half the room they need, and fitText cut "良性" to nothing.
 */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Subscript digits ("x₁₀"), about two-thirds of an ordinary letter. */
const SUBSCRIPT = /[\u2080-\u2089]/u;

export function textWidth(text: string, fontPx: number): number {
  let ems = 0;
  for (const character of text) {
    ems += WIDE.test(character) ? 1 : SUBSCRIPT.test(character) ? 0.4 : CHAR_WIDTH;
  }
  return ems * fontPx;
}

function longestLabel(labels: readonly string[] | undefined, fontPx: number): number {
  let longest = 0;
  for (const label of labels ?? []) longest = Math.max(longest, textWidth(label, fontPx));
  return Math.min(MAX_LABEL_PX, Math.ceil(longest));
}

export function heatmapLayout(input: HeatmapLayoutInput): HeatmapLayout {
  const { rows, cols, fontPx } = input;
  const hasRowLabels = (input.rowLabels?.length ?? 0) > 0;
  const hasColLabels = (input.colLabels?.length ?? 0) > 0;
  const left =
    (input.yTitle ? TITLE_PX : 0) +
    (hasRowLabels ? longestLabel(input.rowLabels, fontPx) + LABEL_GAP : 0);
  const right = 2;
  const cellWidth =
    input.cellSize ??
    fitCellSize(input.width - left - right, cols, input.minCellSize, input.maxCellSize);
  const cellHeight = input.cellHeight ?? cellWidth;
  const colLabelPx = longestLabel(input.colLabels, fontPx);
  const rotate = hasColLabels && colLabelPx > cellWidth - 2;
  const colLabelHeight = hasColLabels ? (rotate ? colLabelPx : fontPx + 2) + LABEL_GAP : 0;
  const lineHeight = fontPx + 2;
  const grid: GridLayout = {
    x: left,
    y: colLabelHeight,
    cellWidth,
    cellHeight,
    rows,
    cols,
  };
  return {
    width: left + cols * cellWidth + right,
    height: colLabelHeight + rows * cellHeight + (input.xTitle ? TITLE_PX + 2 : 2),
    grid,
    rowLabelWidth: hasRowLabels ? longestLabel(input.rowLabels, fontPx) : 0,
    colLabelHeight,
    rotateColLabels: rotate,
    rowLabelEvery: Math.max(1, Math.ceil(lineHeight / cellHeight)),
    colLabelEvery: rotate ? Math.max(1, Math.ceil(lineHeight / cellWidth)) : 1,
  };
}

/** Whether cell values of up to `maxChars` characters fit inside cells of this size. */
export function valuesFit(
  cellWidth: number,
  cellHeight: number,
  maxChars: number,
  fontPx: number,
): boolean {
  return cellHeight >= fontPx + 2 && cellWidth >= maxChars * fontPx * CHAR_WIDTH + 4;
}

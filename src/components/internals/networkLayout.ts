/**
 * Geometry and ink of the network picture (neurons in columns, every weight a line), kept apart
 * from React so that it can be tested: where each neuron sits, and how a weight is drawn.
 */
import { cssColour, DIVERGING } from '../canvas/colourMaps';
import { textWidth } from '../canvas/heatmapLayout';

export interface NetworkLayout {
  width: number;
  height: number;
  /** Side of a neuron's square (its map) or diameter of its circle, CSS pixels. */
  nodeSize: number;
  /** Per column (inputs, hidden layers, outputs): its x and each neuron's y, both centres. */
  columns: { x: number; ys: number[] }[];
}

const MIN_NODE = 8;
const MAX_NODE = 40;

/**
 * Lays `counts` neurons out in columns across `width`, no taller than `maxHeight`: neurons shrink
 * until the tallest column fits and until there is room for the lines between columns (at least
 * twice a neuron's width), but never below MIN_NODE, where a tall column may exceed `maxHeight`.
 */
export function layoutNetwork(counts: number[], width: number, maxHeight = 440): NetworkLayout {
  const tallest = Math.max(1, ...counts);
  const gaps = Math.max(1, counts.length - 1);
  // pitch = node + gap, with the gap a quarter of the node plus 2 px.
  const byHeight = (maxHeight / tallest - 2) / 1.25;
  const byWidth = width / (1 + 3 * gaps);
  const nodeSize = Math.floor(Math.max(MIN_NODE, Math.min(MAX_NODE, byHeight, byWidth)));
  const pitch = nodeSize + Math.round(nodeSize / 4) + 2;
  const height = tallest * pitch;
  const spacing = counts.length > 1 ? (width - nodeSize) / gaps : 0;
  const columns = counts.map((count, c) => {
    const top = (height - count * pitch) / 2;
    return {
      x: nodeSize / 2 + c * spacing,
      ys: Array.from({ length: count }, (_, i) => top + i * pitch + pitch / 2),
    };
  });
  return { width, height, nodeSize, columns };
}

export interface WeightInk {
  colour: string;
  /** Stroke width, CSS pixels, rounded to hundredths. */
  width: number;
}

/**
 * How a weight is drawn, as in the classic playground: orange positive, blue negative, thicker
 * and deeper in colour the larger it is beside the largest weight drawn (`maxAbs`). Even a
 * near-zero weight keeps a pale tint, so its sign stays readable against the page.
 */
export function weightInk(weight: number, maxAbs: number): WeightInk {
  const strength =
    maxAbs > 0 && Number.isFinite(weight) ? Math.min(1, Math.abs(weight) / maxAbs) : 0;
  const side = weight < 0 ? -1 : 1;
  return {
    colour: cssColour(DIVERGING, 0.5 + side * (0.15 + 0.35 * strength)),
    width: Math.round((0.5 + 3.5 * strength) * 100) / 100,
  };
}

/** The largest |weight| over kernels, ignoring NaN; 0 when there is none. */
export function largestWeight(kernels: readonly ArrayLike<number>[]): number {
  let max = 0;
  for (const kernel of kernels) {
    for (let i = 0; i < kernel.length; i++) {
      const magnitude = Math.abs(kernel[i] ?? 0);
      if (magnitude > max) max = magnitude;
    }
  }
  return max;
}

/** A neuron dot's font (0.7rem, styles.css .network-dot), in pixels. */
const DOT_FONT_PX = 11.2;

/** Whether a label fits inside a dot of `size` px ("x₁" does; "蓝色" and "blue" go in its title). */
export function fitsInDot(label: string, size: number): boolean {
  return size >= 18 && textWidth(label, DOT_FONT_PX) <= size - 2;
}

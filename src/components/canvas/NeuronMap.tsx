import { useMemo } from 'react';
import { DIVERGING, type ColourMap } from './colourMaps';
import { MatrixCanvas } from './MatrixCanvas';
import { bottomUp } from './paint';
import { resolveRange, type RangeSpec } from './valueRange';

interface Props {
  /** One neuron's output on a gridSize × gridSize grid over the input plane, row 0 at the bottom. */
  values: Float32Array;
  gridSize: number;
  /** Default 'symmetric': white at zero, blue negative, orange positive. */
  range?: RangeSpec | undefined;
  colourMap?: ColourMap | undefined;
  /** Width and height, CSS pixels. */
  size?: number | undefined;
  /** A short caption under the map, e.g. "L1 · 3". */
  title?: string | undefined;
  selected?: boolean | undefined;
  label: string;
  testId?: string | undefined;
}

/**
 * A tiny map of what one hidden neuron computes over the 2-D input plane (as in TensorFlow
 * Playground), meant for a grid of many: smooth, diverging colours, no axes.
 */
export function NeuronMap({
  values,
  gridSize,
  range = 'symmetric',
  colourMap = DIVERGING,
  size = 48,
  title,
  selected = false,
  label,
  testId = 'neuron-map',
}: Props) {
  const strides = useMemo(() => bottomUp(gridSize, gridSize), [gridSize]);
  const resolved = useMemo(() => resolveRange(values, range), [values, range]);
  return (
    <figure
      className={selected ? 'internals-view neuron-map selected' : 'internals-view neuron-map'}
      data-testid={testId}
      data-grid-size={gridSize}
      role="img"
      aria-label={label}
    >
      <MatrixCanvas
        values={values}
        rows={gridSize}
        cols={gridSize}
        strides={strides}
        range={resolved}
        colourMap={colourMap}
        width={size}
        height={size}
        smooth
      />
      {title && <figcaption>{title}</figcaption>}
    </figure>
  );
}

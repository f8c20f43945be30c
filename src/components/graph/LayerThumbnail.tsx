import { useMemo } from 'react';
import { DIVERGING } from '../canvas/colourMaps';
import { MatrixCanvas } from '../canvas/MatrixCanvas';
import { resolveRange } from '../canvas/valueRange';
import { useStore } from '../../state/store';
import { thumbnailImage } from './thumbnailImage';

const SIZE = 30;

/**
 * A live picture of what a graph node computes for the chosen sample: the layer's output from the
 * latest probe (the input node: the sample itself). Nothing until a probe has run.
 */
export function LayerThumbnail({
  layerId,
  inputShape,
}: {
  layerId: string | null;
  inputShape: readonly number[] | null;
}) {
  // Two narrow selectors, each returning what the store holds, so a node re-renders only when
  // its own picture changes.
  const sampleX = useStore((s) => (layerId === null ? s.probe?.sample?.x : undefined));
  const activation = useStore((s) =>
    layerId === null ? undefined : s.probe?.activations?.find((a) => a.id === layerId),
  );
  const output = useMemo(
    () =>
      activation ?? (sampleX && inputShape ? { shape: inputShape, values: sampleX } : undefined),
    [activation, sampleX, inputShape],
  );
  const image = useMemo(() => output && thumbnailImage(output.shape, output.values), [output]);
  const range = useMemo(() => image && resolveRange(image.values, 'symmetric'), [image]);
  if (!image || !range) return null;
  return (
    <span className="graph-thumbnail" data-testid="graph-thumbnail" aria-hidden>
      <MatrixCanvas
        values={image.values}
        rows={image.rows}
        cols={image.cols}
        strides={image.strides}
        range={range}
        colourMap={DIVERGING}
        width={SIZE}
        height={SIZE}
      />
    </span>
  );
}

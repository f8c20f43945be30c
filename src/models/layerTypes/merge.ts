/** Add and Concatenate: join the previous layer's output with an earlier layer's (a skip connection). */
import { formatShape, INPUT_ID, type LayerOf, type MergeSpec, type Shape } from '../spec';
import { fail, type InferContext, type LayerShapeResult, type LayerType } from './types';

function describeSource(from: string, ctx: InferContext): string {
  return from === INPUT_ID ? 'the input' : `layer ${ctx.positionOf(from) ?? '?'}`;
}

/** Resolves `from`, or explains why it cannot be used. */
function sourceShape(
  label: string,
  layer: { id: string; from: string },
  ctx: InferContext,
): Shape | string {
  const shape = ctx.outputOf(layer.from);
  if (shape === undefined) {
    const at = ctx.positionOf(layer.from);
    const here = ctx.positionOf(layer.id) ?? 0;
    if (at !== undefined && at >= here) {
      return `${label} takes its second input from layer ${at}, which is not above it. A layer can only take input from layers above it (anything else would be a cycle).`;
    }
    return `${label} takes its second input from "${layer.from}", which is not a layer above it. Choose one of the layers above it, or the input.`;
  }
  if (shape === null)
    return `${label} takes its second input from ${describeSource(layer.from, ctx)}, which has a problem: fix that layer first.`;
  return shape;
}

function merge<K extends 'add' | 'concatenate'>(
  kind: K,
  label: string,
  summary: string,
): LayerType<K> {
  return {
    kind,
    label,
    group: 'Merge',
    summary,
    fields: [{ key: 'from', label: 'skip from', type: 'layerRef' }],
    create: (id, skipFrom) => ({ id, kind, from: skipFrom }) as LayerOf<K>,
    infer(layer: MergeSpec, input: Shape, ctx: InferContext): LayerShapeResult {
      const other = sourceShape(label, layer, ctx);
      if (typeof other === 'string') return fail(other);
      const source = describeSource(layer.from, ctx);
      if (kind === 'add') {
        const same = other.length === input.length && other.every((d, i) => d === input[i]);
        if (!same) {
          return fail(
            `Add sums two tensors element by element, so their shapes must match: the layer above gives ${formatShape(input)}, ${source} gives ${formatShape(other)}.`,
          );
        }
        return { ok: true, outputShape: input, params: 0 };
      }
      const leading = input.slice(0, -1);
      const same = other.length === input.length && leading.every((d, i) => d === other[i]);
      if (!same) {
        return fail(
          `Concatenate joins along the last axis, so all other dimensions must match: the layer above gives ${formatShape(input)}, ${source} gives ${formatShape(other)}.`,
        );
      }
      return {
        ok: true,
        outputShape: [...leading, (input.at(-1) ?? 0) + (other.at(-1) ?? 0)],
        params: 0,
      };
    },
  };
}

export const add = merge(
  'add',
  'Add',
  'Adds the output of an earlier layer to the one above: a residual (skip) connection.',
);
export const concatenate = merge(
  'concatenate',
  'Concatenate',
  'Joins the output of an earlier layer to the one above, along the last axis.',
);

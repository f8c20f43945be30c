/** Add and Concatenate: join the previous layer's output with an earlier layer's (a skip connection). */
import { formatShape, INPUT_ID, type LayerOf, type MergeSpec, type Shape } from '../spec';
import { isMessage, message, type Message } from '../../shared/messages/message';
import {
  fail,
  layerProblem,
  type InferContext,
  type LayerShapeResult,
  type LayerType,
} from './types';

function describeSource(from: string, ctx: InferContext): Message {
  return from === INPUT_ID
    ? message('layers.sourceInput')
    : message('layers.sourceLayer', { position: ctx.positionOf(from) ?? '?' });
}

/** Resolves `from`, or explains why it cannot be used. */
function sourceShape(
  label: string,
  layer: { id: string; from: string },
  ctx: InferContext,
): Shape | Message {
  const shape = ctx.outputOf(layer.from);
  if (shape === undefined) {
    const at = ctx.positionOf(layer.from);
    const here = ctx.positionOf(layer.id) ?? 0;
    if (at !== undefined && at >= here) {
      return layerProblem('layers.mergeSourceBelow', { label, position: at });
    }
    return layerProblem('layers.mergeSourceMissing', { label, from: layer.from });
  }
  if (shape === null) {
    return layerProblem('layers.mergeSourceBroken', {
      label,
      source: describeSource(layer.from, ctx),
    });
  }
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
      if (isMessage(other)) return fail(other);
      const source = describeSource(layer.from, ctx);
      if (kind === 'add') {
        const same = other.length === input.length && other.every((d, i) => d === input[i]);
        if (!same) {
          return fail(
            layerProblem('layers.addShapes', {
              above: formatShape(input),
              source,
              other: formatShape(other),
            }),
          );
        }
        return { ok: true, outputShape: input, params: 0 };
      }
      const leading = input.slice(0, -1);
      const same = other.length === input.length && leading.every((d, i) => d === other[i]);
      if (!same) {
        return fail(
          layerProblem('layers.concatenateShapes', {
            above: formatShape(input),
            source,
            other: formatShape(other),
          }),
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

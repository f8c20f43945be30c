import { describe, expect, it } from 'vitest';
import type { GraphNode, ModelGraph } from '../../models/modelGraph';
import { layoutGraph, NODE_HEIGHT } from './layoutGraph';

function node(id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind: 'dense',
    parent: null,
    layerId: id,
    position: 0,
    shape: [8],
    params: 0,
    problem: false,
    ...extra,
  };
}

const flow = (source: string, target: string, skip = false) => ({
  id: `${source}-${target}`,
  source,
  target,
  skip,
});

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('layoutGraph', () => {
  it('lays a chain out top to bottom in data order, without overlaps', () => {
    const graph: ModelGraph = {
      nodes: ['input', 'a', 'b', 'c'].map((id) => node(id)),
      edges: [flow('input', 'a'), flow('a', 'b'), flow('b', 'c')],
    };
    const boxes = layoutGraph(graph);
    const ys = ['input', 'a', 'b', 'c'].map((id) => boxes.get(id)!.y);
    expect(ys).toEqual([...ys].sort((p, q) => p - q));
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(NODE_HEIGHT);
    // A chain is one straight column.
    expect(new Set(['input', 'a', 'b', 'c'].map((id) => boxes.get(id)!.x)).size).toBe(1);
  });

  it('puts an opened block’s box around its parts and nothing else', () => {
    const graph: ModelGraph = {
      nodes: [
        node('input'),
        node('res', { open: true, kind: 'residualblock' }),
        node('p1', { parent: 'res' }),
        node('p2', { parent: 'res' }),
        node('sum', { parent: 'res', kind: 'add' }),
        node('out'),
      ],
      edges: [
        flow('input', 'p1'),
        flow('p1', 'p2'),
        flow('p2', 'sum'),
        flow('input', 'sum', true),
        flow('sum', 'out'),
      ],
    };
    const boxes = layoutGraph(graph);
    const group = boxes.get('res')!;
    for (const id of ['p1', 'p2', 'sum']) {
      const b = boxes.get(id)!;
      expect(b.x).toBeGreaterThan(group.x);
      expect(b.y).toBeGreaterThan(group.y);
      expect(b.x + b.width).toBeLessThan(group.x + group.width);
      expect(b.y + b.height).toBeLessThan(group.y + group.height);
    }
    for (const id of ['input', 'out']) expect(overlaps(boxes.get(id)!, group)).toBe(false);
  });
});

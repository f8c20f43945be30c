/**
 * Where each node of a model graph goes: dagre's layered layout, top to bottom in the order
 * data flows, with an opened block laid out as a cluster around its parts. Skip edges are long
 * edges to dagre, so it routes them beside the chain instead of through it.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { ModelGraph } from '../../models/modelGraph';

/** A layer node's box in graph units; the text inside is sized to fit it. */
export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 42;

export interface Box {
  /** Top-left corner, absolute. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export function layoutGraph(graph: ModelGraph): Map<string, Box> {
  const g = new Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 16, marginx: 8, marginy: 8 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) {
    if (node.open) g.setNode(node.id, {});
    else g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  }
  for (const node of graph.nodes) if (node.parent) g.setParent(node.id, node.parent);
  for (const e of graph.edges) {
    // A skip edge weighs less, so the main chain stays straight and the skip bends around it.
    g.setEdge(e.source, e.target, { weight: e.skip ? 1 : 4, minlen: 1 }, e.id);
  }
  layout(g);

  const boxes = new Map<string, Box>();
  for (const node of graph.nodes) {
    if (node.open) continue;
    const n = g.node(node.id);
    boxes.set(node.id, {
      x: n.x - NODE_WIDTH / 2,
      y: n.y - NODE_HEIGHT / 2,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
    });
  }
  // An opened block's box is dagre's cluster around its parts (its title sits on the top border,
  // as a fieldset's legend does, so it needs no room of its own).
  for (const node of graph.nodes) {
    if (!node.open) continue;
    const n = g.node(node.id);
    boxes.set(node.id, {
      x: n.x - n.width / 2,
      y: n.y - n.height / 2,
      width: n.width,
      height: n.height,
    });
  }
  return boxes;
}

/**
 * A design as a graph: the input and every layer a node, the stack's flow and every merge's
 * `from` an edge. A block (residual, transformer) is one node while closed; opened, it becomes a
 * group of the layers it expands to (`expandBlock`, the same expansion the builder uses), with
 * its own skip connections. Pure: the graph view lays this out and draws it.
 */
import type { LayerAnalysis } from './inferStack';
import { inferStack } from './inferStack';
import { expandBlock, isBlock } from './layerTypes/blocks';
import type { PartialShape } from './sketchShape';
import { INPUT_ID, type LayerKind, type LayerSpec, type ModelSpec, type Shape } from './spec';

export interface GraphNode {
  /** 'input', a layer's id, or (inside an opened block) the id of one of its parts. */
  id: string;
  kind: LayerKind | 'input';
  /** The opened block this node is part of; null at the top level. */
  parent: string | null;
  /** The design layer the node stands for (a part names its block); null for the input. */
  layerId: string | null;
  /** 1-based place in the design (0 for the input); a block's parts share their block's. */
  position: number;
  /** What is known of its output shape (unknown dimensions null; null when not even the rank). */
  shape: PartialShape | null;
  /** Null when the count depends on something unknown. */
  params: number | null;
  /** Whether the designer reports a problem on this layer. */
  problem: boolean;
  /** For a block: whether it is drawn open (as a group of its parts). */
  open?: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** A merge's second input (a skip connection), as opposed to the stack's flow. */
  skip: boolean;
}

export interface ModelGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function edge(source: string, target: string, skip: boolean): GraphEdge {
  return { id: `${skip ? 'skip' : 'flow'}:${source}->${target}`, source, target, skip };
}

/**
 * The graph of `spec` with the shapes and counts of `analysis` (the designer's own, so both
 * views always agree). `open` names the blocks drawn as groups.
 */
export function modelGraph(
  spec: ModelSpec,
  analysis: readonly LayerAnalysis[],
  inputShape: Shape,
  open: ReadonlySet<string> = new Set(),
): ModelGraph {
  const byId = new Map(analysis.map((a) => [a.id, a]));
  const nodes: GraphNode[] = [
    {
      id: INPUT_ID,
      kind: 'input',
      parent: null,
      layerId: null,
      position: 0,
      shape: inputShape,
      params: 0,
      problem: false,
    },
  ];
  const edges: GraphEdge[] = [];
  /** Where a layer's output leaves it: the layer itself, or an opened block's last part. */
  const exitOf = new Map<string, string>([[INPUT_ID, INPUT_ID]]);
  let previous: string = INPUT_ID;
  let previousShape: PartialShape | null = inputShape;

  spec.layers.forEach((layer, i) => {
    const info = byId.get(layer.id);
    const shape = info?.sketch.shape ?? null;
    const common = {
      parent: null,
      layerId: layer.id,
      position: i + 1,
      shape,
      params: info ? info.sketch.params : null,
      problem: info?.problem != null,
    };
    if (isBlock(layer) && open.has(layer.id)) {
      nodes.push({ id: layer.id, kind: layer.kind, ...common, open: true });
      const exit = addBlockParts(layer, previous, previousShape, i + 1, nodes, edges);
      exitOf.set(layer.id, exit);
      previous = exit;
    } else {
      nodes.push({
        id: layer.id,
        kind: layer.kind,
        ...common,
        ...(isBlock(layer) && { open: false }),
      });
      edges.push(edge(previous, layer.id, false));
      if (layer.kind === 'add' || layer.kind === 'concatenate') {
        edges.push(edge(exitOf.get(layer.from) ?? layer.from, layer.id, true));
      }
      exitOf.set(layer.id, layer.id);
      previous = layer.id;
    }
    previousShape = shape;
  });
  // A merge naming a layer that is not above it draws no edge to nowhere.
  const known = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => known.has(e.source) && known.has(e.target)) };
}

/** Adds an opened block's parts and their edges; returns the id of its last part. */
function addBlockParts(
  block: Extract<LayerSpec, { kind: 'residualblock' | 'transformerblock' }>,
  feed: string,
  feedShape: PartialShape | null,
  position: number,
  nodes: GraphNode[],
  edges: GraphEdge[],
): string {
  const complete = feedShape !== null && feedShape.every((d) => d !== null);
  const input: Shape = complete ? (feedShape as Shape) : [];
  const parts = expandBlock(block, feed, input);
  // The parts' own shapes, when the block's input is known (the same walk the designer runs).
  const inner = complete
    ? new Map(
        inferStack(parts, input, { inputIsTokens: false, inputId: feed }).layers.map((a) => [
          a.id,
          a,
        ]),
      )
    : new Map<string, LayerAnalysis>();
  let previous = feed;
  for (const part of parts) {
    const info = inner.get(part.id);
    nodes.push({
      id: part.id,
      kind: part.kind,
      parent: block.id,
      layerId: block.id,
      position,
      shape: info?.sketch.shape ?? null,
      params: info ? info.sketch.params : null,
      problem: info?.problem != null,
    });
    edges.push(edge(previous, part.id, false));
    if (part.kind === 'add' || part.kind === 'concatenate')
      edges.push(edge(part.from, part.id, true));
    previous = part.id;
  }
  return previous;
}

/**
 * The design drawn as a graph (React Flow, laid out by dagre): the input and every layer a node
 * with its type, output shape and parameter count; the flow and every skip connection an edge;
 * blocks open into groups of their parts. It edits the same design as the layer list: a click
 * (or Enter) on a node opens that layer's card, Delete removes the selected layer, and dragging
 * from a node's bottom handle onto a merge layer (Add, Concatenate) makes it the merge's "from".
 * Loaded only when the graph view is chosen (React Flow is not on the first screen).
 */
import '@xyflow/react/dist/style.css';
import {
  Background,
  Controls,
  ReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeMouseHandler,
  useReactFlow,
  useStore as useFlowStore,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { modelGraph, type GraphNode } from '../../models/modelGraph';
import { INPUT_ID } from '../../models/spec';
import { useLayerSelection } from '../../state/layerSelection';
import { useStore } from '../../state/store';
import { useAnalysis } from '../../state/useAnalysis';
import { layerLabel } from '../layerText';
import { layoutGraph } from './layoutGraph';
import { BlockGroupNode, LayerNode, type LayerNodeData } from './LayerNode';

const NODE_TYPES = { layer: LayerNode, block: BlockGroupNode };

function isMerge(node: GraphNode | undefined): boolean {
  return node?.kind === 'add' || node?.kind === 'concatenate';
}

/**
 * While the graph is on screen, the probes also compute every layer's output for the chosen sample
 * (the nodes' thumbnails), and stop when it leaves.
 */
function useLiveThumbnails(): void {
  useEffect(() => {
    const show = (graph: boolean) => {
      const { probeSettings, setProbeSettings } = useStore.getState();
      setProbeSettings({ views: { ...probeSettings.views, graph } });
    };
    show(true);
    return () => show(false);
  }, []);
}

export function ModelGraph() {
  useLiveThumbnails();
  const { t } = useTranslation();
  const spec = useStore((s) => s.spec);
  const updateLayer = useStore((s) => s.updateLayer);
  const removeLayer = useStore((s) => s.removeLayer);
  const analysis = useAnalysis();
  const selected = useLayerSelection((s) => s.selected);
  const openCard = useLayerSelection((s) => s.openCard);
  const [openBlocks, setOpenBlocks] = useState<ReadonlySet<string>>(new Set());
  const toggleBlock = useCallback(
    (id: string) =>
      setOpenBlocks((open) => {
        const next = new Set(open);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const graph = useMemo(
    () => modelGraph(spec, analysis.layers, analysis.inputShape, openBlocks),
    [spec, analysis.layers, analysis.inputShape, openBlocks],
  );
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const boxes = useMemo(() => layoutGraph(graph), [graph]);
  // Tall enough to show a typical design at full size, never more than most of a screen.
  const height = useMemo(() => {
    const bottom = Math.max(0, ...[...boxes.values()].map((b) => b.y + b.height));
    return Math.min(Math.max(bottom + 24, 200), 720);
  }, [boxes]);

  const nodes = useMemo<Node<LayerNodeData>[]>(
    () =>
      graph.nodes.map((n) => {
        const box = boxes.get(n.id) ?? { x: 0, y: 0, width: 0, height: 0 };
        const parent = n.parent ? boxes.get(n.parent) : undefined;
        return {
          id: n.id,
          type: n.open ? 'block' : 'layer',
          // React Flow places a group's parts relative to the group.
          position: parent ? { x: box.x - parent.x, y: box.y - parent.y } : { x: box.x, y: box.y },
          ...(n.parent && { parentId: n.parent }),
          width: box.width,
          height: box.height,
          data: { node: n, toggleBlock },
          selected: n.layerId !== null && n.layerId === selected && !n.parent,
          draggable: false,
          // Only design layers can be removed: not the input, not one part of a block.
          deletable: n.layerId !== null && !n.parent,
          ariaLabel: nodeLabel(n),
        };
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- nodeLabel reads t only
    [graph, boxes, selected, toggleBlock, t],
  );
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.skip && { targetHandle: 'skip' }),
        className: e.skip ? 'graph-edge-skip' : 'graph-edge-flow',
        ...(e.skip && { type: 'smoothstep' }),
        deletable: false,
        selectable: false,
      })),
    [graph],
  );

  function nodeLabel(n: GraphNode): string {
    if (n.kind === 'input') return t('graph.inputLabel');
    const name = layerLabel(t, n.kind);
    return n.parent
      ? t('graph.partLabel', { index: n.position, name })
      : t('graph.nodeLabel', { index: n.position, name });
  }

  /** The design layer a connection names: a block's part stands for its block's output. */
  const layerOf = useCallback(
    (id: string | null | undefined) => {
      const node = id ? byId.get(id) : undefined;
      if (!node) return undefined;
      return node.kind === 'input' ? INPUT_ID : (node.layerId ?? undefined);
    },
    [byId],
  );

  const isValidConnection = useCallback(
    (c: Connection | Edge) => {
      const target = byId.get(c.target);
      const source = byId.get(c.source);
      // Only a top-level merge takes a second input, and only from above it.
      return (
        isMerge(target) &&
        !target?.parent &&
        source !== undefined &&
        source.position < (target?.position ?? 0)
      );
    },
    [byId],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const from = layerOf(c.source);
      if (from && isValidConnection(c)) updateLayer(c.target, { from });
    },
    [layerOf, isValidConnection, updateLayer],
  );
  const onNodeClick = useCallback<NodeMouseHandler<Node<LayerNodeData>>>(
    (_, node) => {
      const layer = layerOf(node.id);
      if (layer && layer !== INPUT_ID) openCard(layer);
    },
    [layerOf, openCard],
  );
  // Enter on a focused node opens its card, as a click does (React Flow's node wrapper holds
  // the focus and carries the node's id).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter') return;
    const id = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id;
    const layer = layerOf(id);
    if (layer && layer !== INPUT_ID) {
      e.preventDefault();
      openCard(layer);
    }
  };

  // Only what this graph shows: its nodes cannot be dragged, and it has no minimap.
  const ariaLabels = useMemo(
    () => ({
      // React Flow reads the keyboardDisabled text when keyboard access is on (its names are
      // swapped), so both say what this graph does.
      'node.a11yDescription.default': t('graph.flow.node'),
      'node.a11yDescription.keyboardDisabled': t('graph.flow.node'),
      'edge.a11yDescription.default': t('graph.flow.edge'),
      'controls.ariaLabel': t('graph.flow.controls'),
      'controls.zoomIn.ariaLabel': t('graph.flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('graph.flow.zoomOut'),
      'controls.fitView.ariaLabel': t('graph.flow.fitView'),
      'handle.ariaLabel': t('graph.flow.handle'),
    }),
    [t],
  );

  return (
    <div
      className="model-graph"
      data-testid="model-graph"
      role="group"
      aria-label={t('graph.label')}
      onKeyDown={onKeyDown}
    >
      <div className="model-graph-canvas" style={{ height }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodeClick={onNodeClick}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onNodesDelete={(deleted) => deleted.forEach((n) => removeLayer(n.id))}
          deleteKeyCode={['Delete', 'Backspace']}
          nodesDraggable={false}
          fitView
          fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
          minZoom={0.2}
          maxZoom={2}
          proOptions={{ hideAttribution: false }}
          ariaLabelConfig={ariaLabels}
        >
          <Background gap={16} size={1} />
          <Controls showInteractive={false} />
          <FitOnChange graph={graph} />
        </ReactFlow>
      </div>
      <p className="hint graph-hint">{t('graph.hint')}</p>
    </div>
  );
}

/**
 * Fits the whole graph in view again whenever the design's graph changes, and whenever the canvas
 * changes size: its height follows the graph (a block closed makes it shorter), and React Flow
 * learns the new size from a ResizeObserver, which may report after the frame the fit ran in; a
 * fit for the old size would leave the last nodes below the canvas's edge.
 */
function FitOnChange({ graph }: { graph: unknown }) {
  const { fitView } = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  useEffect(() => {
    // After React Flow has taken the new nodes in (their sizes are given, so one frame is enough).
    const frame = requestAnimationFrame(() => void fitView({ padding: 0.08, maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [graph, fitView, width, height]);
  return null;
}

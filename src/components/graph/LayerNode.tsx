/**
 * How one node of the model graph looks: a layer's place, type, output shape and parameter count
 * (as the layer list shows them), or an opened block's frame with its title on the border.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import type { GraphNode } from '../../models/modelGraph';
import { formatPartialShape } from '../../models/sketchShape';
import { layerLabel } from '../layerText';
import { LayerThumbnail } from './LayerThumbnail';

export interface LayerNodeData extends Record<string, unknown> {
  node: GraphNode;
  /** Opens or closes a block. */
  toggleBlock: (id: string) => void;
}

type Props = NodeProps<Node<LayerNodeData>>;

/** A shape with every dimension known, else null (the input's always is). */
function knownShape(shape: GraphNode['shape']): readonly number[] | null {
  return shape?.every((d): d is number => typeof d === 'number') ? shape : null;
}

function useNodeTitle(node: GraphNode): string {
  const { t } = useTranslation();
  if (node.kind === 'input') return t('designer.input');
  const name = layerLabel(t, node.kind);
  return node.parent ? name : `${node.position} · ${name}`;
}

export const LayerNode = memo(function LayerNode({ data, selected }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { node, toggleBlock } = data;
  const title = useNodeTitle(node);
  const merge = node.kind === 'add' || node.kind === 'concatenate';
  return (
    <div
      className={`graph-node kind-${node.kind}${node.problem ? ' has-problem' : ''}${selected ? ' is-selected' : ''}`}
      data-testid="graph-node"
      data-node-id={node.id}
      data-kind={node.kind}
    >
      {node.kind !== 'input' && (
        <Handle type="target" position={Position.Top} isConnectable={false} />
      )}
      {merge && (
        <Handle
          type="target"
          id="skip"
          position={Position.Left}
          className="graph-skip-handle"
          // A block's own skips are part of the block: only a design layer's can be redrawn.
          isConnectable={!node.parent}
          {...(!node.parent && { title: t('graph.skipHandle') })}
        />
      )}
      <div className="graph-node-title">
        {title}
        {node.open === false && (
          <button
            type="button"
            className="graph-block-toggle nodrag"
            data-testid="graph-open-block"
            aria-expanded="false"
            aria-label={t('graph.openBlock', { index: node.position })}
            onClick={(e) => {
              e.stopPropagation();
              toggleBlock(node.id);
            }}
          >
            ▸
          </button>
        )}
      </div>
      <div className="graph-node-facts">
        <span data-testid="graph-node-shape">{formatPartialShape(node.shape)}</span>
        <span data-testid="graph-node-params" title={t('layerCard.paramsTitle')}>
          {node.params === null ? '?' : format.integer(node.params)}
        </span>
      </div>
      {!node.parent && (
        <LayerThumbnail layerId={node.layerId} inputShape={knownShape(node.shape)} />
      )}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
});

/** An opened block: a frame around its parts; its title closes it again. */
export const BlockGroupNode = memo(function BlockGroupNode({ data }: Props) {
  const { t } = useTranslation();
  const { node, toggleBlock } = data;
  const title = useNodeTitle(node);
  return (
    <div className="graph-group" data-testid="graph-group" data-node-id={node.id}>
      <button
        type="button"
        className="graph-group-title nodrag"
        aria-expanded="true"
        // The name begins with the visible title (a speech user says what they see).
        aria-label={t('graph.closeBlock', { name: title })}
        onClick={(e) => {
          e.stopPropagation();
          toggleBlock(node.id);
        }}
      >
        <span aria-hidden="true">▾ </span>
        {title}
      </button>
    </div>
  );
});

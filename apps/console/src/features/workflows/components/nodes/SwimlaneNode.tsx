import { type NodeProps, NodeResizer } from '@xyflow/react';
import { Typography, theme } from 'antd';
import { useNodeLabel } from '../../hooks/useNodeLabel';
import type { EditorNode } from '../../utils/workflowGraph';

/** 泳道: a resizable band that groups the nodes drawn in it (a department, a role). */
export function SwimlaneNode({ id, type, data, selected }: NodeProps<EditorNode>) {
  const { token } = theme.useToken();
  const label = useNodeLabel();
  return (
    <div
      data-testid={`wf-node-${id}`}
      style={{
        width: '100%',
        height: '100%',
        border: `1px ${selected ? 'solid' : 'dashed'} ${selected ? token.colorPrimary : token.colorBorder}`,
        borderRadius: token.borderRadiusLG,
        background: 'rgba(22, 119, 255, 0.03)',
      }}
    >
      <NodeResizer isVisible={selected} minWidth={200} minHeight={120} color={token.colorPrimary} />
      <Typography.Text
        strong
        type="secondary"
        style={{ display: 'inline-block', padding: '4px 10px', fontSize: 12 }}
      >
        {label({ type, data })}
      </Typography.Text>
    </div>
  );
}

import type { NodeProps } from '@xyflow/react';
import { Typography, theme } from 'antd';
import { useT } from '../../../../i18n/useT';
import type { EditorNode } from '../../utils/workflowGraph';

/** 注释: a note on the drawing; it takes no connectors. */
export function CommentNode({ id, data, selected }: NodeProps<EditorNode>) {
  const { t } = useT();
  const { token } = theme.useToken();
  const text = String(data.text ?? '');
  return (
    <div
      data-testid={`wf-node-${id}`}
      style={{
        width: 180,
        minHeight: 48,
        padding: 8,
        background: token.colorWarningBg,
        border: `1px ${selected ? 'solid' : 'dashed'} ${selected ? token.colorPrimary : token.colorWarningBorder}`,
        borderRadius: token.borderRadius,
        whiteSpace: 'pre-wrap',
        fontSize: 12,
      }}
    >
      {text ? text : <Typography.Text type="secondary">{t('workflows.comment.empty')}</Typography.Text>}
    </div>
  );
}

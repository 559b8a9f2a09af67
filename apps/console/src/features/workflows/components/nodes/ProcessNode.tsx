import { ClockCircleOutlined, TeamOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { TaskNodeData } from '@yidan/contracts';
import { Flex, Typography, theme } from 'antd';
import { useT } from '../../../../i18n/useT';
import { useNodeLabel } from '../../hooks/useNodeLabel';
import type { EditorNode } from '../../utils/workflowGraph';
import { useHasProblem } from '../problemContext';

/** 开始, 任务, 分支 and 结束 on the canvas: start and end as pills, a branch as a diamond, a task as a card. */
export function ProcessNode({ id, type, data, selected }: NodeProps<EditorNode>) {
  const { t } = useT();
  const { token } = theme.useToken();
  const label = useNodeLabel();
  const problem = useHasProblem(id);
  const border = problem ? token.colorError : selected ? token.colorPrimary : token.colorBorder;
  const ring = `0 0 0 ${selected || problem ? 2 : 1}px ${border}`;
  const name = label({ type, data });

  if (type === 'branch')
    return (
      <div data-testid={`wf-node-${id}`} style={{ width: 96, height: 96, position: 'relative' }}>
        <div
          style={{
            position: 'absolute',
            inset: 14,
            transform: 'rotate(45deg)',
            background: token.colorWarningBg,
            boxShadow: ring,
            borderRadius: 6,
          }}
        />
        <Typography.Text
          strong
          ellipsis
          style={{
            position: 'absolute',
            inset: 0,
            display: 'grid',
            placeItems: 'center',
            padding: 18,
            fontSize: 12,
          }}
        >
          {name}
        </Typography.Text>
        <Handle type="target" position={Position.Left} />
        <Handle type="source" position={Position.Right} id="r" />
        <Handle type="source" position={Position.Bottom} id="b" />
      </div>
    );

  if (type === 'start' || type === 'end')
    return (
      <div
        data-testid={`wf-node-${id}`}
        style={{
          padding: '8px 20px',
          borderRadius: 999,
          minWidth: 72,
          textAlign: 'center',
          background: type === 'start' ? token.colorSuccessBg : token.colorFillSecondary,
          boxShadow: ring,
        }}
      >
        <Typography.Text strong>{name}</Typography.Text>
        {type === 'start' ? (
          <Handle type="source" position={Position.Right} />
        ) : (
          <Handle type="target" position={Position.Left} />
        )}
      </div>
    );

  const task = data as unknown as TaskNodeData;
  const participants = task.participants.agentIds.length + task.participants.groupIds.length;
  const actions = (task.onEnter?.length ?? 0) + (task.onSubmit?.length ?? 0);
  return (
    <div
      data-testid={`wf-node-${id}`}
      style={{
        width: 180,
        padding: '8px 12px',
        borderRadius: token.borderRadiusLG,
        background: token.colorBgContainer,
        boxShadow: ring,
        borderTop: `4px solid ${token.colorPrimary}`,
      }}
    >
      <Typography.Text strong ellipsis style={{ display: 'block' }}>
        {name}
      </Typography.Text>
      <Flex gap={10} style={{ fontSize: 12, color: token.colorTextSecondary, marginTop: 4 }} wrap>
        {task.timeLimit && (
          <span title={t('workflows.task.timeLimit')}>
            <ClockCircleOutlined /> {t('workflows.minutes', { n: task.timeLimit.minutes })}
          </span>
        )}
        <span title={t('workflows.task.participants')}>
          <TeamOutlined /> {participants || t('workflows.task.everyone')}
        </span>
        {actions > 0 && (
          <span title={t('workflows.task.actions')}>
            <ThunderboltOutlined /> {actions}
          </span>
        )}
      </Flex>
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

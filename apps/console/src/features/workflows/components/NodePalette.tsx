import {
  BorderOuterOutlined,
  BranchesOutlined,
  CheckCircleOutlined,
  MessageOutlined,
  PlayCircleOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import type { WorkflowNodeType } from '@yidan/contracts';
import { Button, Card, Flex, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';

const ITEMS: { type: WorkflowNodeType; icon: ReactNode }[] = [
  { type: 'start', icon: <PlayCircleOutlined /> },
  { type: 'task', icon: <ProfileOutlined /> },
  { type: 'branch', icon: <BranchesOutlined /> },
  { type: 'end', icon: <CheckCircleOutlined /> },
  { type: 'comment', icon: <MessageOutlined /> },
  { type: 'swimlane', icon: <BorderOuterOutlined /> },
];

/** 控件: adds a start, task, branch, end, comment or swimlane in the middle of the view. */
export function NodePalette({ onAdd }: { onAdd: (type: WorkflowNodeType) => void }) {
  const { t } = useT();
  return (
    <Card size="small" styles={{ body: { padding: 6 } }} data-testid="workflow-palette">
      <Flex vertical gap={4}>
        {ITEMS.map(({ type, icon }) => (
          <Tooltip key={type} title={t(`workflows.palette.${type}`)} placement="right">
            <Button
              size="small"
              type="text"
              icon={icon}
              onClick={() => onAdd(type)}
              data-testid={`wf-add-${type}`}
              style={{ justifyContent: 'flex-start' }}
            >
              {t(`workflows.type.${type}`)}
            </Button>
          </Tooltip>
        ))}
      </Flex>
    </Card>
  );
}

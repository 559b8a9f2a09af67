import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Switch, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { EditorNode } from '../utils/workflowGraph';
import { ConnectorList } from './ConnectorList';
import type { SelectionPanelProps } from './SelectionPanel';
import { TaskNodeForm } from './TaskNodeForm';

/** The selected node: its name (or text), its kind's settings, its connectors, 删除. */
export function NodePanel(props: SelectionPanelProps & { node: EditorNode }) {
  const { t } = useT();
  const { node, onNodeChange, onRemove } = props;
  const set = (data: Record<string, unknown>) => onNodeChange(node.id, data);
  const text = (key: string) => String(node.data[key] ?? '');

  return (
    <Flex vertical gap={12}>
      <Form layout="vertical" component="div">
        {node.type === 'comment' ? (
          <Form.Item label={t('workflows.comment.text')} style={{ marginBottom: 0 }}>
            <Input.TextArea
              value={text('text')}
              maxLength={500}
              autoSize={{ minRows: 3, maxRows: 8 }}
              onChange={(e) => set({ text: e.target.value })}
              data-testid="wf-node-text"
            />
          </Form.Item>
        ) : node.type === 'swimlane' ? (
          <Form.Item label={t('workflows.swimlane.label')} style={{ marginBottom: 0 }}>
            <Input value={text('label')} maxLength={50} onChange={(e) => set({ label: e.target.value })} />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('workflows.node.name')}
            required={node.type === 'task'}
            validateStatus={node.type === 'task' && !text('name').trim() ? 'error' : undefined}
            style={{ marginBottom: 0 }}
          >
            <Input
              value={text('name')}
              maxLength={50}
              placeholder={t(`workflows.type.${node.type ?? 'task'}`)}
              onChange={(e) => set({ name: e.target.value })}
              data-testid="wf-node-name"
            />
          </Form.Item>
        )}
      </Form>
      {node.type === 'branch' && (
        <Typography.Text type="secondary">{t('workflows.branch.help')}</Typography.Text>
      )}
      {node.type === 'swimlane' && (
        <Typography.Text type="secondary">{t('workflows.swimlane.help')}</Typography.Text>
      )}
      {node.type === 'end' && (
        <Flex align="center" gap={8}>
          <Switch
            size="small"
            checked={Boolean(node.data.solve)}
            onChange={(solve) => set({ solve })}
            data-testid="wf-end-solve"
          />
          <Typography.Text>{t('workflows.end.solve')}</Typography.Text>
        </Flex>
      )}
      {node.type === 'task' && <TaskNodeForm {...props} />}
      {(node.type === 'start' || node.type === 'task' || node.type === 'branch') && (
        <ConnectorList {...props} />
      )}
      <div>
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() => onRemove(node.id)}
          data-testid="wf-node-delete"
        >
          {t('workflows.node.delete')}
        </Button>
      </div>
    </Flex>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useNodeLabel } from '../hooks/useNodeLabel';
import { type EditorNode, isProcess } from '../utils/workflowGraph';
import type { SelectionPanelProps } from './SelectionPanel';

/** 连线: the node's outgoing connectors (each opens its editor) and 连线到… without dragging a handle. */
export function ConnectorList({
  node,
  nodes,
  edges,
  onSelect,
  onConnect,
}: SelectionPanelProps & { node: EditorNode }) {
  const { t } = useT();
  const label = useNodeLabel();
  const [target, setTarget] = useState<string | null>(null);
  const outgoing = edges.filter((e) => e.source === node.id);
  const nameOf = (id: string) => {
    const n = nodes.find((x) => x.id === id);
    return n ? label(n) : id;
  };
  const targets = nodes
    .filter((n) => isProcess(n.type) && n.id !== node.id && n.type !== 'start')
    .map((n) => ({ value: n.id, label: label(n) }));

  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t('workflows.connectors')}</Typography.Text>
      {outgoing.length === 0 && (
        <Typography.Text type="secondary">{t('workflows.connectors.none')}</Typography.Text>
      )}
      {outgoing.map((e, i) => (
        <Flex key={e.id} gap={6} align="center" wrap>
          <Typography.Link onClick={() => onSelect(e.id)} data-testid={`wf-out-${i}`}>
            → {nameOf(e.target)}
          </Typography.Link>
          {e.data?.label && <Typography.Text type="secondary">{e.data.label}</Typography.Text>}
          {e.data?.isDefault && <Tag color="blue">{t('workflows.edge.defaultTag')}</Tag>}
          {(e.data?.conditions?.all.length || e.data?.conditions?.any.length) && (
            <Tag>{t('workflows.edge.conditional')}</Tag>
          )}
        </Flex>
      ))}
      <Flex gap={8}>
        <Select
          value={target}
          onChange={setTarget}
          options={targets}
          placeholder={t('workflows.connectTo')}
          aria-label={t('workflows.connectTo')}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="wf-connect-target"
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!target}
          onClick={() => {
            if (target) onConnect(node.id, target);
            setTarget(null);
          }}
          data-testid="wf-connect-add"
        >
          {t('workflows.connect')}
        </Button>
      </Flex>
    </Flex>
  );
}

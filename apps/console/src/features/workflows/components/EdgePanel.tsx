import { DeleteOutlined } from '@ant-design/icons';
import type { ConditionSet } from '@yidan/contracts';
import { Button, Flex, Input, Switch, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { ConditionBuilder } from '../../conditions/components/ConditionBuilder';
import { EMPTY_CONDITIONS } from '../../triggers/components/triggerFormValues';
import { useNodeLabel } from '../hooks/useNodeLabel';
import type { EditorEdge } from '../utils/workflowGraph';
import type { SelectionPanelProps } from './SelectionPanel';

/**
 * 连线 (manual 5.1.3): its label, 默认路径 for a branch's connector, and the conditions under which
 * the ticket may move along it (the shared condition builder over the ticket's fields).
 */
export function EdgePanel({
  edge,
  nodes,
  edges,
  catalogue,
  onEdgeChange,
  onRemove,
}: SelectionPanelProps & { edge: EditorEdge }) {
  const { t, lang } = useT();
  const label = useNodeLabel();
  const source = nodes.find((n) => n.id === edge.source);
  const target = nodes.find((n) => n.id === edge.target);
  const data = edge.data ?? {};

  /** One default per branch: turning it on here turns it off on the branch's other connectors. */
  const setDefault = (isDefault: boolean) => {
    if (isDefault)
      for (const sibling of edges)
        if (sibling.source === edge.source && sibling.id !== edge.id && sibling.data?.isDefault)
          onEdgeChange(sibling.id, { isDefault: undefined });
    onEdgeChange(edge.id, { isDefault: isDefault || undefined });
  };
  const setConditions = (set: ConditionSet) =>
    onEdgeChange(edge.id, { conditions: set.all.length || set.any.length ? set : undefined });

  return (
    <Flex vertical gap={12} data-testid="wf-edge-panel">
      <Typography.Text>
        {source ? label(source) : edge.source} → {target ? label(target) : edge.target}
      </Typography.Text>
      <Input
        value={data.label ?? ''}
        maxLength={50}
        placeholder={t('workflows.edge.label')}
        aria-label={t('workflows.edge.label')}
        onChange={(e) => onEdgeChange(edge.id, { label: e.target.value || undefined })}
        data-testid="wf-edge-label"
      />
      {source?.type === 'branch' && (
        <Flex align="center" gap={8}>
          <Switch
            size="small"
            checked={Boolean(data.isDefault)}
            onChange={setDefault}
            data-testid="wf-edge-default"
          />
          <Typography.Text>{t('workflows.edge.default')}</Typography.Text>
        </Flex>
      )}
      {source?.type === 'start' ? (
        <Typography.Text type="secondary">{t('workflows.edge.fromStart')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          <Typography.Text strong>{t('workflows.edge.conditions')}</Typography.Text>
          <Typography.Text type="secondary">
            {source?.type === 'branch' ? t('workflows.edge.branchHelp') : t('workflows.edge.taskHelp')}
          </Typography.Text>
          <ConditionBuilder
            fields={catalogue.conditions}
            value={data.conditions ?? EMPTY_CONDITIONS}
            onChange={setConditions}
            lang={lang}
          />
        </Flex>
      )}
      <div>
        <Button
          danger
          icon={<DeleteOutlined />}
          onClick={() => onRemove(edge.id)}
          data-testid="wf-edge-delete"
        >
          {t('workflows.edge.delete')}
        </Button>
      </div>
    </Flex>
  );
}

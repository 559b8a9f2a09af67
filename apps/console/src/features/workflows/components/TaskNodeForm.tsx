import type { NodeFieldRules, NodeTimeLimit } from '@yidan/contracts';
import { Flex, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { ActionListInput } from '../../triggers/components/ActionListInput';
import type { ActionDraft } from '../../triggers/components/triggerFormValues';
import type { EditorNode } from '../utils/workflowGraph';
import { FieldRulesTable } from './FieldRulesTable';
import type { SelectionPanelProps } from './SelectionPanel';

type Participants = { agentIds: number[]; groupIds: number[] };

/** 任务节点 (manual 5.1.3–5.1.4): field rules, 参与者, 节点时限, and actions on entering and on submit. */
export function TaskNodeForm({
  node,
  workflow,
  catalogue,
  onNodeChange,
}: SelectionPanelProps & { node: EditorNode }) {
  const { t } = useT();
  const set = (data: Record<string, unknown>) => onNodeChange(node.id, data);
  const fields = node.data.fields as NodeFieldRules;
  const participants = node.data.participants as Participants;
  const limit = node.data.timeLimit as NodeTimeLimit | null;

  return (
    <Flex vertical gap={16}>
      <Input.TextArea
        value={String(node.data.description ?? '')}
        placeholder={t('workflows.task.description')}
        aria-label={t('workflows.task.description')}
        maxLength={500}
        autoSize={{ minRows: 1, maxRows: 4 }}
        onChange={(e) => set({ description: e.target.value || undefined })}
      />
      <div>
        <Typography.Text strong>{t('workflows.task.fields')}</Typography.Text>
        <FieldRulesTable
          fields={workflow.templateFields}
          value={fields}
          onChange={(v) => set({ fields: v })}
        />
      </div>
      <Flex vertical gap={6}>
        <Typography.Text strong>{t('workflows.task.participants')}</Typography.Text>
        <Select
          mode="multiple"
          value={participants.groupIds}
          onChange={(groupIds: number[]) => set({ participants: { ...participants, groupIds } })}
          options={catalogue.groups.map((g) => ({ value: g.id, label: g.name }))}
          optionFilterProp="label"
          placeholder={t('workflows.task.groups')}
          aria-label={t('workflows.task.groups')}
          data-testid="wf-task-groups"
        />
        <Select
          mode="multiple"
          value={participants.agentIds}
          onChange={(agentIds: number[]) => set({ participants: { ...participants, agentIds } })}
          options={catalogue.agents.map((a) => ({ value: a.id, label: a.name }))}
          optionFilterProp="label"
          placeholder={t('workflows.task.agents')}
          aria-label={t('workflows.task.agents')}
          data-testid="wf-task-agents"
        />
        <Typography.Text type="secondary">{t('workflows.task.participantsHelp')}</Typography.Text>
      </Flex>
      <Flex vertical gap={6}>
        <Flex align="center" gap={8}>
          <Switch
            size="small"
            checked={limit !== null}
            onChange={(on) => set({ timeLimit: on ? { minutes: 60, clock: 'calendar' } : null })}
            data-testid="wf-task-limit"
          />
          <Typography.Text strong>{t('workflows.task.timeLimit')}</Typography.Text>
        </Flex>
        {limit && (
          <Flex gap={8} wrap>
            <InputNumber
              min={1}
              max={525600}
              precision={0}
              value={limit.minutes}
              onChange={(minutes) => minutes && set({ timeLimit: { ...limit, minutes } })}
              suffix={t('workflows.task.minutesUnit')}
              aria-label={t('workflows.task.timeLimit')}
              style={{ width: 140 }}
              data-testid="wf-task-minutes"
            />
            <Select
              value={limit.clock}
              onChange={(clock: NodeTimeLimit['clock']) => set({ timeLimit: { ...limit, clock } })}
              options={[
                { value: 'calendar', label: t('workflows.task.calendar') },
                { value: 'business', label: t('workflows.task.business') },
              ]}
              style={{ width: 140 }}
            />
          </Flex>
        )}
      </Flex>
      <NodeActions
        title={t('workflows.task.onEnter')}
        help={t('workflows.task.onEnterHelp')}
        value={node.data.onEnter as ActionDraft[]}
        onChange={(onEnter) => set({ onEnter })}
        catalogue={catalogue.actions}
        testId="wf-task-on-enter"
      />
      <NodeActions
        title={t('workflows.task.onSubmit')}
        help={t('workflows.task.onSubmitHelp')}
        value={node.data.onSubmit as ActionDraft[]}
        onChange={(onSubmit) => set({ onSubmit })}
        catalogue={catalogue.actions}
        testId="wf-task-on-submit"
      />
    </Flex>
  );
}

/** One action list (the trigger action builder) in a form of its own, since a node has two. */
function NodeActions({
  title,
  help,
  value,
  onChange,
  catalogue,
  testId,
}: {
  title: string;
  help: string;
  value: ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
  catalogue: SelectionPanelProps['catalogue']['actions'];
  testId: string;
}) {
  return (
    <Flex vertical gap={4} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Typography.Text type="secondary">{help}</Typography.Text>
      <Form
        component="div"
        initialValues={{ actions: value ?? [] }}
        onValuesChange={(_, all: { actions?: ActionDraft[] }) => onChange(all.actions ?? [])}
      >
        <ActionListInput catalogue={catalogue} optional />
      </Form>
    </Flex>
  );
}

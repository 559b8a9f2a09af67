import { Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Restrict to members of this group (流转 to a group, then one of its agents). */
  groupId?: number | null;
  /** Shown for a current assignee who is no longer available. */
  current?: { id: number; name: string } | null;
  placeholder?: string;
  testId?: string;
}

/**
 * Picks the agent to handle a ticket. Only enabled agents set to 可接单 may be chosen (manual
 * 5.2.4); the others are listed greyed out so the agent sees why someone is missing.
 */
export function AgentSelect({ value, onChange, groupId, current, placeholder, testId }: Props) {
  const { t } = useT();
  const { data: agents = [], isLoading } = useAgentDirectory();
  const options = agents
    .filter((a) => a.enabled && (!groupId || a.groupIds.includes(groupId)))
    .map((a) => ({
      value: a.id,
      label: a.available ? a.name : `${a.name}（${t('tickets.agentUnavailable')}）`,
      disabled: !a.available,
    }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name, disabled: true });
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={isLoading}
      value={value ?? undefined}
      onChange={(id?: number) => onChange?.(id ?? null)}
      options={options}
      placeholder={placeholder ?? t('tickets.pickAgent')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

import type { TriggerActionField } from '@yidan/contracts';
import { Input, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroupDirectory } from '../../org/hooks/useGroups';
import { AssignmentValueInput } from './AssignmentValueInput';
import { agentOptions, CLEAR, groupOptions, pickLabel, toId, tokenOptions } from './actionOptions';
import { CustomValueInput } from './CustomValueInput';
import { MessageValueInput } from './MessageValueInput';
import { NotificationValueInput } from './NotificationValueInput';
import { TargetValueInput } from './TargetValueInput';

interface Props {
  spec: TriggerActionField;
  value?: unknown;
  onChange?: (value: unknown) => void;
  testId?: string;
}

const wide = { width: '100%' };

/** The editor of one action's value, chosen by the catalogue's value type. A form control. */
export function ActionValueInput({ spec, value, onChange = () => undefined, testId }: Props) {
  const { t, lang } = useT();
  const { data: agents = [] } = useAgentDirectory();
  const { data: groups = [] } = useGroupDirectory();
  const clear = spec.nullable ? [{ value: CLEAR, label: t('triggers.value.clear') }] : [];
  // One id (or token, or null for 清空) in a single Select.
  const single = (options: { value: string; label: string }[]) => (
    <Select
      value={value === undefined ? undefined : value === null ? CLEAR : String(value)}
      onChange={(v: string) => onChange(v === CLEAR ? null : toId(v))}
      options={[...clear, ...options]}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('triggers.value.pick')}
      aria-label={t('triggers.action.value')}
      style={wide}
      data-testid={testId}
    />
  );

  switch (spec.valueType) {
    case 'select':
      return single((spec.options ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) })));
    case 'agent':
      return single([...tokenOptions(spec, lang), ...agentOptions(agents, [value])]);
    case 'group':
      return single(groupOptions(groups));
    case 'template':
      return single((spec.options ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) })));
    case 'tags':
      return (
        <Select
          mode="tags"
          value={Array.isArray(value) ? value : []}
          onChange={(next: string[]) => onChange(next.map((s) => s.trim()).filter(Boolean))}
          tokenSeparators={[',', '，']}
          open={false}
          suffixIcon={null}
          placeholder={t('triggers.value.tags')}
          aria-label={t('triggers.action.value')}
          style={wide}
          data-testid={testId}
        />
      );
    case 'agents': {
      const list = Array.isArray(value) ? value : [];
      return (
        <Select
          mode="multiple"
          value={list.map(String)}
          onChange={(next: string[]) => onChange(next.map(Number))}
          options={agentOptions(agents, list)}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('triggers.value.agents')}
          aria-label={t('triggers.action.value')}
          style={wide}
          data-testid={testId}
        />
      );
    }
    case 'text':
      return (
        <Input.TextArea
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={5000}
          placeholder={t('triggers.value.note')}
          aria-label={t('triggers.action.value')}
          data-testid={testId}
        />
      );
    case 'notification':
      return <NotificationValueInput spec={spec} value={value} onChange={onChange} agents={agents} />;
    case 'assignment':
      return <AssignmentValueInput spec={spec} value={value} onChange={onChange} groups={groups} />;
    case 'custom':
      return <CustomValueInput spec={spec} value={value} onChange={onChange} testId={testId} />;
    case 'target':
      return <TargetValueInput value={value} onChange={onChange} testId={testId} />;
    case 'message':
      return <MessageValueInput spec={spec} value={value} onChange={onChange} testId={testId} />;
  }
}

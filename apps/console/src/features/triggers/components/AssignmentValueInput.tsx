import type { TriggerActionField } from '@yidan/contracts';
import { Flex, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import type { DirectoryGroup } from '../../org/api/groupsApi';
import { groupOptions, pickLabel } from './actionOptions';

interface AssignmentValue {
  groupId?: number;
  strategy: string;
}

/** 组内自动分配: a group and how to pick in it (负载优先 / 轮流分配). */
export function AssignmentValueInput({
  spec,
  value,
  onChange,
  groups,
}: {
  spec: TriggerActionField;
  value: unknown;
  onChange: (value: AssignmentValue) => void;
  groups: DirectoryGroup[];
}) {
  const { t, lang } = useT();
  const current: AssignmentValue = { strategy: 'least_load', ...(value as Partial<AssignmentValue>) };
  return (
    <Flex gap={8} wrap style={{ width: '100%' }}>
      <Select
        value={current.groupId === undefined ? undefined : String(current.groupId)}
        onChange={(v: string) => onChange({ ...current, groupId: Number(v) })}
        options={groupOptions(groups)}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('triggers.value.group')}
        aria-label={t('triggers.value.group')}
        style={{ flex: 1, minWidth: 160 }}
      />
      <Select
        value={current.strategy}
        onChange={(strategy: string) => onChange({ ...current, strategy })}
        options={(spec.options ?? []).map((o) => ({ value: o.value, label: pickLabel(o.label, lang) }))}
        aria-label={t('triggers.value.strategy')}
        style={{ width: 140 }}
      />
    </Flex>
  );
}

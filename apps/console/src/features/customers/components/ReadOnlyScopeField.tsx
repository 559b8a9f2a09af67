import type { ReadOnlyScope } from '@yidan/contracts';
import { Flex, Radio, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroupDirectory } from '../../org/hooks/useGroups';

type Mode = 'none' | 'all' | 'some';

/** 只读: nobody, everyone, or the chosen agent groups and agents (administrators can always edit). */
export function ReadOnlyScopeField({
  value = { all: false, groupIds: [], agentIds: [] },
  onChange,
}: {
  value?: ReadOnlyScope;
  onChange?: (value: ReadOnlyScope) => void;
}) {
  const { t } = useT();
  const { data: groups = [] } = useGroupDirectory();
  const { data: agents = [] } = useAgentDirectory();
  // "Chosen groups or agents" stays picked while the lists are still empty.
  const [picked, setPicked] = useState<Mode>('none');
  const mode: Mode = value.all
    ? 'all'
    : value.groupIds.length || value.agentIds.length || picked === 'some'
      ? 'some'
      : 'none';

  const setMode = (next: Mode) => {
    setPicked(next);
    if (next === 'all') onChange?.({ all: true, groupIds: [], agentIds: [] });
    else onChange?.({ ...value, all: false, ...(next === 'none' ? { groupIds: [], agentIds: [] } : {}) });
  };

  return (
    <Flex vertical gap={8}>
      <Radio.Group
        value={mode}
        onChange={(e) => setMode(e.target.value)}
        options={[
          { value: 'none', label: t('fields.readOnlyNone') },
          { value: 'all', label: t('fields.readOnlyAll') },
          { value: 'some', label: t('fields.readOnlySome') },
        ]}
        data-testid="field-readonly-mode"
      />
      {mode === 'some' && (
        <>
          <Select
            mode="multiple"
            value={value.groupIds}
            onChange={(groupIds) => onChange?.({ ...value, groupIds })}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            placeholder={t('fields.readOnlyGroups')}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            mode="multiple"
            value={value.agentIds}
            onChange={(agentIds) => onChange?.({ ...value, agentIds })}
            options={agents.map((a) => ({ value: a.id, label: `${a.name} (${a.account})` }))}
            placeholder={t('fields.readOnlyAgents')}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </>
      )}
    </Flex>
  );
}

import type { Agent } from '@yidan/contracts';
import { Card, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useAgents } from '../hooks/useAgents';
import { useGroups } from '../hooks/useGroups';
import { AgentFormDrawer } from './AgentFormDrawer';
import { AgentTable } from './AgentTable';

type Editing = { mode: 'create' } | { mode: 'edit'; agent: Agent } | null;

/** 客服管理 (manual 2.10.1): list, search, filter by group, create and edit agents. */
export function AgentsPage() {
  const { t } = useT();
  const [q, setQ] = useState('');
  const [groupId, setGroupId] = useState<number | undefined>();
  const [enabled, setEnabled] = useState<boolean | undefined>();
  const [editing, setEditing] = useState<Editing>(null);
  const agents = useAgents({ q: q || undefined, groupId, enabled });
  const { can } = useAccess();
  const { data: groups = [] } = useGroups(can('org.groups'));

  return (
    <>
      <PageHeader
        title={t('nav.agents')}
        extra={
          <CreateButton onClick={() => setEditing({ mode: 'create' })} testId="agent-create">
            {t('agents.create')}
          </CreateButton>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('agents.searchPlaceholder')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 260, maxWidth: '100%' }}
            data-testid="agent-search"
          />
          <Select
            allowClear
            disabled={!can('org.groups')}
            placeholder={t('agents.filterGroup')}
            value={groupId}
            onChange={setGroupId}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            style={{ width: 180 }}
            data-testid="agent-filter-group"
          />
          <Select
            allowClear
            placeholder={t('agents.filterEnabled')}
            value={enabled}
            onChange={setEnabled}
            options={[
              { value: true, label: t('agents.enabled') },
              { value: false, label: t('agents.disabled') },
            ]}
            style={{ width: 140 }}
          />
        </Flex>
        <AgentTable
          agents={agents.data ?? []}
          loading={agents.isFetching}
          groups={groups}
          onEdit={(agent) => setEditing({ mode: 'edit', agent })}
        />
      </Card>
      <AgentFormDrawer
        open={editing !== null}
        agent={editing?.mode === 'edit' ? editing.agent : undefined}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

import type { Agent } from '@yidan/contracts';
import { Button, Switch, Table, type TableProps, Tag } from 'antd';
import type { Group } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useUpdateAgent } from '../hooks/useAgents';
import { useRoles } from '../hooks/useRoles';
import { GrantIcons } from './GrantIcons';

interface Props {
  agents: Agent[];
  groups: Group[];
  loading: boolean;
  onEdit: (agent: Agent) => void;
}

export function AgentTable({ agents, groups, loading, onEdit }: Props) {
  const { t } = useT();
  const { can } = useAccess();
  const { data: roles = [] } = useRoles(can('org.roles'));
  const update = useUpdateAgent();
  const showError = useApiError();
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const roleName = new Map(roles.map((r) => [r.id, r.name]));

  const columns: TableProps<Agent>['columns'] = [
    {
      title: t('agents.account'),
      dataIndex: 'account',
      render: (account: string, agent) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onEdit(agent)}>
          {account}
        </Button>
      ),
    },
    { title: t('agents.name'), dataIndex: 'name' },
    { title: t('agents.employeeNo'), dataIndex: 'employeeNo', render: (v: string | null) => v ?? '—' },
    { title: t('agents.mobile'), dataIndex: 'mobile', render: (v: string | null) => v ?? '—' },
    {
      title: t('agents.groups'),
      dataIndex: 'groupIds',
      render: (ids: number[]) => ids.map((id) => <Tag key={id}>{groupName.get(id) ?? `#${id}`}</Tag>),
    },
    {
      title: t('agents.role'),
      dataIndex: 'roleId',
      render: (id: number | null) => (id === null ? '—' : (roleName.get(id) ?? `#${id}`)),
    },
    {
      title: t('agents.grants'),
      dataIndex: 'grants',
      render: (grants: Agent['grants']) => <GrantIcons grants={grants} />,
    },
    {
      title: t('agents.enabled'),
      dataIndex: 'enabled',
      render: (enabled: boolean, agent) => (
        <Switch
          size="small"
          checked={enabled}
          loading={update.isPending && update.variables?.id === agent.id}
          onChange={(checked) =>
            update.mutate({ id: agent.id, body: { enabled: checked } }, { onError: (e) => showError(e) })
          }
          data-testid={`agent-enabled-${agent.account}`}
        />
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, agent) => (
        <Button
          type="link"
          size="small"
          onClick={() => onEdit(agent)}
          data-testid={`agent-edit-${agent.account}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Table<Agent>
      rowKey="id"
      columns={columns}
      dataSource={agents}
      loading={loading}
      size="middle"
      scroll={{ x: 1000 }}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      data-testid="agent-table"
    />
  );
}

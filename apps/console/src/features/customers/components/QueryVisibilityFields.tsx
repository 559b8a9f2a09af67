import { Form, Radio, Select, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroups } from '../../org/hooks/useGroups';
import type { QueryVisibility } from '../types/customerTypes';

const SCOPES: QueryVisibility['scope'][] = ['me', 'all', 'groups', 'agents'];

/**
 * 可见范围 of a 查询器, as form items under `visibility`: only me, all agents, chosen agent groups or
 * chosen agents. Sharing is for agents who manage the customer settings; others keep it to themselves.
 */
export function QueryVisibilityFields() {
  const { t } = useT();
  const { can } = useAccess();
  const mayShare = can('customer.settings');
  const mayListGroups = can('org.groups');
  const scope = Form.useWatch<QueryVisibility['scope'] | undefined>(['visibility', 'scope']);
  const { data: groups = [] } = useGroups(mayShare && mayListGroups);
  const { data: agents = [] } = useAgentDirectory();

  if (!mayShare) {
    return (
      <Form.Item label={t('savedQuery.visibility')}>
        <Typography.Text type="secondary">{t('savedQuery.onlyMe')}</Typography.Text>
      </Form.Item>
    );
  }

  return (
    <>
      <Form.Item name={['visibility', 'scope']} label={t('savedQuery.visibility')}>
        <Radio.Group
          options={SCOPES.map((value) => ({ value, label: t(`savedQuery.scope.${value}`) }))}
          data-testid="saved-query-scope"
        />
      </Form.Item>
      {scope === 'groups' && (
        <Form.Item
          name={['visibility', 'groupIds']}
          rules={[{ required: true, type: 'array', min: 1, message: t('savedQuery.groupsRequired') }]}
          extra={mayListGroups ? undefined : t('savedQuery.groupsNoPermission')}
        >
          <Select
            mode="multiple"
            disabled={!mayListGroups}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            placeholder={t('savedQuery.pickGroups')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="saved-query-groups"
          />
        </Form.Item>
      )}
      {scope === 'agents' && (
        <Form.Item
          name={['visibility', 'agentIds']}
          rules={[{ required: true, type: 'array', min: 1, message: t('savedQuery.agentsRequired') }]}
        >
          <Select
            mode="multiple"
            options={agents
              .filter((a) => a.enabled)
              .map((a) => ({ value: a.id, label: `${a.name} (${a.account})` }))}
            placeholder={t('savedQuery.pickAgents')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="saved-query-agents"
          />
        </Form.Item>
      )}
    </>
  );
}

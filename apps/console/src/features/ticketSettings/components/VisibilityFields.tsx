import { Form, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroups } from '../../org/hooks/useGroups';
import type { ViewVisibility } from '../types/ticketSettingsTypes';

type Scope = ViewVisibility['scope'];

/**
 * 可见范围 as form items under `visibility`: 当前用户 / 所有客服 / 客服分组 / 客服, and for 查询器
 * also 所有联系人 / 联系人标签分类 (the customer portal). `scopes` says which the form offers.
 */
export function VisibilityFields({ scopes, testId }: { scopes: readonly Scope[]; testId: string }) {
  const { t } = useT();
  const { can } = useAccess();
  const mayListGroups = can('org.groups');
  const scope = Form.useWatch<Scope | undefined>(['visibility', 'scope']);
  const { data: groups = [] } = useGroups(mayListGroups);
  const { data: agents = [] } = useAgentDirectory();

  return (
    <>
      <Form.Item name={['visibility', 'scope']} label={t('ticketSettings.visibility')}>
        <Select
          options={scopes.map((value) => ({ value, label: t(`ticketSettings.scope.${value}`) }))}
          style={{ maxWidth: 320 }}
          data-testid={`${testId}-scope`}
        />
      </Form.Item>
      {scope === 'groups' && (
        <Form.Item
          name={['visibility', 'groupIds']}
          rules={[{ required: true, type: 'array', min: 1, message: t('ticketSettings.groupsRequired') }]}
          extra={mayListGroups ? undefined : t('ticketSettings.groupsNoPermission')}
        >
          <Select
            mode="multiple"
            disabled={!mayListGroups}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
            placeholder={t('ticketSettings.pickGroups')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid={`${testId}-groups`}
          />
        </Form.Item>
      )}
      {scope === 'agents' && (
        <Form.Item
          name={['visibility', 'agentIds']}
          rules={[{ required: true, type: 'array', min: 1, message: t('ticketSettings.agentsRequired') }]}
        >
          <Select
            mode="multiple"
            options={agents
              .filter((a) => a.enabled)
              .map((a) => ({ value: a.id, label: `${a.name} (${a.account})` }))}
            placeholder={t('ticketSettings.pickAgents')}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid={`${testId}-agents`}
          />
        </Form.Item>
      )}
      {scope === 'contact_tag' && (
        <Form.Item
          name={['visibility', 'contactTag']}
          rules={[
            { required: true, whitespace: true, max: 50, message: t('ticketSettings.contactTagRequired') },
          ]}
        >
          <Input
            placeholder={t('ticketSettings.contactTag')}
            maxLength={50}
            style={{ maxWidth: 320 }}
            data-testid={`${testId}-contact-tag`}
          />
        </Form.Item>
      )}
    </>
  );
}

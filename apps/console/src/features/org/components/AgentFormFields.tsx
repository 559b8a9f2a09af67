import { MODULE_GRANTS } from '@yidan/contracts';
import { Checkbox, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from 'antd';
import type { Role } from '../../../api/types';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useGroups } from '../hooks/useGroups';
import { AccountField } from './AccountField';
import type { AgentFormValues } from './agentFormValues';

const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;

interface Props {
  form: FormInstance<AgentFormValues>;
  editing: boolean;
  roles: Role[];
}

export function AgentFormFields({ form, editing, roles }: Props) {
  const { t } = useT();
  const { can } = useAccess();
  const { data: groups = [] } = useGroups(can('org.groups'));

  return (
    <>
      <AccountField form={form} editing={editing} />
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="name"
            label={t('agents.name')}
            rules={[{ required: true, whitespace: true, max: 64 }]}
          >
            <Input data-testid="agent-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="password"
            label={editing ? t('agents.resetPassword') : t('agents.password')}
            rules={[{ required: !editing }, { min: 8, message: t('auth.passwordMin') }]}
          >
            <Input.Password
              autoComplete="new-password"
              placeholder={editing ? t('agents.passwordKeep') : undefined}
              data-testid="agent-form-password"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="employeeNo" label={t('agents.employeeNo')} rules={[{ max: 32 }]}>
            <Input data-testid="agent-form-employee-no" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="mobile"
            label={t('agents.mobile')}
            rules={[{ pattern: MOBILE, message: t('agents.mobileInvalid') }]}
          >
            <Input inputMode="tel" data-testid="agent-form-mobile" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('agents.email')} rules={[{ type: 'email' }]}>
            <Input inputMode="email" data-testid="agent-form-email" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="maxChats" label={t('agents.maxChats')} tooltip={t('agents.maxChatsHelp')}>
            <InputNumber min={0} max={100} style={{ width: '100%' }} data-testid="agent-form-max-chats" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="tags" label={t('agents.tags')} tooltip={t('agents.tagsHelp')}>
        <Select
          mode="tags"
          tokenSeparators={[',', '，']}
          open={false}
          suffixIcon={null}
          data-testid="agent-form-tags"
        />
      </Form.Item>
      <Form.Item name="grants" label={t('agents.grants')} tooltip={t('agents.grantsHelp')}>
        <Checkbox.Group>
          {MODULE_GRANTS.map((grant) => (
            <Checkbox key={grant} value={grant} data-testid={`agent-form-grants-${grant}`}>
              {t(`module.${grant}`)}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="roleId" label={t('agents.role')}>
        <Select
          allowClear
          options={roles.map((r) => ({ value: r.id, label: r.name }))}
          data-testid="agent-form-role"
        />
      </Form.Item>
      <Form.Item name="groupIds" label={t('agents.groups')}>
        <Select
          mode="multiple"
          optionFilterProp="label"
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          data-testid="agent-form-groups"
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="enabled" label={t('agents.enabled')} valuePropName="checked">
            <Switch data-testid="agent-form-enabled" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="available"
            label={t('agents.available')}
            valuePropName="checked"
            tooltip={t('agents.availableHelp')}
          >
            <Switch data-testid="agent-form-available" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

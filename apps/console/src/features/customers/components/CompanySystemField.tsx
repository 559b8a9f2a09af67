import { Col, DatePicker, Form, Input, Select, Space } from 'antd';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../../org/hooks/useAgents';
import { useGroupDirectory } from '../../org/hooks/useGroups';
import { useServicePackages } from '../hooks/useCustomerSettings';
import type { FieldDefinition } from '../types/customerTypes';

const WIDE = new Set(['address', 'region', 'tags', 'notes']);
const full = { width: '100%' };

/** One system field of the company form, under the label the vendor gave it. */
export function CompanySystemField({
  def,
  disabled,
  hasPassword,
}: {
  def: FieldDefinition;
  disabled?: boolean;
  /** Editing a company that already has a service password: blank keeps it. */
  hasPassword?: boolean;
}) {
  const { t } = useT();
  const { data: packages = [] } = useServicePackages();
  const { data: directory = [] } = useAgentDirectory();
  const { data: orgGroups = [] } = useGroupDirectory();
  const label = def.label;
  const item = (() => {
    switch (def.key) {
      case 'name':
        return (
          <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input disabled={disabled} data-testid="company-form-name" />
          </Form.Item>
        );
      case 'region':
        return (
          <Form.Item label={label}>
            <Space.Compact style={full}>
              <Form.Item name="province" noStyle rules={[{ max: 20 }]}>
                <Input disabled={disabled} placeholder={t('customers.province')} />
              </Form.Item>
              <Form.Item name="city" noStyle rules={[{ max: 20 }]}>
                <Input disabled={disabled} placeholder={t('customers.city')} />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        );
      case 'package':
        return (
          <Form.Item name="package" label={label}>
            <Select
              allowClear
              disabled={disabled}
              options={packages.map((p) => ({ value: p.name, label: p.name }))}
              data-testid="company-form-package"
            />
          </Form.Item>
        );
      case 'serviceStart':
      case 'serviceEnd':
        return (
          <Form.Item name={def.key} label={label}>
            <DatePicker disabled={disabled} style={full} data-testid={`company-form-${def.key}`} />
          </Form.Item>
        );
      case 'serviceCode':
        return (
          <Form.Item
            name="serviceCode"
            label={label}
            rules={[{ pattern: /^\d{4,12}$/, message: t('customers.serviceCodeInvalid') }]}
          >
            <Input disabled={disabled} inputMode="numeric" />
          </Form.Item>
        );
      case 'ownerAgentId':
        return (
          <Form.Item name="ownerAgentId" label={label}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={disabled}
              options={directory.map((a) => ({ value: a.id, label: `${a.name} (${a.account})` }))}
            />
          </Form.Item>
        );
      case 'ownerGroupId':
        return (
          <Form.Item name="ownerGroupId" label={label}>
            <Select
              allowClear
              disabled={disabled}
              options={orgGroups.map((g) => ({ value: g.id, label: g.name }))}
            />
          </Form.Item>
        );
      case 'tags':
        return (
          <Form.Item name="tags" label={label} rules={[{ type: 'array', max: 50 }]}>
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
          </Form.Item>
        );
      case 'notes':
        return (
          <Form.Item name="notes" label={label} rules={[{ max: 2000 }]}>
            <Input.TextArea disabled={disabled} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        );
      case 'website':
        return (
          <Form.Item name="website" label={label} rules={[{ max: 300 }]}>
            <Input disabled={disabled} placeholder="https://" />
          </Form.Item>
        );
      default:
        return (
          <Form.Item name={def.key} label={label} rules={[{ max: def.key === 'address' ? 300 : 64 }]}>
            <Input disabled={disabled} inputMode={def.key === 'phone' ? 'tel' : undefined} />
          </Form.Item>
        );
    }
  })();
  return (
    <>
      <Col xs={24} sm={WIDE.has(def.key) ? 24 : 12}>
        {item}
      </Col>
      {def.key === 'serviceAccount' && (
        <Col xs={24} sm={12}>
          <Form.Item
            name="servicePassword"
            label={t('customers.servicePassword')}
            rules={[{ min: 6, max: 128 }]}
          >
            <Input.Password
              disabled={disabled}
              autoComplete="new-password"
              placeholder={hasPassword ? t('customers.passwordKeep') : undefined}
            />
          </Form.Item>
        </Col>
      )}
    </>
  );
}

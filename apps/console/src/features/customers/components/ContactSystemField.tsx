import { Col, DatePicker, Form, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import type { FieldDefinition } from '../types/customerTypes';

const WIDE = new Set(['tags', 'notes']);
const full = { width: '100%' };

/** One system field of the contact form, under the label the vendor gave it. */
export function ContactSystemField({ def, disabled }: { def: FieldDefinition; disabled?: boolean }) {
  const { t } = useT();
  const label = def.label;
  const item = (() => {
    switch (def.key) {
      case 'name':
        return (
          <Form.Item name="name" label={label} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input disabled={disabled} data-testid="contact-form-name" />
          </Form.Item>
        );
      case 'mobile':
      case 'landline':
        return (
          <Form.Item name={def.key} label={label} rules={[{ max: 40 }]}>
            <Input disabled={disabled} inputMode="tel" data-testid={`contact-form-${def.key}`} />
          </Form.Item>
        );
      case 'email':
        return (
          <Form.Item name="email" label={label} rules={[{ type: 'email' }, { max: 254 }]}>
            <Input disabled={disabled} inputMode="email" data-testid="contact-form-email" />
          </Form.Item>
        );
      case 'qq':
        return (
          <Form.Item
            name="qq"
            label={label}
            rules={[{ pattern: /^[1-9]\d{4,11}$/, message: t('customers.qqInvalid') }]}
          >
            <Input disabled={disabled} inputMode="numeric" />
          </Form.Item>
        );
      case 'gender':
        return (
          <Form.Item name="gender" label={label}>
            <Select
              allowClear
              disabled={disabled}
              options={[
                { value: 'male', label: t('contact.male') },
                { value: 'female', label: t('contact.female') },
              ]}
            />
          </Form.Item>
        );
      case 'birthday':
        return (
          <Form.Item name="birthday" label={label}>
            <DatePicker disabled={disabled} style={full} />
          </Form.Item>
        );
      case 'idNumber':
        return (
          <Form.Item
            name="idNumber"
            label={label}
            rules={[{ pattern: /^\d{17}[\dXx]$|^\d{15}$/, message: t('customers.idNumberInvalid') }]}
          >
            <Input disabled={disabled} />
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
      default:
        return (
          <Form.Item name={def.key} label={label} rules={[{ max: 64 }]}>
            <Input disabled={disabled} />
          </Form.Item>
        );
    }
  })();
  return (
    <Col xs={24} sm={WIDE.has(def.key) ? 24 : 12}>
      {item}
    </Col>
  );
}

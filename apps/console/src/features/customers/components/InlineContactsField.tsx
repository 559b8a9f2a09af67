import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { FieldDefinition } from '../types/customerTypes';
import { CustomFieldItem } from './CustomFieldItem';

/**
 * Contacts added together with a new company (the first becomes its default contact). Only the
 * common fields and the contact fields that must be filled in; the rest is edited on the contact.
 */
export function InlineContactsField({ requiredDefs }: { requiredDefs: FieldDefinition[] }) {
  const { t } = useT();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('customers.contacts')}
          </Typography.Title>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={index === 0 ? t('customers.primaryContact') : t('customers.contactN', { n: index + 1 })}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('contact.name')}
                    rules={[{ required: true, whitespace: true, max: 64 }]}
                  >
                    <Input data-testid={`company-form-contact-name-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[field.name, 'mobile']} label={t('contact.mobile')}>
                    <Input inputMode="tel" data-testid={`company-form-contact-mobile-${index}`} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[field.name, 'email']}
                    label={t('contact.email')}
                    rules={[{ type: 'email' }]}
                  >
                    <Input inputMode="email" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    name={[field.name, 'position']}
                    label={t('contact.position')}
                    rules={[{ max: 64 }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                {requiredDefs.map((def) => (
                  <Col key={def.key} xs={24} sm={12}>
                    <CustomFieldItem def={def} prefix={[field.name, 'custom']} />
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            onClick={() => add({})}
            data-testid="company-form-add-contact"
          >
            {t('customers.addContact')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

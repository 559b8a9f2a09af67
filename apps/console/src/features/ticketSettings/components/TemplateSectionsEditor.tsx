import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input } from 'antd';
import { useT } from '../../../i18n/useT';

/** 分组 of the template (Form.List `sections`): a heading per group and whether it starts collapsed. */
export function TemplateSectionsEditor() {
  const { t } = useT();
  return (
    <Form.List name="sections">
      {(items, { add, remove }) => (
        <Flex vertical gap={8} data-testid="template-sections">
          {items.map((item, index) => (
            <Flex key={item.key} gap={8} align="start" wrap>
              <Form.Item
                name={[item.name, 'name']}
                rules={[
                  { required: true, whitespace: true, message: t('ticketSettings.template.sectionRequired') },
                  { max: 50 },
                  ({ getFieldValue }) => ({
                    validator: (_, value: string | undefined) => {
                      const names = (getFieldValue('sections') as { name?: string }[]).map((s) =>
                        s?.name?.trim(),
                      );
                      return value && names.filter((n) => n === value.trim()).length > 1
                        ? Promise.reject(new Error(t('ticketSettings.template.sectionDuplicate')))
                        : Promise.resolve();
                    },
                  }),
                ]}
                style={{ marginBottom: 0, flex: '1 1 180px' }}
              >
                <Input
                  placeholder={t('ticketSettings.template.sectionName')}
                  maxLength={50}
                  data-testid={`template-section-name-${index}`}
                />
              </Form.Item>
              <Form.Item name={[item.name, 'collapsed']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox style={{ marginTop: 5 }}>{t('ticketSettings.template.collapsed')}</Checkbox>
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(index)}
                aria-label={t('common.delete')}
              />
            </Flex>
          ))}
          <div>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', collapsed: false })}
              disabled={items.length >= 30}
              data-testid="template-add-section"
            >
              {t('ticketSettings.template.addSection')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

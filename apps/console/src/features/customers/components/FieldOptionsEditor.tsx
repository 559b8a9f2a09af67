import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useT } from '../../../i18n/useT';

/**
 * Options of a 下拉列表 / 多选 field: a display name and an optional stored value (the name when
 * left empty). Values are what records keep, so renaming an option does not change the data.
 */
export function FieldOptionsEditor() {
  const { t } = useT();
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_, options?: unknown[]) => {
            if (!options?.length) throw new Error(t('fields.optionsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                name={[field.name, 'label']}
                rules={[
                  { required: true, whitespace: true, max: 100, message: t('fields.optionLabelRequired') },
                ]}
                style={{ flex: 2, marginBottom: 0 }}
              >
                <Input placeholder={t('fields.optionLabel')} data-testid={`field-option-label-${index}`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'value']}
                rules={[{ max: 100 }]}
                style={{ flex: 1, marginBottom: 0 }}
              >
                <Input placeholder={t('fields.optionValue')} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ label: '' })}
            data-testid="field-option-add"
          >
            {t('fields.addOption')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}

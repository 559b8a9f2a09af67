import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Flex, Form, Select, Tag, Tooltip, Typography, theme } from 'antd';
import { OrderButtons } from '../../../components/OrderButtons';
import { useT } from '../../../i18n/useT';
import type { FieldDefinition } from '../../customers/types/customerTypes';
import type { TemplateFieldRow } from './templateFormValues';

/**
 * The template's fields in display order (Form.List `fields`): add from the ticket's custom
 * fields, move up/down, put each in a 分组 and make it required for this template.
 */
export function TemplateFieldsEditor({ defs }: { defs: FieldDefinition[] }) {
  const { t } = useT();
  const { token } = theme.useToken();
  const rows = Form.useWatch<TemplateFieldRow[] | undefined>('fields') ?? [];
  const sections = Form.useWatch<{ name?: string }[] | undefined>('sections') ?? [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const used = new Set(rows.map((r) => r.key));
  const addable = defs.filter((d) => !used.has(d.key) && d.enabled);
  const sectionOptions = [
    ...new Set(sections.map((s) => s?.name?.trim()).filter((n): n is string => Boolean(n))),
  ].map((name) => ({ value: name, label: name }));

  return (
    <Form.List name="fields">
      {(items, { add, remove, move }) => (
        <Flex vertical gap={8} data-testid="template-fields">
          {items.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticketSettings.template.noFields')} />
          )}
          {items.map((item, index) => {
            const key = rows[index]?.key;
            const def = key ? byKey.get(key) : undefined;
            return (
              <Flex
                key={item.key}
                gap={8}
                align="center"
                wrap
                style={{
                  padding: '6px 8px',
                  border: `1px solid ${token.colorBorderSecondary}`,
                  borderRadius: token.borderRadius,
                }}
                data-testid={`template-field-${key}`}
              >
                <OrderButtons
                  first={index === 0}
                  last={index === items.length - 1}
                  onMove={(step) => move(index, index + step)}
                />
                <Form.Item name={[item.name, 'key']} noStyle>
                  <FieldName def={def} fallback={key} />
                </Form.Item>
                <Flex gap={8} align="center" style={{ marginInlineStart: 'auto' }}>
                  <Form.Item name={[item.name, 'section']} noStyle>
                    <Select
                      allowClear
                      placeholder={t('ticketSettings.template.noSection')}
                      options={sectionOptions}
                      style={{ width: 140 }}
                      aria-label={t('ticketSettings.template.section')}
                      data-testid={`template-field-section-${key}`}
                    />
                  </Form.Item>
                  <Form.Item name={[item.name, 'required']} valuePropName="checked" noStyle>
                    <Checkbox data-testid={`template-field-required-${key}`}>{t('fields.required')}</Checkbox>
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(index)}
                    aria-label={t('common.delete')}
                  />
                </Flex>
              </Flex>
            );
          })}
          <Select<string>
            value={null}
            placeholder={
              <>
                <PlusOutlined /> {t('ticketSettings.template.addField')}
              </>
            }
            options={addable.map((d) => ({
              value: d.key,
              label: `${d.label}（${t(`fieldType.${d.type}`)}）`,
            }))}
            onChange={(value) => {
              if (value) add({ key: value, section: null, required: false } satisfies TemplateFieldRow);
            }}
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent={t('ticketSettings.template.noMoreFields')}
            style={{ width: '100%', maxWidth: 320 }}
            data-testid="template-add-field"
          />
        </Flex>
      )}
    </Form.List>
  );
}

/** The field's name and type where the row's hidden `key` item sits. */
function FieldName({ def, fallback }: { def?: FieldDefinition; fallback?: string; value?: string }) {
  const { t } = useT();
  if (!def) {
    return (
      <Tooltip title={t('ticketSettings.template.fieldGone')}>
        <Typography.Text type="danger">{fallback}</Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Flex gap={6} align="center" style={{ minWidth: 0 }}>
      <Typography.Text ellipsis style={{ maxWidth: 200 }}>
        {def.label}
      </Typography.Text>
      <Tag variant="filled">{t(`fieldType.${def.type}`)}</Tag>
      {!def.enabled && <Tag>{t('fields.disabled')}</Tag>}
    </Flex>
  );
}

import type { NodeFieldRules } from '@yidan/contracts';
import { Checkbox, Table, type TableProps, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

type TemplateField = { key: string; label: string; system: boolean };
type Rule = keyof NodeFieldRules;

/**
 * 字段是否可见 / 是否可编辑 / 必填 for each field of the template. Editable or required implies
 * visible; required implies editable (someone must fill it in this node); hiding clears the others.
 */
export function FieldRulesTable({
  fields,
  value,
  onChange,
}: {
  fields: TemplateField[];
  value: NodeFieldRules;
  onChange: (rules: NodeFieldRules) => void;
}) {
  const { t } = useT();
  if (fields.length === 0)
    return (
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
        {t('workflows.task.noFields')}
      </Typography.Paragraph>
    );

  const toggle = (key: string, rule: Rule, on: boolean) => {
    const next = {
      visible: new Set(value.visible),
      editable: new Set(value.editable),
      required: new Set(value.required),
    };
    const implied: Record<Rule, Rule[]> = {
      visible: on ? ['visible'] : ['visible', 'editable', 'required'],
      editable: on ? ['visible', 'editable'] : ['editable', 'required'],
      required: on ? ['visible', 'editable', 'required'] : ['required'],
    };
    for (const r of implied[rule]) {
      if (on) next[r].add(key);
      else next[r].delete(key);
    }
    // Keep the template's order.
    const ordered = (s: Set<string>) => fields.map((f) => f.key).filter((k) => s.has(k));
    onChange({
      visible: ordered(next.visible),
      editable: ordered(next.editable),
      required: ordered(next.required),
    });
  };

  const column = (rule: Rule, title: string): NonNullable<TableProps<TemplateField>['columns']>[number] => ({
    key: rule,
    title,
    width: 64,
    align: 'center',
    render: (_, f) => (
      <Checkbox
        checked={value[rule].includes(f.key)}
        onChange={(e) => toggle(f.key, rule, e.target.checked)}
        aria-label={`${f.label} ${title}`}
        data-testid={`wf-field-${rule}-${f.key}`}
      />
    ),
  });

  return (
    <Table<TemplateField>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={fields}
      style={{ marginTop: 4 }}
      columns={[
        { key: 'label', title: t('workflows.task.field'), render: (_, f) => f.label },
        column('visible', t('workflows.task.visible')),
        column('editable', t('workflows.task.editable')),
        column('required', t('workflows.task.required')),
      ]}
    />
  );
}

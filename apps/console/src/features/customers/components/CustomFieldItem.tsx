import { LockOutlined } from '@ant-design/icons';
import { Form, type FormRule, Tooltip } from 'antd';
import { useT } from '../../../i18n/useT';
import type { FieldDefinition } from '../types/customerTypes';
import { CustomFieldInput } from './CustomFieldInput';

function rulesFor(def: FieldDefinition): FormRule[] {
  const rules: FormRule[] = [];
  // A checkbox is a yes/no answer; "required" cannot mean "must be ticked".
  // Calculated values are the server's to compute, never the agent's to fill in.
  if (def.required && def.type !== 'checkbox' && def.type !== 'attachment' && def.type !== 'calculated')
    rules.push({ required: true });
  if (def.type === 'text') rules.push({ max: 500 });
  if (def.type === 'integer') rules.push({ type: 'integer' });
  if (def.type === 'email') rules.push({ type: 'email' });
  if (def.type === 'url') rules.push({ type: 'url' });
  if (def.type === 'regex' && def.regex) {
    try {
      rules.push({ pattern: new RegExp(def.regex) });
    } catch {
      // An invalid pattern is the server's to report.
    }
  }
  return rules;
}

/** One custom field as a form row under `prefix` (e.g. ['custom'] or ['contacts', 0, 'custom']). */
export function CustomFieldItem({
  def,
  prefix,
  readOnly,
}: {
  def: FieldDefinition;
  prefix: (string | number)[];
  readOnly?: boolean;
}) {
  const { t } = useT();
  const label = readOnly ? (
    <Tooltip title={t('customers.readOnlyField')}>
      <span>
        {def.label} <LockOutlined />
      </span>
    </Tooltip>
  ) : (
    def.label
  );
  return (
    <Form.Item
      name={[...prefix, def.key]}
      label={def.type === 'checkbox' ? undefined : label}
      rules={readOnly ? [] : rulesFor(def)}
      messageVariables={{ label: def.label }}
    >
      <CustomFieldInput def={def} disabled={readOnly} testId={`custom-field-${def.key}`} />
    </Form.Item>
  );
}

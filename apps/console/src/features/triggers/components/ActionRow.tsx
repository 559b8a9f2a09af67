import { DeleteOutlined } from '@ant-design/icons';
import type { TriggerActionField } from '@yidan/contracts';
import { Button, Flex, Form, Select, theme } from 'antd';
import { useT } from '../../../i18n/useT';
import { ActionValueInput } from './ActionValueInput';
import { actionGroup, pickLabel } from './actionOptions';
import { actionValueMissing, initialActionValue, isRepeatable } from './triggerFormValues';

const GROUPS = ['system', 'custom', 'other', 'notify'] as const;
const GROUP_LABELS = {
  system: 'triggers.action.groupSystem',
  custom: 'triggers.action.groupCustom',
  other: 'triggers.action.groupOther',
  notify: 'triggers.action.groupNotify',
} as const;

interface Props {
  /** The Form.List row name. */
  name: number;
  /** The list's full path in the form (`['actions']` unless nested). */
  listPath?: (string | number)[];
  catalogue: TriggerActionField[];
  /** Fields chosen in the other rows: set-type actions may appear once per trigger. */
  usedElsewhere: string[];
  onRemove: () => void;
}

/** One row of 执行以下操作: the action, then the editor its value type needs, and a remove button. */
export function ActionRow({ name, listPath = ['actions'], catalogue, usedElsewhere, onRemove }: Props) {
  const { t, lang } = useT();
  const { token } = theme.useToken();
  const form = Form.useFormInstance();
  const field = Form.useWatch([...listPath, name, 'field'], form) as string | undefined;
  const spec = catalogue.find((s) => s.key === field);

  const options = GROUPS.map((group) => ({
    label: t(GROUP_LABELS[group]),
    options: catalogue
      .filter((s) => actionGroup(s) === group)
      .map((s) => ({
        value: s.key,
        label: pickLabel(s.label, lang),
        disabled: !isRepeatable(s) && usedElsewhere.includes(s.key),
      })),
  })).filter((g) => g.options.length > 0);

  return (
    <Flex
      gap={8}
      align="flex-start"
      wrap
      style={{
        padding: 8,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
      }}
      data-testid="action-row"
    >
      <Form.Item
        name={[name, 'field']}
        rules={[{ required: true, message: t('triggers.action.fieldRequired') }]}
        validateStatus={field && !spec ? 'error' : undefined}
        help={field && !spec ? t('triggers.action.unknown') : undefined}
        style={{ marginBottom: 0, flex: '1 1 200px', minWidth: 0 }}
      >
        <Select
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('triggers.action.field')}
          aria-label={t('triggers.action.field')}
          onChange={(key: string) =>
            form.setFieldValue(
              [...listPath, name, 'value'],
              initialActionValue(catalogue.find((s) => s.key === key)),
            )
          }
          data-testid={`action-field-${name}`}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'value']}
        rules={[
          {
            validator: (_, value) =>
              spec && actionValueMissing(spec, value)
                ? Promise.reject(new Error(t('triggers.action.valueRequired')))
                : Promise.resolve(),
          },
        ]}
        style={{ marginBottom: 0, flex: '2 1 240px', minWidth: 0 }}
      >
        {spec ? (
          <ActionValueInput spec={spec} testId={`action-value-${name}`} />
        ) : (
          <Select disabled placeholder={t('triggers.action.value')} style={{ width: '100%' }} />
        )}
      </Form.Item>
      <Button
        type="text"
        icon={<DeleteOutlined />}
        onClick={onRemove}
        aria-label={t('triggers.action.remove')}
        title={t('triggers.action.remove')}
      />
    </Flex>
  );
}

import { DeleteOutlined } from '@ant-design/icons';
import { MACRO_ACTION_GROUPS, type MacroActionField } from '@yidan/contracts';
import { Button, Checkbox, Flex, Form, Select, theme } from 'antd';
import { useT } from '../../../i18n/useT';
import { pickLabel } from '../../triggers/components/actionOptions';
import { initialMacroValue, macroValueMissing } from '../utils/macroDrafts';
import { MacroValueInput } from './MacroValueInput';

const GROUP_LABELS = {
  system: 'macros.group.system',
  custom: 'macros.group.custom',
  other: 'macros.group.other',
  special: 'macros.group.special',
  reply: 'macros.group.reply',
  advanced: 'macros.group.advanced',
} as const;

interface Props {
  /** The Form.List: 'actions' or 'elseActions'. */
  list: 'actions' | 'elseActions';
  /** The Form.List row name. */
  name: number;
  catalogue: MacroActionField[];
  /** Fields chosen in the other rows: set-type actions may appear once per list. */
  usedElsewhere: string[];
  onRemove: () => void;
}

/**
 * One row of 进行这些操作: the action (grouped as the manual's separators: 基本操作, 工单特殊操作, 回复,
 * 高级操作), the editor its value needs, 「仅为空时设置」 where it applies, and a remove button.
 */
export function MacroActionRow({ list, name, catalogue, usedElsewhere, onRemove }: Props) {
  const { t, lang } = useT();
  const { token } = theme.useToken();
  const form = Form.useFormInstance();
  const field = Form.useWatch([list, name, 'field'], form) as string | undefined;
  const spec = catalogue.find((s) => s.key === field);
  const tid = `${list === 'actions' ? 'macro-action' : 'macro-else'}`;

  const options = MACRO_ACTION_GROUPS.map((group) => ({
    label: t(GROUP_LABELS[group]),
    options: catalogue
      .filter((s) => s.group === group)
      .map((s) => ({
        value: s.key,
        label: pickLabel(s.label, lang),
        disabled: !s.repeatable && usedElsewhere.includes(s.key),
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
      data-testid={`${tid}-row`}
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
          onChange={(key: string) => {
            const next = catalogue.find((s) => s.key === key);
            form.setFieldValue([list, name, 'value'], initialMacroValue(next));
            form.setFieldValue(
              [list, name, 'onlyIfEmpty'],
              next?.emptiable && next.group !== 'reply' ? true : undefined,
            );
          }}
          data-testid={`${tid}-field-${name}`}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'value']}
        rules={[
          {
            validator: (_, value) =>
              spec && macroValueMissing(spec, value)
                ? Promise.reject(new Error(t('triggers.action.valueRequired')))
                : Promise.resolve(),
          },
        ]}
        style={{ marginBottom: 0, flex: '2 1 240px', minWidth: 0 }}
      >
        {spec ? (
          <MacroValueInput spec={spec} testId={`${tid}-value-${name}`} />
        ) : (
          <Select disabled placeholder={t('triggers.action.value')} style={{ width: '100%' }} />
        )}
      </Form.Item>
      {spec?.emptiable && (
        <Form.Item name={[name, 'onlyIfEmpty']} valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid={`${tid}-empty-${name}`}>{t('macros.onlyIfEmpty')}</Checkbox>
        </Form.Item>
      )}
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

import { PlusOutlined } from '@ant-design/icons';
import { MAX_TRIGGER_ACTIONS, type TriggerActionField } from '@yidan/contracts';
import { Button, Flex, Form, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import { ActionRow } from './ActionRow';
import type { ActionDraft } from './triggerFormValues';

/**
 * 执行以下操作: the list of actions under the form's `actions`, rows added and removed in place.
 * `optional`: an empty list is fine (工单流 node actions); rules need at least one action.
 * Nested in another list (SLA policy actions), `name` is the list's name there and `path` its
 * full path in the form.
 */
export function ActionListInput({
  catalogue,
  optional = false,
  name = 'actions',
  path = ['actions'],
}: {
  catalogue: TriggerActionField[] | undefined;
  optional?: boolean;
  name?: string | (string | number)[];
  path?: (string | number)[];
}) {
  const { t } = useT();
  const form = Form.useFormInstance();
  const drafts = (Form.useWatch(path, form) ?? []) as ActionDraft[];
  if (!catalogue) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <Form.List
      name={name}
      rules={[
        {
          validator: async (_, rows: unknown[] | undefined) => {
            if (!optional && !rows?.length) throw new Error(t('triggers.action.required'));
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="trigger-actions">
          <Typography.Text strong>{t('triggers.actions')}</Typography.Text>
          {rows.map((row) => (
            <ActionRow
              key={row.key}
              name={row.name}
              listPath={path}
              catalogue={catalogue}
              usedElsewhere={drafts
                .filter((_, i) => i !== row.name)
                .map((d) => d?.field)
                .filter((f): f is string => Boolean(f))}
              onRemove={() => remove(row.name)}
            />
          ))}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              disabled={rows.length >= MAX_TRIGGER_ACTIONS}
              data-testid="action-add"
            >
              {t('triggers.action.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { MAX_TRIGGER_ACTIONS, type MacroActionField, type MacroMode } from '@yidan/contracts';
import { Button, Flex, Form, Skeleton, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { MacroActionDraft } from '../utils/macroDrafts';
import { MacroActionRow } from './MacroActionRow';

interface Props {
  list: 'actions' | 'elseActions';
  catalogue: MacroActionField[] | undefined;
  mode: MacroMode;
  title: string;
  extra?: string;
}

/**
 * 进行这些操作 / 否则进行这些操作: the actions under the form's `actions` or `elseActions`, offering
 * only what the macro's mode allows (阻止提交 on submit). The then-list needs one action.
 */
export function MacroActionList({ list, catalogue, mode, title, extra }: Props) {
  const { t } = useT();
  const form = Form.useFormInstance();
  const drafts = (Form.useWatch(list, form) ?? []) as MacroActionDraft[];
  if (!catalogue) return <Skeleton active paragraph={{ rows: 2 }} />;
  const offered = catalogue.filter((s) => !s.modes || s.modes.includes(mode));
  const tid = list === 'actions' ? 'macro-actions' : 'macro-else-actions';
  return (
    <Form.List
      name={list}
      rules={
        list === 'actions'
          ? [
              {
                validator: async (_, rows: unknown[] | undefined) => {
                  if (!rows?.length) throw new Error(t('triggers.action.required'));
                },
              },
            ]
          : []
      }
    >
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid={tid}>
          <Typography.Text strong>{title}</Typography.Text>
          {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}
          {rows.map((row) => (
            <MacroActionRow
              key={row.key}
              list={list}
              name={row.name}
              catalogue={offered}
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
              data-testid={`${tid}-add`}
            >
              {t('triggers.action.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}

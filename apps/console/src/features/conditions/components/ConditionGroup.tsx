import { PlusOutlined } from '@ant-design/icons';
import type { Condition, ConditionField } from '@yidan/contracts';
import { Button, Flex, Typography } from 'antd';
import type { Lang } from '../../../i18n/lang';
import { useStableKeys } from '../hooks/useStableKeys';
import { newCondition } from '../utils/conditionDrafts';
import { builderText } from '../utils/conditionLabels';
import { ConditionRow } from './ConditionRow';

interface Props {
  part: 'all' | 'any';
  conditions: Condition[];
  onChange: (conditions: Condition[]) => void;
  fields: readonly ConditionField[];
  lang: Lang;
  allowEvents: boolean;
  disabled?: boolean;
}

/** One section of the builder — 满足以下全部条件 or 满足以下任意条件 — with its rows. */
export function ConditionGroup({ part, conditions, onChange, fields, lang, allowEvents, disabled }: Props) {
  const { keys, removeAt } = useStableKeys(conditions.length);
  const first = fields[0];

  const replace = (index: number, condition: Condition) =>
    onChange(conditions.map((c, i) => (i === index ? condition : c)));
  const remove = (index: number) => {
    removeAt(index);
    onChange(conditions.filter((_, i) => i !== index));
  };

  return (
    <Flex vertical gap={8} data-testid={`conditions-${part}`}>
      <Typography.Text strong>{builderText(part, lang)}</Typography.Text>
      {conditions.map((condition, index) => (
        <ConditionRow
          key={keys[index]}
          condition={condition}
          fields={fields}
          onChange={(c) => replace(index, c)}
          onRemove={() => remove(index)}
          lang={lang}
          allowEvents={allowEvents}
          disabled={disabled}
        />
      ))}
      <div>
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => first && onChange([...conditions, newCondition(first, allowEvents)])}
          disabled={disabled || !first}
        >
          {builderText('add', lang)}
        </Button>
      </div>
    </Flex>
  );
}

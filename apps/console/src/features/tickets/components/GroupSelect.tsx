import { Select } from 'antd';
import { useT } from '../../../i18n/useT';
import { useGroupOptions } from '../hooks/useGroupOptions';

interface Props {
  value?: number | number[] | null;
  onChange?: (value: never) => void;
  multiple?: boolean;
  /** The ticket's current group, named even when the list of groups is not readable. */
  current?: { id: number; name: string } | null;
  placeholder?: string;
  testId?: string;
}

/** Picks a 客服分组 (one for 流转, several for 抄送分组). */
export function GroupSelect({ value, onChange, multiple, current, placeholder, testId }: Props) {
  const { t } = useT();
  const groups = useGroupOptions();
  const options = groups.map((g) => ({ value: g.id, label: g.name }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value ?? (multiple ? [] : undefined)}
      onChange={(next: number | number[] | undefined) =>
        onChange?.((next ?? (multiple ? [] : null)) as never)
      }
      options={options}
      placeholder={placeholder ?? (multiple ? t('tickets.pickCcGroups') : t('tickets.pickGroup'))}
      notFoundContent={t('tickets.noGroups')}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}

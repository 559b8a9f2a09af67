import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { Skeleton } from 'antd';
import { useT } from '../../../i18n/useT';
import { ConditionBuilder } from '../../conditions/components/ConditionBuilder';
import { EMPTY_CONDITIONS } from './viewFormValues';

/** The condition builder as a form control, so the server's `conditions.*` errors land on it. */
export function ViewConditionsInput({
  fields,
  value,
  onChange,
}: {
  fields: ConditionField[] | undefined;
  value?: ConditionSet;
  onChange?: (set: ConditionSet) => void;
}) {
  const { lang } = useT();
  if (!fields) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <ConditionBuilder
      fields={fields}
      value={value ?? EMPTY_CONDITIONS}
      onChange={(set) => onChange?.(set)}
      lang={lang}
    />
  );
}

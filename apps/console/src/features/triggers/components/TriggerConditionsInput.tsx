import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { Skeleton } from 'antd';
import { useT } from '../../../i18n/useT';
import { ConditionBuilder } from '../../conditions/components/ConditionBuilder';
import { EMPTY_CONDITIONS } from './triggerFormValues';

/**
 * The condition builder as a form control, with 变更了 / 变更为 / 变更自 offered: triggers react to a
 * change. The server's `conditions.*` errors land on it.
 */
export function TriggerConditionsInput({
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
      allowEvents
    />
  );
}

import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { Skeleton } from 'antd';
import { useT } from '../../../i18n/useT';
import { ConditionBuilder } from '../../conditions/components/ConditionBuilder';
import { EMPTY_CONDITIONS } from './triggerFormValues';

/**
 * The condition builder as a form control. With `allowEvents` (triggers) 变更了 / 变更为 / 变更自 are
 * offered: triggers react to a change; automations are run by the clock and have none. The server's
 * `conditions.*` errors land on it.
 */
export function TriggerConditionsInput({
  fields,
  value,
  onChange,
  allowEvents = true,
}: {
  fields: ConditionField[] | undefined;
  allowEvents?: boolean;
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
      allowEvents={allowEvents}
    />
  );
}

import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { Flex } from 'antd';
import type { Lang } from '../../../i18n/lang';
import { ConditionGroup } from './ConditionGroup';

interface Props {
  /** The catalogue of the context (ticket view, trigger, customer query …), as served by the API. */
  fields: ConditionField[];
  value: ConditionSet;
  onChange: (set: ConditionSet) => void;
  lang: Lang;
  /** Offer 变更了 / 变更为 / 变更自 — only rules that react to a change (triggers) can use them. */
  allowEvents?: boolean;
  disabled?: boolean;
}

/**
 * The one condition editor (DESIGN §4): every `all` condition must hold, then at least one
 * `any` condition when there are any. Controlled; the server validates the set on save.
 */
export function ConditionBuilder({ fields, value, onChange, lang, allowEvents = false, disabled }: Props) {
  return (
    <Flex vertical gap={16} data-testid="condition-builder">
      {(['all', 'any'] as const).map((part) => (
        <ConditionGroup
          key={part}
          part={part}
          conditions={value[part]}
          onChange={(conditions) => onChange({ ...value, [part]: conditions })}
          fields={fields}
          lang={lang}
          allowEvents={allowEvents}
          disabled={disabled}
        />
      ))}
    </Flex>
  );
}

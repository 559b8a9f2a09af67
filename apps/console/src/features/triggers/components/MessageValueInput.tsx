import type { TriggerActionField } from '@yidan/contracts';
import { Flex, Input } from 'antd';
import { useT } from '../../../i18n/useT';

interface MessageValue {
  subject?: string;
  body: string;
}

/**
 * 通知：向客户发送短消息 / 邮件 / 微信消息 — the text (Liquid) and, for e-mail and WeChat, a subject.
 * Sent to the ticket's contact.
 */
export function MessageValueInput({
  spec,
  value,
  onChange,
  testId,
}: {
  spec: TriggerActionField;
  value: unknown;
  onChange: (value: MessageValue) => void;
  testId?: string;
}) {
  const { t } = useT();
  const current: MessageValue = { body: '', ...(value as Partial<MessageValue> | undefined) };
  const set = (patch: Partial<MessageValue>) => {
    const next = { ...current, ...patch };
    if (!next.subject) delete next.subject;
    onChange(next);
  };
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      {spec.key !== 'notify.customer.sms' && (
        <Input
          value={current.subject ?? ''}
          onChange={(e) => set({ subject: e.target.value })}
          maxLength={200}
          placeholder={t('targets.value.subject')}
          aria-label={t('targets.value.subject')}
        />
      )}
      <Input.TextArea
        value={current.body}
        onChange={(e) => set({ body: e.target.value })}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={2000}
        placeholder={t('targets.value.message')}
        aria-label={t('targets.value.message')}
        data-testid={testId}
      />
    </Flex>
  );
}

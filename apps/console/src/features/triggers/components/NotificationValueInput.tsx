import type { TriggerActionField } from '@yidan/contracts';
import { Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT';
import type { DirectoryAgent } from '../../org/api/agentsApi';
import { agentOptions, toId, tokenOptions } from './actionOptions';

interface NotificationValue {
  to: (number | string)[];
  title: string;
  body?: string;
}

/** 通知：向客服发送系统消息 — who (处理客服 or named agents), a title and a body, Liquid allowed. */
export function NotificationValueInput({
  spec,
  value,
  onChange,
  agents,
}: {
  spec: TriggerActionField;
  value: unknown;
  onChange: (value: NotificationValue) => void;
  agents: DirectoryAgent[];
}) {
  const { t, lang } = useT();
  const current: NotificationValue = { to: [], title: '', ...(value as Partial<NotificationValue>) };
  const set = (patch: Partial<NotificationValue>) => onChange({ ...current, ...patch });
  return (
    <Flex vertical gap={8} style={{ width: '100%' }}>
      <Select
        mode="multiple"
        value={current.to.map(String)}
        onChange={(next: string[]) => set({ to: next.map(toId) })}
        options={[...tokenOptions(spec, lang), ...agentOptions(agents, current.to)]}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('triggers.value.notifyTo')}
        aria-label={t('triggers.value.notifyTo')}
      />
      <Input
        value={current.title}
        onChange={(e) => set({ title: e.target.value })}
        maxLength={100}
        placeholder={t('triggers.value.notifyTitle')}
        aria-label={t('triggers.value.notifyTitle')}
      />
      <Input.TextArea
        value={current.body ?? ''}
        onChange={(e) => set({ body: e.target.value })}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        placeholder={t('triggers.value.notifyBody')}
        aria-label={t('triggers.value.notifyBody')}
      />
    </Flex>
  );
}

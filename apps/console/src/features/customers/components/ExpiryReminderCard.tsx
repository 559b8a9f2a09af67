import { App, Button, Card, Flex, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useUpdateCustomerSettings } from '../hooks/useCustomerSettings';

/** 到期提醒: how many days before the service end a company counts as 即将到期 and its owner is reminded. */
export function ExpiryReminderCard({ days }: { days: number }) {
  const { t } = useT();
  const { message } = App.useApp();
  const update = useUpdateCustomerSettings();
  const showError = useApiError();
  const [value, setValue] = useState<number | null>(days);
  useEffect(() => setValue(days), [days]);

  const save = () => {
    if (!value) return;
    update.mutate(
      { expiryReminderDays: value },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
    );
  };

  return (
    <Card title={t('customerSettings.expiry')} size="small">
      <Typography.Paragraph type="secondary">{t('customerSettings.expiryHelp')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <InputNumber
          min={1}
          max={365}
          precision={0}
          value={value}
          onChange={setValue}
          suffix={t('customerSettings.days')}
          style={{ width: 140 }}
          data-testid="setting-expiry-days"
        />
        <Button
          type="primary"
          onClick={save}
          loading={update.isPending}
          disabled={!value || value === days}
          data-testid="setting-expiry-save"
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}

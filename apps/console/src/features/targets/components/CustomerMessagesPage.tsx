import { Card } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { DeliveryTable } from './DeliveryTable';

/** 客户通知记录: SMS, e-mail and WeChat messages rules sent to customers, with failures to retry. */
export function CustomerMessagesPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('messages.nav')} description={t('messages.hint')} />
      <Card>
        <DeliveryTable log={{ messages: true }} messages />
      </Card>
    </>
  );
}

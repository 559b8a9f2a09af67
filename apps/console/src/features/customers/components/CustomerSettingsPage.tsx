import { App, Flex, Skeleton } from 'antd';
import { useApiError } from '../../../api/useApiError';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useCustomerSettings, useUpdateCustomerSettings } from '../hooks/useCustomerSettings';
import type { CustomerSettings } from '../types/customerTypes';
import { AdvancedLocksCard } from './AdvancedLocksCard';
import { ExpiryReminderCard } from './ExpiryReminderCard';
import { PrivacyCard } from './PrivacyCard';
import { ServicePackagesCard } from './ServicePackagesCard';

/** 客户设置: privacy mode, advanced-mode locks, the expiry reminder window and service packages. */
export function CustomerSettingsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { data: settings } = useCustomerSettings();
  const update = useUpdateCustomerSettings();
  const showError = useApiError();
  const saving = update.isPending ? (Object.keys(update.variables ?? {})[0] as keyof CustomerSettings) : null;

  const change = (patch: Partial<CustomerSettings>) =>
    update.mutate(patch, {
      onSuccess: () => message.success(t('common.saved')),
      onError: (e) => showError(e),
    });

  return (
    <>
      <PageHeader title={t('nav.customerSettings')} description={t('customerSettings.hint')} />
      {settings ? (
        <Flex vertical gap={16}>
          <PrivacyCard settings={settings} saving={saving} onChange={change} />
          <AdvancedLocksCard settings={settings} saving={saving} onChange={change} />
          <ExpiryReminderCard days={settings.expiryReminderDays} />
          <ServicePackagesCard />
        </Flex>
      ) : (
        <Skeleton active />
      )}
    </>
  );
}

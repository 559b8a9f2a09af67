import { Card } from 'antd';
import { useT } from '../../../i18n/useT';
import type { CustomerSettings } from '../types/customerTypes';
import { SettingSwitchRow } from './SettingSwitchRow';

interface Props {
  settings: CustomerSettings;
  saving: keyof CustomerSettings | null;
  onChange: (patch: Partial<CustomerSettings>) => void;
}

/** 保密模式 (manual 2.11.6): phone numbers masked in lists, pages, exports and the API. */
export function PrivacyCard({ settings, saving, onChange }: Props) {
  const { t } = useT();
  return (
    <Card title={t('customerSettings.privacy')} size="small">
      <SettingSwitchRow
        title={t('customerSettings.privacyMode')}
        help={t('customerSettings.privacyModeHelp')}
        checked={settings.privacyMode}
        loading={saving === 'privacyMode'}
        onChange={(privacyMode) => onChange({ privacyMode })}
        testId="setting-privacy-mode"
      />
      <SettingSwitchRow
        title={t('customerSettings.privacyAdmins')}
        help={t('customerSettings.privacyAdminsHelp')}
        checked={settings.privacyAdminsSeeFull}
        disabled={!settings.privacyMode}
        loading={saving === 'privacyAdminsSeeFull'}
        onChange={(privacyAdminsSeeFull) => onChange({ privacyAdminsSeeFull })}
        testId="setting-privacy-admins"
      />
    </Card>
  );
}

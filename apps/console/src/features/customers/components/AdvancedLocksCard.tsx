import { Alert, Card, Col, Row, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { CustomerSettings } from '../types/customerTypes';
import { SettingSwitchRow } from './SettingSwitchRow';

type LockKey = Extract<keyof CustomerSettings, `lock${string}`>;

const GROUPS: {
  entity: 'company' | 'contact';
  locks: { key: LockKey; action: 'create' | 'edit' | 'delete' }[];
}[] = [
  {
    entity: 'company',
    locks: [
      { key: 'lockCompanyCreate', action: 'create' },
      { key: 'lockCompanyEdit', action: 'edit' },
      { key: 'lockCompanyDelete', action: 'delete' },
    ],
  },
  {
    entity: 'contact',
    locks: [
      { key: 'lockContactCreate', action: 'create' },
      { key: 'lockContactEdit', action: 'edit' },
      { key: 'lockContactDelete', action: 'delete' },
    ],
  },
];

interface Props {
  settings: CustomerSettings;
  saving: keyof CustomerSettings | null;
  onChange: (patch: Partial<CustomerSettings>) => void;
}

/** 高级模式 (manual 2.11.7): forbid adding, editing or deleting companies and contacts; tags stay editable. */
export function AdvancedLocksCard({ settings, saving, onChange }: Props) {
  const { t } = useT();
  return (
    <Card title={t('customerSettings.advanced')} size="small">
      <Alert type="info" showIcon title={t('customerSettings.advancedHint')} style={{ marginBottom: 8 }} />
      <Row gutter={24}>
        {GROUPS.map(({ entity, locks }) => (
          <Col xs={24} md={12} key={entity}>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {t(`customerSettings.lockGroup.${entity}`)}
            </Typography.Title>
            {locks.map(({ key, action }) => (
              <SettingSwitchRow
                key={key}
                title={t(`customerSettings.lock.${action}`)}
                help={t(`customerSettings.lockHelp.${entity}.${action}`)}
                checked={settings[key]}
                loading={saving === key}
                onChange={(checked) => onChange({ [key]: checked })}
                testId={`setting-${key}`}
              />
            ))}
          </Col>
        ))}
      </Row>
    </Card>
  );
}

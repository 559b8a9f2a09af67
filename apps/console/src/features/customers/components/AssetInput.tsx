import { Input, Space } from 'antd';
import { useT } from '../../../i18n/useT';

export interface AssetValue {
  assetId?: string;
  name: string;
  serial?: string;
}

interface Props {
  value?: AssetValue;
  onChange?: (value: AssetValue | null) => void;
  disabled?: boolean;
  testId?: string;
}

/** 资产表: the asset's name and serial number (picking from an asset register comes with that module). */
export function AssetInput({ value, onChange, disabled, testId }: Props) {
  const { t } = useT();
  const emit = (change: Partial<AssetValue>) => {
    const next = { ...value, name: value?.name ?? '', ...change };
    const serial = next.serial?.trim();
    onChange?.(
      next.name.trim() || serial
        ? {
            ...(next.assetId ? { assetId: next.assetId } : {}),
            name: next.name,
            ...(serial ? { serial: next.serial } : {}),
          }
        : null,
    );
  };
  return (
    <Space.Compact style={{ width: '100%' }} data-testid={testId}>
      <Input
        value={value?.name}
        onChange={(e) => emit({ name: e.target.value })}
        placeholder={t('fieldInput.assetName')}
        aria-label={t('fieldInput.assetName')}
        maxLength={200}
        disabled={disabled}
      />
      <Input
        value={value?.serial}
        onChange={(e) => emit({ serial: e.target.value })}
        placeholder={t('fieldInput.assetSerial')}
        aria-label={t('fieldInput.assetSerial')}
        maxLength={100}
        disabled={disabled}
      />
    </Space.Compact>
  );
}

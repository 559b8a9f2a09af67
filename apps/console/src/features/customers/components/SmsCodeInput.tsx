import { MobileOutlined } from '@ant-design/icons';
import { Button, Input, Space, Tooltip } from 'antd';
import { useT } from '../../../i18n/useT';

export interface SmsCodeValue {
  mobile: string;
  verified?: boolean;
}

interface Props {
  value?: SmsCodeValue;
  onChange?: (value: SmsCodeValue | null) => void;
  disabled?: boolean;
  testId?: string;
}

/** 短信验证码: the mobile to verify; sending codes waits for an SMS provider, so the button is off. */
export function SmsCodeInput({ value, onChange, disabled, testId }: Props) {
  const { t } = useT();
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 360 }} data-testid={testId}>
      <Input
        value={value?.mobile}
        onChange={(e) => onChange?.(e.target.value.trim() ? { mobile: e.target.value } : null)}
        prefix={<MobileOutlined />}
        inputMode="tel"
        maxLength={20}
        placeholder={t('fieldInput.smsMobile')}
        aria-label={t('fieldInput.smsMobile')}
        disabled={disabled}
      />
      <Tooltip title={t('fieldInput.smsUnavailable')}>
        <Button disabled>{t('fieldInput.smsSend')}</Button>
      </Tooltip>
    </Space.Compact>
  );
}

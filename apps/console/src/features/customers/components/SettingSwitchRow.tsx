import { Flex, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  help?: ReactNode;
  checked: boolean;
  disabled?: boolean;
  loading?: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}

/** A labelled switch with a line of explanation, saved as soon as it is flipped. */
export function SettingSwitchRow({ title, help, checked, disabled, loading, onChange, testId }: Props) {
  return (
    <Flex justify="space-between" align="center" gap={16} style={{ padding: '8px 0' }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong={!disabled} type={disabled ? 'secondary' : undefined}>
          {title}
        </Typography.Text>
        {help && (
          <>
            <br />
            <Typography.Text type="secondary">{help}</Typography.Text>
          </>
        )}
      </div>
      <Switch
        checked={checked}
        disabled={disabled}
        loading={loading}
        onChange={onChange}
        data-testid={testId}
      />
    </Flex>
  );
}

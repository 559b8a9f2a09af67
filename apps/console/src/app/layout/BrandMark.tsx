import { Flex, Typography } from 'antd';
import { useT } from '../../i18n/useT';

export function BrandMark({ collapsed }: { collapsed?: boolean }) {
  const { t } = useT();
  return (
    <Flex align="center" justify="center" gap={8} style={{ height: 64, overflow: 'hidden' }}>
      <span
        style={{
          width: 32,
          height: 32,
          borderRadius: 8,
          background: '#1677ff',
          color: '#fff',
          fontSize: 20,
          lineHeight: '32px',
          textAlign: 'center',
          fontWeight: 700,
          flexShrink: 0,
        }}
      >
        一
      </span>
      {!collapsed && (
        <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
      )}
    </Flex>
  );
}

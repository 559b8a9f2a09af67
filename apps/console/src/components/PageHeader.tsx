import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page with its main actions on the right (wraps on narrow screens). */
export function PageHeader({
  title,
  extra,
  description,
}: {
  title: ReactNode;
  extra?: ReactNode;
  description?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && <Typography.Text type="secondary">{description}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

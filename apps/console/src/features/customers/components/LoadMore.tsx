import { Button, Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

/** "加载更多" under a cursor-paged list, with how many rows are shown. */
export function LoadMore({
  shown,
  hasMore,
  loading,
  onLoad,
}: {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const { t } = useT();
  return (
    <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary">{t('customers.shownCount', { count: shown })}</Typography.Text>
      {hasMore && (
        <Button onClick={onLoad} loading={loading} data-testid="load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}

import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

const CHANNELS = ['chat', 'call', 'ticket', 'remote'] as const;

/**
 * 客户统计 (manual 2.12): services by channel and the last service date. No service records exist
 * yet, so every count is zero until the service-record module feeds this card.
 */
export function CustomerStatsCard() {
  const { t } = useT();
  return (
    <Card size="small" title={t('customers.stats')} data-testid="customer-stats">
      <Row gutter={[8, 12]}>
        <Col span={12}>
          <Statistic title={t('customers.statsTotal')} value={0} />
        </Col>
        {CHANNELS.map((channel) => (
          <Col span={12} key={channel}>
            <Statistic title={t(`customers.channel.${channel}`)} value={0} />
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('customers.lastService')}：{t('customers.noServiceYet')}
      </Typography.Paragraph>
    </Card>
  );
}

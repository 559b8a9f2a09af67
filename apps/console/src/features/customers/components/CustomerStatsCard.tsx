import { RECORD_CHANNELS } from '@yidan/contracts';
import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { useCompanyStatistics } from '../hooks/useCustomer360';

/**
 * 客户统计 (manual 2.12) of one company: services by channel, tickets and the last service. A
 * contact shows its company's; a contact without a company has none.
 */
export function CustomerStatsCard({ companyId }: { companyId: number | null }) {
  const { t } = useT();
  const { data: stats, isLoading } = useCompanyStatistics(companyId);
  const last = stats?.lastServiceAt;
  return (
    <Card
      size="small"
      title={t('customers.stats')}
      extra={<Link to="/customers/statistics">{t('customers.statistics.all')}</Link>}
      data-testid="customer-stats"
    >
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          <Row gutter={[8, 12]}>
            <Col span={12}>
              <Statistic title={t('customers.statsTotal')} value={stats?.totalServices ?? 0} />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('customers.statistics.tickets')}
                value={stats?.tickets ?? 0}
                suffix={
                  stats?.openTickets ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('customers.statistics.openCount', { count: stats.openTickets })}
                    </Typography.Text>
                  ) : undefined
                }
              />
            </Col>
            {RECORD_CHANNELS.map((channel) => (
              <Col span={8} key={channel}>
                <Statistic
                  title={t(`customers.recordChannel.${channel}`)}
                  value={stats?.services[channel] ?? 0}
                  styles={{ content: { fontSize: 18 } }}
                />
              </Col>
            ))}
          </Row>
          <Typography.Paragraph
            type="secondary"
            style={{ margin: '12px 0 0' }}
            data-testid="customer-stats-last"
          >
            {t('customers.lastService')}：
            {last
              ? `${dayjs(last).format('YYYY-MM-DD')}（${t('customers.statistics.daysAgo', { days: stats?.daysSinceService ?? 0 })}）`
              : t('customers.noServiceYet')}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

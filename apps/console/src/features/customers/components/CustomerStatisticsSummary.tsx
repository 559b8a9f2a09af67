import { type CustomerStatisticsPage, RECORD_CHANNELS } from '@yidan/contracts';
import { Card, Col, Flex, Progress, Row, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

/** The filtered companies at a glance: how many, how often served, and by which channels. */
export function CustomerStatisticsSummary({ summary }: { summary: CustomerStatisticsPage['summary'] }) {
  const { t } = useT();
  const total = summary.totalServices;
  return (
    <Row gutter={[16, 16]} data-testid="customer-statistics-summary">
      <Col xs={24} md={10}>
        <Card size="small" style={{ height: '100%' }}>
          <Row gutter={[8, 8]}>
            <Col span={8}>
              <Statistic title={t('customers.statistics.companies')} value={summary.companies} />
            </Col>
            <Col span={8}>
              <Statistic title={t('customers.statsTotal')} value={total} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('customers.statistics.never')}
                value={summary.neverServed}
                styles={{ content: summary.neverServed ? { color: '#cf1322' } : undefined }}
              />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={14}>
        <Card size="small" title={t('customers.statistics.byChannel')}>
          <Flex vertical gap={4}>
            {RECORD_CHANNELS.map((channel) => {
              const n = summary.services[channel];
              return (
                <Flex key={channel} align="center" gap={12}>
                  <Typography.Text style={{ width: 72, flex: 'none' }}>
                    {t(`customers.recordChannel.${channel}`)}
                  </Typography.Text>
                  <Progress
                    percent={total ? Math.round((n / total) * 100) : 0}
                    format={() => n}
                    size="small"
                    style={{ margin: 0, flex: 1 }}
                  />
                </Flex>
              );
            })}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

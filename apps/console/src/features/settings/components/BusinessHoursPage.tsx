import { Col, Row } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { BusinessStatusCard } from './BusinessStatusCard';
import { HolidaysCard } from './HolidaysCard';
import { WeeklyHoursCard } from './WeeklyHoursCard';

/** 工作时间设置 (manual 2.9): weekly hours, holidays and make-up workdays (调休). */
export function BusinessHoursPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('nav.hours')} description={t('hours.hint')} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <BusinessStatusCard />
        </Col>
        <Col xs={24} xl={12}>
          <WeeklyHoursCard />
        </Col>
        <Col xs={24} xl={12}>
          <HolidaysCard />
        </Col>
      </Row>
    </>
  );
}

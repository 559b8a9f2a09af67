import { Col, Row } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { OnDutyCard } from './OnDutyCard';
import { RosterCard } from './RosterCard';
import { ShiftListCard } from './ShiftListCard';

/** 排班管理 (manual 2.10.4): shifts, the weekly roster and who is on duty now. */
export function ShiftsPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('nav.shifts')} description={t('shifts.hint')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <ShiftListCard />
        </Col>
        <Col xs={24} lg={10}>
          <OnDutyCard />
        </Col>
        <Col span={24}>
          <RosterCard />
        </Col>
      </Row>
    </>
  );
}

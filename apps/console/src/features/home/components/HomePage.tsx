import { Col, Row } from 'antd';
import { useAccess } from '../../auth/hooks/useAccess';
import { BroadcastCard } from './BroadcastCard';
import { GreetingCard } from './GreetingCard';
import { MyModulesCard } from './MyModulesCard';
import { MyShiftsCard } from './MyShiftsCard';
import { UnreadCard } from './UnreadCard';

/** 工作台: what every agent sees first — greeting, my modules, my shifts, unread notifications. */
export function HomePage() {
  const { can } = useAccess();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <GreetingCard />
      </Col>
      <Col xs={24} lg={16}>
        <MyShiftsCard />
      </Col>
      <Col xs={24} lg={8}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <UnreadCard />
          </Col>
          <Col span={24}>
            <MyModulesCard />
          </Col>
        </Row>
      </Col>
      {can('org.agents') && (
        <Col span={24}>
          <BroadcastCard />
        </Col>
      )}
    </Row>
  );
}

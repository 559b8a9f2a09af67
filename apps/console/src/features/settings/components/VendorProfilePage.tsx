import { Card, Col, Row, Skeleton } from 'antd';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useVendor } from '../hooks/useVendor';
import { LoginKeyCard } from './LoginKeyCard';
import { LogoUpload } from './LogoUpload';
import { VendorProfileForm } from './VendorProfileForm';

/** 企业信息 (manual 2.1): basic profile, contact, logo and the login key agents type at login. */
export function VendorProfilePage() {
  const { t } = useT();
  const { data: vendor, isLoading } = useVendor();

  return (
    <>
      <PageHeader title={t('nav.vendor')} />
      {isLoading || !vendor ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <VendorProfileForm vendor={vendor} />
          </Col>
          <Col xs={24} lg={9}>
            <Row gutter={[16, 16]}>
              <Col span={24}>
                <LoginKeyCard loginKey={vendor.loginKey} />
              </Col>
              <Col span={24}>
                <LogoUpload logoUrl={vendor.logoUrl} />
              </Col>
            </Row>
          </Col>
        </Row>
      )}
    </>
  );
}

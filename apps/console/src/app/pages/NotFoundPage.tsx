import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/useT';

export function NotFoundPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFound')}
      extra={<Button onClick={() => navigate('/')}>{t('nav.backHome')}</Button>}
    />
  );
}

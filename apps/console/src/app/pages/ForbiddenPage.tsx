import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/useT';

export function ForbiddenPage() {
  const { t } = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('error.forbidden')}
      extra={<Button onClick={() => navigate('/')}>{t('nav.backHome')}</Button>}
      data-testid="forbidden"
    />
  );
}

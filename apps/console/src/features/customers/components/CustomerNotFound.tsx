import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/ApiError';
import { describeError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';

/** A customer page whose record is gone (deleted, merged away) or could not be loaded. */
export function CustomerNotFound({ error }: { error: unknown }) {
  const { t } = useT();
  const navigate = useNavigate();
  const missing = isApiError(error, 404);
  return (
    <Result
      status={missing ? '404' : 'error'}
      title={missing ? t('customers.notFound') : t('error.loadFailed')}
      subTitle={missing ? t('customers.notFoundHint') : describeError(error, t)}
      extra={
        <Button type="primary" onClick={() => navigate('/customers')}>
          {t('customers.backToList')}
        </Button>
      }
      data-testid="customer-not-found"
    />
  );
}

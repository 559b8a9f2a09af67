import { Alert, App, Checkbox, Form, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useMergeCompany } from '../hooks/useCompanies';
import type { Company } from '../types/customerTypes';
import { CompanySelect } from './CompanySelect';

interface Props {
  company: Company;
  open: boolean;
  onClose: () => void;
}

/**
 * 合并到… (manual 2.11.3.9): pick the target, read what happens, confirm it cannot be undone.
 * The target's fields win, its empty fields take this company's values, contacts and records move,
 * and this company is deleted. Afterwards the target's page opens.
 */
export function MergeCompanyModal({ company, open, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const merge = useMergeCompany();
  const showError = useApiError();
  const [target, setTarget] = useState<{ id: number; name: string } | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    if (open) {
      setTarget(null);
      setConfirmed(false);
    }
  }, [open]);

  const submit = () => {
    if (!target || !confirmed) return;
    merge.mutate(
      { id: company.id, targetId: target.id },
      {
        onSuccess: (merged) => {
          message.success(t('customers.merged', { name: merged.name }));
          onClose();
          navigate(`/customers/companies/${merged.id}`, { replace: true });
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <Modal
      title={t('customers.mergeTitle', { name: company.name })}
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText={t('customers.mergeSubmit')}
      okButtonProps={{ danger: true, disabled: !target || !confirmed, 'data-testid': 'merge-submit' }}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('customers.mergeTarget')} required>
          <CompanySelect
            value={target?.id ?? null}
            onChange={(id, name) => setTarget(id ? { id, name: name ?? '' } : null)}
            excludeId={company.id}
            placeholder={t('customers.mergeTargetPlaceholder')}
            testId="merge-target"
          />
        </Form.Item>
      </Form>
      <Alert
        type="warning"
        showIcon
        title={t('customers.mergeRulesTitle')}
        description={
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{t('customers.mergeRule1')}</li>
            <li>{t('customers.mergeRule2')}</li>
            <li>{t('customers.mergeRule3')}</li>
            <li>
              <Typography.Text strong>{t('customers.mergeRule4', { name: company.name })}</Typography.Text>
            </li>
          </ol>
        }
      />
      <Checkbox
        checked={confirmed}
        disabled={!target}
        onChange={(e) => setConfirmed(e.target.checked)}
        style={{ marginTop: 16 }}
        data-testid="merge-confirm"
      >
        {target
          ? t('customers.mergeConfirm', { source: company.name, target: target.name })
          : t('customers.mergePickFirst')}
      </Checkbox>
    </Modal>
  );
}

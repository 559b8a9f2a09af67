import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { ExportButton } from '../../transfers/components/ExportButton';
import { ImportWizard } from '../../transfers/components/ImportWizard';
import { useInvalidateCustomers } from '../hooks/useInvalidateCustomers';
import { type CustomerListScope, customerExportRequest } from './customerExportRequest';

/** 导入 (the import wizard, companies or contacts) and 导出 (the list as shown, or the selected rows). */
export function ImportExportButtons({ scope }: { scope: CustomerListScope }) {
  const { t } = useT();
  const { can } = useAccess();
  const invalidate = useInvalidateCustomers();
  const [importing, setImporting] = useState(false);
  const selected = scope.selectedIds.length;

  return (
    <>
      {can('customer.import') && (
        <>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-open">
            {t('customers.import')}
          </Button>
          <ImportWizard
            open={importing}
            onClose={() => setImporting(false)}
            title={t('customers.importTitle')}
            entities={[
              { value: 'companies', label: t('customers.list.companies') },
              { value: 'contacts', label: t('customers.list.contacts') },
            ]}
            defaultEntity={scope.list}
            onFinished={() => void invalidate()}
          />
        </>
      )}
      {can('customer.export') && (
        <ExportButton
          build={() => customerExportRequest(scope)}
          label={selected ? t('customers.exportSelected', { count: selected }) : t('customers.export')}
          title={scope.list === 'contacts' ? t('customers.exportContacts') : t('customers.exportCompanies')}
        />
      )}
    </>
  );
}

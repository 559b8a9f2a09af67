import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { ExportButton } from '../../transfers/components/ExportButton';
import { ImportWizard } from '../../transfers/components/ImportWizard';
import type { ExportCreateInput } from '../../transfers/types/transferTypes';
import { useInvalidateTickets } from '../hooks/useInvalidateTickets';
import type { TicketListFilter } from '../types/ticketTypes';

/** 导入 (the import wizard for tickets) and 导出 (the current view as shown, or the selected tickets). */
export function TicketTransferButtons({
  filter,
  selectedIds,
}: {
  filter: TicketListFilter;
  selectedIds: number[];
}) {
  const { t } = useT();
  const { can } = useAccess();
  const invalidate = useInvalidateTickets();
  const [importing, setImporting] = useState(false);
  const build = (): ExportCreateInput =>
    selectedIds.length
      ? { entity: 'tickets', ids: selectedIds }
      : { entity: 'tickets', query: { viewId: filter.viewId, viewGroup: filter.viewGroup, q: filter.q } };

  return (
    <>
      {can('ticket.import') && (
        <>
          <Button
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="ticket-import-open"
          >
            {t('tickets.import')}
          </Button>
          <ImportWizard
            open={importing}
            onClose={() => setImporting(false)}
            title={t('tickets.importTitle')}
            entities={[{ value: 'tickets', label: t('nav.ticket') }]}
            defaultEntity={'tickets'}
            onFinished={() => void invalidate()}
          />
        </>
      )}
      {can('ticket.export') && (
        <ExportButton
          build={build}
          label={
            selectedIds.length
              ? t('tickets.exportSelected', { count: selectedIds.length })
              : t('tickets.export')
          }
          title={t('tickets.exportTitle')}
        />
      )}
    </>
  );
}

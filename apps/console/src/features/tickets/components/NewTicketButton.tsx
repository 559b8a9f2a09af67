import { FileAddOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import type { TicketPrefill } from '../utils/ticketFormValues';
import { CreateTicketDrawer } from './CreateTicketDrawer';

/** 新建工单 on a customer's page: the create drawer with that company or contact filled in. */
export function NewTicketButton({ prefill }: { prefill: TicketPrefill }) {
  const { t } = useT();
  const { can, hasModule } = useAccess();
  const [open, setOpen] = useState(false);
  if (!hasModule('ticket') || !can('ticket.create')) return null;
  return (
    <>
      <Button icon={<FileAddOutlined />} onClick={() => setOpen(true)} data-testid="customer-new-ticket">
        {t('tickets.create')}
      </Button>
      <CreateTicketDrawer open={open} onClose={() => setOpen(false)} prefill={prefill} />
    </>
  );
}

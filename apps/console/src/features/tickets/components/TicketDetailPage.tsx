import { Alert, App, Card, Col, Collapse, Flex, Grid, Result, Row, Skeleton } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/ApiError';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { MacroBar } from '../../macros/components/MacroBar';
import { MacroControllerContext } from '../../macros/hooks/macroControllerContext';
import { useMacroController } from '../../macros/hooks/useMacroController';
import { TicketSlaPanel } from '../../sla/components/TicketSlaPanel';
import { TicketWorkflowPanel } from '../../workflows/components/TicketWorkflowPanel';
import { useTicketEvents } from '../hooks/useTicketEvents';
import { useTicketShortcuts } from '../hooks/useTicketShortcuts';
import { useDeleteTicket, useTicket } from '../hooks/useTickets';
import { listUrl, neighbourTicket } from '../utils/ticketNavigation';
import { CreateTicketDrawer } from './CreateTicketDrawer';
import { MergeTicketModal } from './MergeTicketModal';
import { ReassignModal } from './ReassignModal';
import { RelatedTicketLink } from './RelatedTicketLink';
import { ReplyBox } from './ReplyBox';
import { ServiceRecordModal } from './ServiceRecordModal';
import { ShortcutHelpModal } from './ShortcutHelpModal';
import { SplitTicketModal } from './SplitTicketModal';
import { TicketCustomerPanel } from './TicketCustomerPanel';
import { TicketDetailHeader } from './TicketDetailHeader';
import { TicketFieldsPanel } from './TicketFieldsPanel';
import { TicketTimeline } from './TicketTimeline';

type Dialog = 'reassign' | 'merge' | 'split' | 'record' | 'create' | 'help' | null;

/**
 * 工单详情: header, reply box and timeline; the fields and customer panels on the right (stacked
 * and collapsible on phones). Esc goes back to the list, j/k to its neighbours, r replies.
 */
export function TicketDetailPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mobile = Grid.useBreakpoint().lg === false;
  const { can } = useAccess();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { data: ticket, error, isLoading } = useTicket(valid ? id : null);
  useTicketEvents();
  const remove = useDeleteTicket();
  const showError = useApiError();
  const [dialog, setDialog] = useState<Dialog>(null);
  const replyRef = useRef<TextAreaRef>(null);
  const backTo = listUrl();
  const locked = ticket ? ticket.status === 'closed' || ticket.mergedIntoId !== null : true;
  // 宏 (5.1.6.3): the macros of this ticket's form; they change the form, saved when the agent submits.
  const macros = useMacroController({
    ticketId: ticket?.id,
    templateId: ticket?.templateId,
    active: Boolean(ticket) && can('ticket.edit') && !locked,
  });

  const go = (step: 1 | -1) => {
    const next = neighbourTicket(id, step);
    if (next) navigate(`/tickets/${next}`);
  };
  useTicketShortcuts(
    {
      back: () => navigate(backTo),
      j: () => go(1),
      k: () => go(-1),
      r: () => replyRef.current?.focus(),
      c: () => setDialog('create'),
      '?': () => setDialog('help'),
    },
    dialog === null,
  );

  if (isLoading) return <Skeleton active />;
  if (!ticket)
    return (
      <Result
        status={isApiError(error, 404) || !valid ? '404' : 'error'}
        title={isApiError(error, 404) || !valid ? t('tickets.notFound') : t('error.loadFailed')}
        data-testid="ticket-not-found"
      />
    );

  const editable = can('ticket.edit') && !locked && !macros.readOnly;
  const deleteTicket = () =>
    remove.mutateAsync(ticket.id).then(
      () => {
        message.success(t('tickets.deleted'));
        navigate(backTo, { replace: true });
      },
      (e) => showError(e),
    );

  const fields = (
    <TicketFieldsPanel ticket={ticket} editable={editable} onReassign={() => setDialog('reassign')} />
  );
  const customer = <TicketCustomerPanel ticket={ticket} editable={editable} />;

  return (
    <MacroControllerContext.Provider value={macros}>
      <Flex vertical gap={16}>
        <TicketDetailHeader
          ticket={ticket}
          locked={locked}
          backTo={backTo}
          onMerge={() => setDialog('merge')}
          onSplit={() => setDialog('split')}
          onRecord={() => setDialog('record')}
          onDelete={deleteTicket}
          deleting={remove.isPending}
        />
        {ticket.mergedIntoId !== null && (
          <Alert
            type="info"
            showIcon
            title={
              <span>
                {t('tickets.mergedInto')} <RelatedTicketLink id={ticket.mergedIntoId} />
              </span>
            }
          />
        )}
        {ticket.status === 'closed' && ticket.mergedIntoId === null && (
          <Alert type="info" showIcon title={t('tickets.closedHint')} />
        )}
        {macros.readOnly && (
          <Alert type="info" showIcon title={t('macros.readOnly')} data-testid="macro-read-only" />
        )}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Flex vertical gap={16}>
              {mobile && (
                <Collapse
                  items={[
                    // Rendered while folded: the page's macros read and fill this form.
                    { key: 'fields', label: t('tickets.panel.fields'), children: fields, forceRender: true },
                    { key: 'customer', label: t('tickets.panel.customer'), children: customer },
                  ]}
                  data-testid="ticket-panels"
                />
              )}
              {ticket.sla && <TicketSlaPanel sla={ticket.sla} />}
              <TicketWorkflowPanel ticketId={ticket.id} />
              {editable && <MacroBar macros={macros} />}
              {editable && <ReplyBox ticket={ticket} inputRef={replyRef} />}
              {!macros.hideReplies && <TicketTimeline ticket={ticket} />}
            </Flex>
          </Col>
          {!mobile && (
            <Col lg={8}>
              <Flex vertical gap={16}>
                <Card size="small" title={t('tickets.panel.fields')}>
                  {fields}
                </Card>
                <Card size="small" title={t('tickets.panel.customer')}>
                  {customer}
                </Card>
              </Flex>
            </Col>
          )}
        </Row>
        <ReassignModal ticket={ticket} open={dialog === 'reassign'} onClose={() => setDialog(null)} />
        <MergeTicketModal ticket={ticket} open={dialog === 'merge'} onClose={() => setDialog(null)} />
        <SplitTicketModal ticket={ticket} open={dialog === 'split'} onClose={() => setDialog(null)} />
        <ServiceRecordModal ticket={ticket} open={dialog === 'record'} onClose={() => setDialog(null)} />
        <CreateTicketDrawer
          open={dialog === 'create'}
          onClose={() => setDialog(null)}
          prefill={
            ticket.contact || ticket.company
              ? {
                  contactId: ticket.contact?.id,
                  contactName: ticket.contact?.name,
                  companyId: ticket.company?.id,
                  companyName: ticket.company?.name,
                }
              : undefined
          }
        />
        <ShortcutHelpModal open={dialog === 'help'} onClose={() => setDialog(null)} />
      </Flex>
    </MacroControllerContext.Provider>
  );
}

import { Alert, Form, Input } from 'antd';
import { useT } from '../../../i18n/useT';
import type { Ticket } from '../../tickets/types/ticketTypes';

const sameIds = (a: number[] = [], b: number[] = []) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

/**
 * The fields a macro may set that the ticket page edits elsewhere (assignee, group, CC): hidden form
 * fields saved with the form, and a note naming the ones a macro changed until the agent saves.
 */
export function MacroPendingFields({ ticket }: { ticket: Ticket }) {
  const { t } = useT();
  const form = Form.useFormInstance();
  const assigneeId = Form.useWatch('assigneeId', form) as number | null | undefined;
  const groupId = Form.useWatch('groupId', form) as number | null | undefined;
  const ccAgentIds = Form.useWatch('ccAgentIds', form) as number[] | undefined;
  const changed = [
    assigneeId !== undefined && assigneeId !== ticket.assigneeId ? t('tickets.field.assigneeId') : null,
    groupId !== undefined && groupId !== ticket.groupId ? t('tickets.field.groupId') : null,
    ccAgentIds !== undefined && !sameIds(ccAgentIds, ticket.ccAgentIds)
      ? t('tickets.field.ccAgentIds')
      : null,
  ].filter((x): x is string => x !== null);
  return (
    <>
      {(['assigneeId', 'groupId', 'ccAgentIds'] as const).map((name) => (
        <Form.Item key={name} name={name} hidden>
          <Input />
        </Form.Item>
      ))}
      {changed.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`${t('macros.pending')}${changed.join('、')}`}
          style={{ marginBottom: 12 }}
          data-testid="macro-pending"
        />
      )}
    </>
  );
}

/** The assignment part of the fields form's body: what a macro changed there. */
export function pendingAssignmentBody(
  values: { assigneeId?: number | null; groupId?: number | null; ccAgentIds?: number[] },
  ticket: Ticket,
) {
  return {
    ...(values.assigneeId !== undefined && values.assigneeId !== ticket.assigneeId
      ? { assigneeId: values.assigneeId }
      : {}),
    ...(values.groupId !== undefined && values.groupId !== ticket.groupId ? { groupId: values.groupId } : {}),
    ...(values.ccAgentIds !== undefined && !sameIds(values.ccAgentIds, ticket.ccAgentIds)
      ? { ccAgentIds: values.ccAgentIds }
      : {}),
  };
}

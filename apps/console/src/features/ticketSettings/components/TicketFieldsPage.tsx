import { Card } from 'antd';
import { useState } from 'react';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { FieldFormDrawer } from '../../customers/components/FieldFormDrawer';
import { FieldTable } from '../../customers/components/FieldTable';
import { useFields } from '../../customers/hooks/useFields';
import type { FieldDefinition } from '../../customers/types/customerTypes';

/** 工单字段 (manual 5.1.1): the same field editor as customers, for entity `ticket` with its own types. */
export function TicketFieldsPage() {
  const { t } = useT();
  const { data: fields = [], isLoading } = useFields('ticket');
  const [editing, setEditing] = useState<{ field?: FieldDefinition } | null>(null);

  return (
    <>
      <PageHeader
        title={t('ticketSettings.nav.fields')}
        description={t('ticketSettings.fields.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="field-create">
            {t('fields.create')}
          </CreateButton>
        }
      />
      <Card>
        <FieldTable
          entity="ticket"
          fields={fields}
          loading={isLoading}
          onEdit={(field) => setEditing({ field })}
        />
      </Card>
      <FieldFormDrawer
        entity="ticket"
        open={editing !== null}
        field={editing?.field}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

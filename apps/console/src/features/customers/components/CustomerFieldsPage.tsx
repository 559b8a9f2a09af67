import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useCurrentMe } from '../../auth/hooks/useMe';
import { useFields } from '../hooks/useFields';
import type { FieldDefinition, FieldEntity } from '../types/customerTypes';
import { FieldFormDrawer } from './FieldFormDrawer';
import { FieldTable } from './FieldTable';

const CUSTOMER_ENTITIES = ['company', 'contact'] as const;

/** 客户字段 (manual 2.11.2): company and contact fields; rename and reorder system fields, add custom ones. */
export function CustomerFieldsPage() {
  const { t } = useT();
  const me = useCurrentMe();
  const [entity, setEntity] = useState<FieldEntity>(me.vendor.customerMode === '2c' ? 'contact' : 'company');
  const { data: fields = [], isLoading } = useFields(entity);
  const [editing, setEditing] = useState<{ field?: FieldDefinition } | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.customerFields')}
        description={t('fields.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="field-create">
            {t('fields.create')}
          </CreateButton>
        }
      />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={entity}
          onChange={(key) => setEntity(key as FieldEntity)}
          items={CUSTOMER_ENTITIES.map((key) => ({ key, label: t(`fields.entity.${key}`) }))}
          data-testid="field-entity-tabs"
        />
        <FieldTable
          entity={entity}
          fields={fields}
          loading={isLoading}
          onEdit={(field) => setEditing({ field })}
        />
      </Card>
      <FieldFormDrawer
        entity={entity}
        open={editing !== null}
        field={editing?.field}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

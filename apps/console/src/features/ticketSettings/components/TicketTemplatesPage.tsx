import { App, Button, Card, Flex, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import {
  useDeleteTicketTemplate,
  useTicketTemplates,
  useUpdateTicketTemplate,
} from '../hooks/useTicketTemplates';
import type { TicketTemplate } from '../types/ticketSettingsTypes';
import { TemplateFormDrawer } from './TemplateFormDrawer';

/** 工单模板 (manual 5.1.2): the list with 删除 / 启用 / 禁用 / 设为默认, and the form drawer. */
export function TicketTemplatesPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { data: templates = [], isLoading } = useTicketTemplates();
  const update = useUpdateTicketTemplate();
  const remove = useDeleteTicketTemplate();
  const showError = useApiError();
  const [editing, setEditing] = useState<{ template?: TicketTemplate } | null>(null);

  const patch = (template: TicketTemplate, body: { enabled?: boolean; isDefault?: boolean }) =>
    update.mutate(
      { id: template.id, body },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  const columns: TableProps<TicketTemplate>['columns'] = [
    {
      key: 'name',
      title: t('ticketSettings.template.name'),
      render: (_, tpl) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link
            onClick={() => setEditing({ template: tpl })}
            data-testid={`template-edit-${tpl.name}`}
          >
            {tpl.name}
          </Typography.Link>
          {tpl.isDefault && <Tag color="gold">{t('ticketSettings.template.default')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'description',
      title: t('ticketSettings.template.description'),
      render: (_, tpl) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280 }}>
          {tpl.description || '—'}
        </Typography.Text>
      ),
    },
    {
      key: 'type',
      title: t('ticketSettings.template.type'),
      render: (_, tpl) =>
        tpl.visibility.scope === 'all'
          ? t('ticketSettings.template.typeShared')
          : t('ticketSettings.template.typeCustom'),
    },
    { key: 'fields', title: t('ticketSettings.template.fieldCount'), render: (_, tpl) => tpl.fields.length },
    {
      key: 'enabled',
      title: t('ticketSettings.status'),
      render: (_, tpl) =>
        tpl.enabled ? (
          <Tag color="green">{t('ticketSettings.on')}</Tag>
        ) : (
          <Tag>{t('ticketSettings.off')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, tpl) => (
        <Flex gap={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing({ template: tpl })}>
            {t('common.edit')}
          </Button>
          {tpl.enabled ? (
            <Tooltip title={tpl.isDefault ? t('ticketSettings.template.defaultNoDisable') : undefined}>
              <Button
                type="link"
                size="small"
                disabled={tpl.isDefault}
                onClick={() => patch(tpl, { enabled: false })}
                data-testid={`template-disable-${tpl.name}`}
              >
                {t('ticketSettings.disable')}
              </Button>
            </Tooltip>
          ) : (
            <Button
              type="link"
              size="small"
              onClick={() => patch(tpl, { enabled: true })}
              data-testid={`template-enable-${tpl.name}`}
            >
              {t('ticketSettings.enable')}
            </Button>
          )}
          {!tpl.isDefault && (
            <Button
              type="link"
              size="small"
              disabled={!tpl.enabled}
              onClick={() => patch(tpl, { isDefault: true })}
              data-testid={`template-default-${tpl.name}`}
            >
              {t('ticketSettings.template.setDefault')}
            </Button>
          )}
          <ConfirmDeleteButton
            title={t('ticketSettings.template.deleteConfirm', { name: tpl.name })}
            description={t('ticketSettings.template.deleteHint')}
            onDelete={() => remove.mutateAsync(tpl.id)}
            testId={`template-delete-${tpl.name}`}
            disabledReason={tpl.isDefault ? t('ticketSettings.template.defaultNoDelete') : undefined}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ticketSettings.nav.templates')}
        description={t('ticketSettings.template.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="template-create">
            {t('ticketSettings.template.create')}
          </CreateButton>
        }
      />
      <Card>
        <Table<TicketTemplate>
          rowKey="id"
          columns={columns}
          dataSource={templates}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(tpl) =>
            ({ 'data-testid': `template-row-${tpl.name}` }) as React.HTMLAttributes<HTMLElement>
          }
          data-testid="template-table"
        />
      </Card>
      <TemplateFormDrawer
        open={editing !== null}
        template={editing?.template}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

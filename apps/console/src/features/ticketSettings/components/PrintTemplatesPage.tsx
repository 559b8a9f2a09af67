import { App, Button, Card, Flex, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import {
  useDeletePrintTemplate,
  usePrintTemplates,
  useUpdatePrintTemplate,
} from '../hooks/usePrintTemplates';
import type { PrintTemplate } from '../types/ticketSettingsTypes';
import { PrintTemplateDrawer } from './PrintTemplateDrawer';

/** 打印模板 (manual 5.2.20): Liquid HTML layouts for 工单打印; the default one is used unless another is chosen. */
export function PrintTemplatesPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const { data: templates = [], isLoading } = usePrintTemplates();
  const update = useUpdatePrintTemplate();
  const remove = useDeletePrintTemplate();
  const showError = useApiError();
  const [editing, setEditing] = useState<{ template?: PrintTemplate } | null>(null);

  const columns: TableProps<PrintTemplate>['columns'] = [
    {
      key: 'name',
      title: t('ticketSettings.print.name'),
      render: (_, p) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link onClick={() => setEditing({ template: p })} data-testid={`print-edit-${p.name}`}>
            {p.name}
          </Typography.Link>
          {p.isDefault && <Tag color="gold">{t('ticketSettings.print.default')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'createdAt',
      title: t('ticketSettings.createdAt'),
      render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, p) => (
        <Flex gap={0}>
          <Button type="link" size="small" onClick={() => setEditing({ template: p })}>
            {t('common.edit')}
          </Button>
          {!p.isDefault && (
            <Button
              type="link"
              size="small"
              onClick={() =>
                update.mutate(
                  { id: p.id, body: { isDefault: true } },
                  { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
                )
              }
              data-testid={`print-default-${p.name}`}
            >
              {t('ticketSettings.template.setDefault')}
            </Button>
          )}
          <ConfirmDeleteButton
            title={t('ticketSettings.print.deleteConfirm', { name: p.name })}
            onDelete={() => remove.mutateAsync(p.id)}
            testId={`print-delete-${p.name}`}
          />
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ticketSettings.nav.print')}
        description={t('ticketSettings.print.hint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="print-create">
            {t('ticketSettings.print.create')}
          </CreateButton>
        }
      />
      <Card>
        <Table<PrintTemplate>
          rowKey="id"
          columns={columns}
          dataSource={templates}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('ticketSettings.print.empty') }}
          data-testid="print-table"
        />
      </Card>
      <PrintTemplateDrawer
        open={editing !== null}
        template={editing?.template}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

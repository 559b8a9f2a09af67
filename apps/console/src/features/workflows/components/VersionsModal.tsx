import type { WorkflowVersionSummary } from '@yidan/contracts';
import { Modal, Table, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/useT';
import { useWorkflowVersions } from '../hooks/useWorkflows';

/** 版本记录: published versions, newest first, and how many open tickets still run on each. */
export function VersionsModal({
  workflowId,
  open,
  onClose,
}: {
  workflowId: number | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useT();
  const { data = [], isLoading } = useWorkflowVersions(workflowId, open);
  const columns: TableProps<WorkflowVersionSummary>['columns'] = [
    { key: 'version', title: t('workflows.version'), render: (_, v) => `v${v.version}` },
    {
      key: 'createdAt',
      title: t('workflows.publishedAt'),
      render: (_, v) => dayjs(v.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    { key: 'by', title: t('workflows.publishedBy'), render: (_, v) => v.createdByName ?? '—' },
    { key: 'tickets', title: t('workflows.activeTickets'), render: (_, v) => v.activeTickets },
  ];
  return (
    <Modal title={t('workflows.versions')} open={open} onCancel={onClose} footer={null} width={560}>
      <p style={{ marginTop: 0 }}>{t('workflows.versionsHelp')}</p>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        columns={columns}
        pagination={false}
        data-testid="workflow-version-list"
      />
    </Modal>
  );
}

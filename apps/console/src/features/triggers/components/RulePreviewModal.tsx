import { Alert, Modal, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import { TicketPriorityTag } from '../../tickets/components/TicketPriorityTag';
import { TicketStatusTag } from '../../tickets/components/TicketStatusTag';
import type { Ticket } from '../../tickets/types/ticketTypes';

export interface RulePreview {
  count: number;
  examined: number;
  truncated: boolean;
  items: Ticket[];
}

interface Props {
  open: boolean;
  loading: boolean;
  preview: RulePreview | null;
  onClose: () => void;
}

/**
 * 预览: the open tickets a rule's conditions match right now (the first 50 and how many), so a
 * dealer sees what an automation or SLA policy would act on before saving it.
 */
export function RulePreviewModal({ open, loading, preview, onClose }: Props) {
  const { t } = useT();
  return (
    <Modal
      title={t('rules.preview.title')}
      open={open}
      onCancel={onClose}
      footer={null}
      width={760}
      data-testid="rule-preview"
    >
      {preview && (
        <Alert
          type={preview.count ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            preview.truncated
              ? t('rules.preview.countTruncated', { count: preview.count, examined: preview.examined })
              : t('rules.preview.count', { count: preview.count })
          }
          data-testid="rule-preview-count"
        />
      )}
      <Table<Ticket>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={preview?.items ?? []}
        pagination={false}
        scroll={{ x: 560, y: 420 }}
        columns={[
          {
            title: '#',
            dataIndex: 'number',
            width: 70,
            render: (n: number, r) => <Link to={`/tickets/${r.id}`}>#{n}</Link>,
          },
          {
            title: t('rules.preview.subject'),
            dataIndex: 'subject',
            render: (s: string) => <Typography.Text ellipsis>{s}</Typography.Text>,
          },
          {
            title: t('rules.preview.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Ticket['status']) => <TicketStatusTag status={s} />,
          },
          {
            title: t('rules.preview.priority'),
            dataIndex: 'priority',
            width: 80,
            render: (p: Ticket['priority']) => <TicketPriorityTag priority={p} />,
          },
          {
            title: t('rules.preview.updatedAt'),
            dataIndex: 'updatedAt',
            width: 120,
            render: (at: string) => dayjs(at).format('MM-DD HH:mm'),
          },
        ]}
      />
    </Modal>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiToken, ApiTokenCreated } from '../../../api/types';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useApiTokens, useDeleteApiToken } from '../hooks/useApiTokens';
import { CreateApiTokenModal } from './CreateApiTokenModal';
import { TokenSecretModal } from './TokenSecretModal';

const formatTime = (value: string | null) => (value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—');

/** API 令牌: per-agent tokens for the REST API (Bearer or Basic auth). */
export function ApiTokensPage() {
  const { t } = useT();
  const { data: tokens = [], isLoading } = useApiTokens();
  const remove = useDeleteApiToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const columns: TableProps<ApiToken>['columns'] = [
    { title: t('apiTokens.name'), dataIndex: 'name' },
    {
      title: t('apiTokens.prefix'),
      dataIndex: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    { title: t('apiTokens.createdAt'), dataIndex: 'createdAt', render: formatTime },
    { title: t('apiTokens.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatTime },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) => (
        <ConfirmDeleteButton
          title={t('apiTokens.deleteConfirm', { name: token.name })}
          description={t('apiTokens.deleteHelp')}
          onDelete={() => remove.mutateAsync(token.id)}
          testId={`api-token-delete-${token.name}`}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.apiTokens')}
        description={t('apiTokens.hint')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="api-token-create"
          >
            {t('apiTokens.create')}
          </Button>
        }
      />
      <Card>
        <Table<ApiToken>
          rowKey="id"
          columns={columns}
          dataSource={tokens}
          loading={isLoading}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="api-token-table"
        />
      </Card>
      <CreateApiTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </>
  );
}

import { HistoryOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { Workflow } from '@yidan/contracts';
import { App, Button, Flex, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useUpdateWorkflow } from '../hooks/useWorkflows';
import { VersionsModal } from './VersionsModal';

interface Props {
  workflow: Workflow;
  dirty: boolean;
  saving: boolean;
  publishing: boolean;
  onSave: () => void;
  onPublish: () => void;
}

/** The workflow's state (published version, unsaved edits, 启用) and 保存草稿 / 发布 / 版本记录. */
export function EditorToolbar({ workflow, dirty, saving, publishing, onSave, onPublish }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const update = useUpdateWorkflow();
  const showError = useApiError();
  const [versionsOpen, setVersionsOpen] = useState(false);
  const current = workflow.currentVersion;

  const toggle = (enabled: boolean) =>
    workflow.id !== null &&
    update.mutate(
      { id: workflow.id, enabled },
      { onSuccess: () => message.success(t('common.saved')), onError: (e) => showError(e) },
    );

  return (
    <Flex justify="space-between" align="center" wrap gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text strong>{workflow.name}</Typography.Text>
        {current ? (
          <Tag color="blue" data-testid="workflow-version">
            {t('workflows.versionTag', { v: current.version })}
          </Tag>
        ) : (
          <Tag data-testid="workflow-version">{t('workflows.unpublished')}</Tag>
        )}
        {dirty && <Tag color="orange">{t('workflows.unsaved')}</Tag>}
        <Tooltip title={workflow.id === null ? t('workflows.enableAfterSave') : t('workflows.enabledHelp')}>
          <Flex align="center" gap={6}>
            <Switch
              size="small"
              checked={workflow.enabled}
              disabled={workflow.id === null}
              loading={update.isPending}
              onChange={toggle}
              data-testid="workflow-enabled"
            />
            <Typography.Text type="secondary">{t('workflows.enabled')}</Typography.Text>
          </Flex>
        </Tooltip>
      </Flex>
      <Flex gap={8} wrap>
        <Button
          icon={<HistoryOutlined />}
          disabled={workflow.id === null}
          onClick={() => setVersionsOpen(true)}
          data-testid="workflow-versions"
        >
          {t('workflows.versions')}
        </Button>
        <Button icon={<SaveOutlined />} loading={saving} onClick={onSave} data-testid="workflow-save">
          {t('workflows.save')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={publishing}
          onClick={onPublish}
          data-testid="workflow-publish"
        >
          {t('workflows.publish')}
        </Button>
      </Flex>
      <VersionsModal workflowId={workflow.id} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </Flex>
  );
}

import { Empty, Flex, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useTicketTemplates } from '../../ticketSettings/hooks/useTicketTemplates';
import { useTemplateWorkflow, useWorkflowCatalogue, useWorkflowList } from '../hooks/useWorkflows';
import { WorkflowEditor } from './WorkflowEditor';

/** 设置-工单设置-工单流 (manual 5.1.3): pick a template, then draw and publish its workflow. */
export function WorkflowsPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const { data: templates = [], isLoading } = useTicketTemplates();
  const { data: workflows = [] } = useWorkflowList();
  const templateId = Number(params.get('template')) || templates[0]?.id || null;
  const { data: workflow } = useTemplateWorkflow(templateId);
  const { data: catalogue } = useWorkflowCatalogue();

  const options = templates.map((tpl) => {
    const wf = workflows.find((w) => w.templateId === tpl.id);
    const state = !wf
      ? ''
      : wf.currentVersion
        ? t('workflows.versionTag', { v: wf.currentVersion }) +
          (wf.enabled ? '' : ` · ${t('workflows.disabled')}`)
        : t('workflows.draftOnly');
    return { value: tpl.id, label: state ? `${tpl.name}（${state}）` : tpl.name };
  });

  return (
    <>
      <PageHeader
        title={t('workflows.nav')}
        description={t('workflows.hint')}
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>{t('workflows.template')}</Typography.Text>
            <Select
              value={templateId}
              options={options}
              loading={isLoading}
              onChange={(id: number) => setParams({ template: String(id) })}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 280, maxWidth: '60vw' }}
              aria-label={t('workflows.template')}
              data-testid="workflow-template"
            />
          </Flex>
        }
      />
      {!isLoading && templates.length === 0 ? (
        <Empty description={t('workflows.noTemplates')} />
      ) : workflow && catalogue && workflow.templateId === templateId ? (
        <WorkflowEditor key={templateId} workflow={workflow} catalogue={catalogue} />
      ) : (
        <Skeleton active paragraph={{ rows: 8 }} />
      )}
    </>
  );
}

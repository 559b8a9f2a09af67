import type { Agent } from '@yidan/contracts';
import { App, Form } from 'antd';
import { useEffect } from 'react';
import { useApiError } from '../../../api/useApiError';
import { FormDrawer } from '../../../components/FormDrawer';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import { useCreateAgent, useUpdateAgent } from '../hooks/useAgents';
import { useRoles } from '../hooks/useRoles';
import { AgentFormFields } from './AgentFormFields';
import {
  type AgentFormValues,
  agentToValues,
  defaultAgentValues,
  valuesToCreate,
  valuesToUpdate,
} from './agentFormValues';

interface Props {
  open: boolean;
  /** Absent when creating. */
  agent?: Agent;
  onClose: () => void;
}

export function AgentFormDrawer({ open, agent, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AgentFormValues>();
  const { can } = useAccess();
  const { data: roles = [] } = useRoles(can('org.roles'));
  const create = useCreateAgent();
  const update = useUpdateAgent();
  const showError = useApiError();
  const defaultRoleId = roles.find((r) => r.system === 'agent')?.id;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(agent ? agentToValues(agent) : defaultAgentValues());
  }, [open, agent, form]);

  // New agents get the 普通客服 role, also when the roles arrive after the drawer opened.
  useEffect(() => {
    if (open && !agent && defaultRoleId && form.getFieldValue('roleId') == null) {
      form.setFieldValue('roleId', defaultRoleId);
    }
  }, [open, agent, defaultRoleId, form]);

  const done = () => {
    message.success(t('common.saved'));
    onClose();
  };

  const submit = (values: AgentFormValues) => {
    if (agent) {
      update.mutate(
        { id: agent.id, body: valuesToUpdate(values) },
        { onSuccess: done, onError: (e) => showError(e, form) },
      );
      return;
    }
    create.mutate(valuesToCreate(values), {
      onSuccess: (created) => {
        // The create body has no enabled/available; apply them when they differ from the defaults.
        if (!values.enabled || !values.available) {
          update.mutate(
            { id: created.id, body: { enabled: values.enabled, available: values.available } },
            { onSuccess: done, onError: (e) => showError(e) },
          );
        } else done();
      },
      onError: (e) => showError(e, form),
    });
  };

  return (
    <FormDrawer
      title={agent ? t('agents.edit') : t('agents.create')}
      open={open}
      onClose={onClose}
      form={form}
      onFinish={submit}
      saving={create.isPending || update.isPending}
      width={560}
      submitTestId="agent-form-submit"
      initialValues={defaultAgentValues()}
    >
      <AgentFormFields form={form} editing={Boolean(agent)} roles={roles} />
    </FormDrawer>
  );
}

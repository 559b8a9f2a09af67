import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import type { Group } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import type { DirectoryAgent } from '../api/agentsApi';
import { useCreateGroup, useUpdateGroup } from '../hooks/useGroups';
import { buildGroupTree, type GroupNode, subtreeIds } from './groupTree';

interface Values {
  name: string;
  parentId: number | null;
  supervisorIds: number[];
  memberIds: number[];
}

interface Props {
  open: boolean;
  group?: Group;
  defaultParentId: number | null;
  groups: Group[];
  agents: DirectoryAgent[];
  onClose: () => void;
}

type ParentOption = { value: number; title: string; children: ParentOption[] };
const toOptions = (nodes: GroupNode[]): ParentOption[] =>
  nodes.map((n) => ({ value: n.key, title: n.title, children: toOptions(n.children) }));

export function GroupFormModal({ open, group, defaultParentId, groups, agents, onClose }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const showError = useApiError();

  // A group cannot become a child of itself or of its own subgroups.
  const parentOptions = useMemo(() => {
    const excluded = group ? subtreeIds(groups, group.id) : new Set<number>();
    return toOptions(buildGroupTree(groups.filter((g) => !excluded.has(g.id))));
  }, [groups, group]);
  const agentOptions = agents.map((a) => ({ value: a.id, label: `${a.name} (${a.account})` }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      group
        ? {
            name: group.name,
            parentId: group.parentId,
            supervisorIds: group.supervisorIds,
            memberIds: group.memberIds,
          }
        : { name: '', parentId: defaultParentId, supervisorIds: [], memberIds: [] },
    );
  }, [open, group, defaultParentId, form]);

  const submit = (values: Values) => {
    const body = { ...values, name: values.name.trim(), parentId: values.parentId ?? null };
    const options = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => showError(e, form),
    };
    if (group) update.mutate({ id: group.id, body }, options);
    else create.mutate(body, options);
  };

  return (
    <Modal
      title={group ? t('groups.edit') : t('groups.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      forceRender
      okButtonProps={{ 'data-testid': 'group-form-submit' }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('groups.name')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input data-testid="group-form-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('groups.parent')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={parentOptions}
            placeholder={t('groups.noParent')}
            data-testid="group-form-parent"
          />
        </Form.Item>
        <Form.Item name="supervisorIds" label={t('groups.supervisors')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={agentOptions}
            data-testid="group-form-supervisors"
          />
        </Form.Item>
        <Form.Item name="memberIds" label={t('groups.members')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={agentOptions}
            data-testid="group-form-members"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import type { Group } from '../../../api/types';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton';
import { useT } from '../../../i18n/useT';
import { useDeleteGroup } from '../hooks/useGroups';

interface Props {
  group: Group;
  agentName: Map<number, string>;
  onEdit: () => void;
  onAddChild: () => void;
}

/** One row of the group tree: name, member count, supervisors and the row's actions. */
export function GroupTreeTitle({ group, agentName, onEdit, onAddChild }: Props) {
  const { t } = useT();
  const remove = useDeleteGroup();
  const supervisors = group.supervisorIds.map((id) => agentName.get(id) ?? `#${id}`);

  return (
    <Flex justify="space-between" align="center" gap={8} wrap data-testid={`group-node-${group.name}`}>
      <Flex align="center" gap={8} wrap style={{ minWidth: 0 }}>
        <Typography.Text strong>{group.name}</Typography.Text>
        <Tooltip title={t('groups.members')}>
          <Typography.Text type="secondary">
            <TeamOutlined /> {group.memberIds.length}
          </Typography.Text>
        </Tooltip>
        {supervisors.length > 0 && (
          <span>
            <Typography.Text type="secondary">{t('groups.supervisors')}: </Typography.Text>
            {supervisors.map((name) => (
              <Tag key={name} color="blue">
                {name}
              </Tag>
            ))}
          </span>
        )}
      </Flex>
      <Flex gap={0} onClick={(e) => e.stopPropagation()}>
        <Tooltip title={t('groups.addChild')}>
          <Button
            type="text"
            size="small"
            icon={<PlusOutlined />}
            onClick={onAddChild}
            aria-label={t('groups.addChild')}
          />
        </Tooltip>
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            onClick={onEdit}
            aria-label={t('common.edit')}
            data-testid={`group-edit-${group.name}`}
          />
        </Tooltip>
        <ConfirmDeleteButton
          iconOnly
          title={t('groups.deleteConfirm', { name: group.name })}
          onDelete={() => remove.mutateAsync(group.id)}
          testId={`group-delete-${group.name}`}
        />
      </Flex>
    </Flex>
  );
}

import { Card, Empty, Spin, Tree, type TreeProps, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Group } from '../../../api/types';
import { useApiError } from '../../../api/useApiError';
import { CreateButton } from '../../../components/CreateButton';
import { PageHeader } from '../../../components/PageHeader';
import { useT } from '../../../i18n/useT';
import { useAgentDirectory } from '../hooks/useAgents';
import { useGroups, useMoveGroup } from '../hooks/useGroups';
import { GroupFormModal } from './GroupFormModal';
import { GroupTreeTitle } from './GroupTreeTitle';
import { buildGroupTree, computeGroupMove, type GroupNode } from './groupTree';

type Editing = { group?: Group; parentId?: number | null } | null;

/** 客服分组 (manual 2.10.2): a tree of groups with add, edit, delete and drag-to-reorder. */
export function GroupsPage() {
  const { t } = useT();
  const { data: groups = [], isLoading } = useGroups();
  const { data: agents = [] } = useAgentDirectory();
  const move = useMoveGroup();
  const showError = useApiError();
  const [editing, setEditing] = useState<Editing>(null);
  const tree = useMemo(() => buildGroupTree(groups), [groups]);
  // Collapsed groups are remembered instead of expanded ones, so a new parent (after a drop) shows its child.
  const [collapsed, setCollapsed] = useState<Set<number>>(() => new Set());
  const expandedKeys = groups.filter((g) => !collapsed.has(g.id)).map((g) => g.id);
  const agentName = useMemo(() => new Map(agents.map((a) => [a.id, a.name])), [agents]);

  const onDrop: TreeProps<GroupNode>['onDrop'] = (info) => {
    const targetPos = Number(info.node.pos.split('-').at(-1));
    const relative = info.dropPosition - targetPos;
    // Dropping on the gap just below an expanded parent means "first child", as antd draws it.
    const intoExpanded = info.node.expanded && info.node.children.length > 0 && relative === 1;
    const placement = !info.dropToGap || intoExpanded ? 'inside' : relative === -1 ? 'before' : 'after';
    const next = computeGroupMove(groups, info.dragNode.key, info.node.key, placement);
    if (next) move.mutate(next, { onError: (e) => showError(e) });
  };

  return (
    <>
      <PageHeader
        title={t('nav.groups')}
        description={t('groups.dragHint')}
        extra={
          <CreateButton onClick={() => setEditing({})} testId="group-create">
            {t('groups.create')}
          </CreateButton>
        }
      />
      <Card>
        {isLoading ? (
          <Spin />
        ) : tree.length === 0 ? (
          <Empty description={t('groups.empty')} />
        ) : (
          <Tree<GroupNode>
            treeData={tree}
            draggable
            blockNode
            expandedKeys={expandedKeys}
            onExpand={(keys) =>
              setCollapsed(new Set(groups.map((g) => g.id).filter((id) => !keys.includes(id))))
            }
            selectable={false}
            onDrop={onDrop}
            titleRender={(node) => (
              <GroupTreeTitle
                group={node.group}
                agentName={agentName}
                onEdit={() => setEditing({ group: node.group })}
                onAddChild={() => setEditing({ parentId: node.group.id })}
              />
            )}
            data-testid="group-tree"
          />
        )}
        {move.isPending && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
            {t('common.saving')}
          </Typography.Text>
        )}
      </Card>
      <GroupFormModal
        open={editing !== null}
        group={editing?.group}
        defaultParentId={editing?.parentId ?? null}
        groups={groups}
        agents={agents}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';
import type { SavedQuery } from '../types/customerTypes';
import { SavedQueryChip } from './SavedQueryChip';

interface Props {
  queries: SavedQuery[];
  activeId: number | null;
  /** Runs a query in the list; null goes back to the list's own filters. */
  onRun: (id: number | null) => void;
  onEdit: (query: SavedQuery) => void;
}

/** 高级查询器 (manual 2.11.3.4): the agent's own and shared queries, one click runs one. */
export function SavedQueryBar({ queries, activeId, onRun, onEdit }: Props) {
  const { t } = useT();
  if (queries.length === 0) return null;
  return (
    <Flex gap={8} wrap align="center" data-testid="saved-queries">
      <Typography.Text type="secondary">{t('savedQuery.bar')}</Typography.Text>
      {queries.map((query) => (
        <SavedQueryChip
          key={query.id}
          query={query}
          active={query.id === activeId}
          onToggle={(on) => onRun(on ? query.id : null)}
          onEdit={() => onEdit(query)}
          onDeleted={() => query.id === activeId && onRun(null)}
        />
      ))}
      {activeId !== null && (
        <Button
          type="link"
          size="small"
          icon={<CloseOutlined />}
          onClick={() => onRun(null)}
          data-testid="saved-query-exit"
        >
          {t('savedQuery.exit')}
        </Button>
      )}
    </Flex>
  );
}

import { EditOutlined, PlusOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Flex, Input, type InputRef, Tooltip, Typography } from 'antd';
import { type Ref, useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT';
import { useAccess } from '../../auth/hooks/useAccess';
import type { TicketListFilter } from '../types/ticketTypes';
import { TicketTransferButtons } from './TicketTransferButtons';

interface Props {
  q: string;
  onSearch: (q: string) => void;
  searchRef: Ref<InputRef>;
  filter: TicketListFilter;
  selectedIds: number[];
  onClearSelection: () => void;
  onBatchEdit: () => void;
  onCreate: () => void;
  onHelp: () => void;
  mobile: boolean;
}

/** Search, 批量编辑 for the checked tickets, 导入 / 导出, 新建工单 and the shortcut help. */
export function TicketListToolbar({
  q,
  onSearch,
  searchRef,
  filter,
  selectedIds,
  onClearSelection,
  onBatchEdit,
  onCreate,
  onHelp,
  mobile,
}: Props) {
  const { t } = useT();
  const { can } = useAccess();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Flex align="center" gap={8} wrap style={{ flex: mobile ? '1 1 100%' : '0 1 auto' }}>
        <Input.Search
          ref={searchRef}
          allowClear
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => onSearch(value.trim())}
          placeholder={t('tickets.searchPlaceholder')}
          style={{ width: mobile ? '100%' : 280 }}
          data-testid="ticket-search"
        />
        {selectedIds.length > 0 && (
          <Flex align="center" gap={8} data-testid="ticket-selection">
            <Typography.Text>{t('tickets.selectedCount', { count: selectedIds.length })}</Typography.Text>
            {can('ticket.edit') && (
              <Button icon={<EditOutlined />} onClick={onBatchEdit} data-testid="ticket-batch-edit">
                {t('tickets.batch.open')}
              </Button>
            )}
            <Button type="link" onClick={onClearSelection}>
              {t('tickets.clearSelection')}
            </Button>
          </Flex>
        )}
      </Flex>
      <Flex gap={8} wrap>
        <TicketTransferButtons filter={filter} selectedIds={selectedIds} />
        {!mobile && (
          <Tooltip title={t('tickets.shortcuts.title')}>
            <Button
              icon={<QuestionCircleOutlined />}
              onClick={onHelp}
              aria-label={t('tickets.shortcuts.title')}
            />
          </Tooltip>
        )}
        {can('ticket.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="ticket-create">
            {t('tickets.create')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

import { Button, Empty, Flex, Input, Skeleton, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';
import type { PrintPlaceholder } from '../types/ticketSettingsTypes';

/** The Liquid placeholders by group; a click inserts one at the editor's cursor. */
export function PlaceholderList({
  placeholders,
  loading,
  onInsert,
}: {
  placeholders: PrintPlaceholder[];
  loading: boolean;
  onInsert: (value: string) => void;
}) {
  const { t } = useT();
  const [q, setQ] = useState('');
  const shown = placeholders.filter((p) => !q || p.label.includes(q) || p.value.includes(q));
  const groups = [...new Set(shown.map((p) => p.group))];

  return (
    <Flex vertical gap={8} data-testid="print-placeholders">
      <Typography.Text strong>{t('ticketSettings.print.placeholders')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ticketSettings.print.placeholdersHelp')}
      </Typography.Text>
      <Input.Search
        allowClear
        size="small"
        placeholder={t('ticketSettings.print.searchPlaceholders')}
        onChange={(e) => setQ(e.target.value)}
      />
      {loading && <Skeleton active paragraph={{ rows: 6 }} />}
      {!loading && shown.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {groups.map((group) => (
        <div key={group || '-'}>
          {group && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {group}
            </Typography.Text>
          )}
          <Flex gap={4} wrap style={{ marginTop: 4 }}>
            {shown
              .filter((p) => p.group === group)
              .map((p) => (
                <Tooltip key={p.value} title={<code>{p.value}</code>}>
                  <Button
                    size="small"
                    onClick={() => onInsert(p.value)}
                    style={{ maxWidth: '100%', height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                    data-testid={`print-placeholder-${p.value}`}
                  >
                    {p.label}
                  </Button>
                </Tooltip>
              ))}
          </Flex>
        </div>
      ))}
    </Flex>
  );
}

import { Alert, Empty, Flex, Select, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useDebouncedValue } from '../../customers/hooks/useDebouncedValue';
import { usePreviewTickets, usePrintPreview } from '../hooks/usePrintTemplates';

/**
 * The saved template rendered for a chosen ticket. The HTML is shown in an iframe sandboxed
 * without scripts or same-origin, so a template cannot run code or reach the console's session.
 */
export function PrintPreview({ templateId }: { templateId: number | undefined }) {
  const { t } = useT();
  const { token } = theme.useToken();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search, 300);
  const [ticketId, setTicketId] = useState<number>();
  const tickets = usePreviewTickets(q, templateId !== undefined);
  const preview = usePrintPreview(ticketId, templateId);

  if (templateId === undefined) {
    return <Alert type="info" showIcon title={t('ticketSettings.print.saveFirst')} />;
  }
  return (
    <Flex vertical gap={12} style={{ height: '100%' }}>
      <Select<number>
        showSearch={{ filterOption: false, onSearch: setSearch }}
        value={ticketId}
        onChange={setTicketId}
        placeholder={t('ticketSettings.print.pickTicket')}
        loading={tickets.isFetching}
        options={(tickets.data ?? []).map((tk) => ({ value: tk.id, label: `#${tk.number} ${tk.subject}` }))}
        notFoundContent={tickets.isFetching ? undefined : t('ticketSettings.print.noTickets')}
        style={{ width: '100%', maxWidth: 420 }}
        data-testid="print-preview-ticket"
      />
      {!ticketId && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticketSettings.print.pickTicketHint')} />
      )}
      {ticketId && preview.isLoading && <Skeleton active paragraph={{ rows: 8 }} />}
      {preview.error && <Alert type="error" showIcon title={describeError(preview.error, t)} />}
      {preview.data && (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ticketSettings.print.previewHint')}
          </Typography.Text>
          <iframe
            title={t('ticketSettings.print.preview')}
            sandbox=""
            srcDoc={preview.data.html}
            style={{
              width: '100%',
              minHeight: 480,
              flex: 1,
              border: `1px solid ${token.colorBorderSecondary}`,
              borderRadius: token.borderRadius,
              background: '#fff',
            }}
            data-testid="print-preview-frame"
          />
        </>
      )}
    </Flex>
  );
}

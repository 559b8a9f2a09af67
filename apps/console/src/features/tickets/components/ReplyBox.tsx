import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Segmented, Select, theme } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { type Ref, useEffect, useRef, useState } from 'react';
import { useApiError } from '../../../api/useApiError';
import { useT } from '../../../i18n/useT';
import { useMacroContext } from '../../macros/hooks/macroControllerContext';
import { useTicketLabels } from '../hooks/useTicketLabels';
import { useCommentOnTicket } from '../hooks/useTickets';
import type { Attachment, Ticket, TicketStatus } from '../types/ticketTypes';
import { textToHtml } from '../utils/richText';
import { AttachmentUpload } from './AttachmentUpload';

type Mode = 'public' | 'internal';

const AFTER: TicketStatus[] = ['open', 'pending', 'solved'];

/**
 * 回复 (manual 5.2.3): a public reply the customer sees or an internal note for colleagues, with
 * attachments and optionally the status to set with it. Ctrl+Enter sends.
 */
export function ReplyBox({ ticket, inputRef }: { ticket: Ticket; inputRef?: Ref<TextAreaRef> }) {
  const { t } = useT();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const labels = useTicketLabels();
  const [mode, setMode] = useState<Mode>('public');
  const [body, setBody] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [status, setStatus] = useState<TicketStatus | undefined>(undefined);
  const comment = useCommentOnTicket();
  const showError = useApiError();
  const internal = mode === 'internal';
  // 宏: the page's macros fill the box; a reply submits the fields form's changes with it (as Zendesk).
  const macros = useMacroContext();
  const latest = useRef({ body, mode, status });
  latest.current = { body, mode, status };
  useEffect(() => {
    macros?.bindReply({
      get: () => ({
        text: latest.current.body,
        public: latest.current.mode === 'public',
        status: latest.current.status,
      }),
      set: (reply) => {
        setBody(reply.text);
        setMode(reply.public ? 'public' : 'internal');
      },
    });
    return () => macros?.bindReply(null);
  }, [macros]);

  const send = async () => {
    if (!body.trim() || comment.isPending) return;
    let text = body;
    let isPublic = !internal;
    if (macros) {
      const submit = await macros.beforeSubmit();
      if (!submit.ok || !(await macros.saveForm())) return;
      if (submit.reply) ({ text, public: isPublic } = submit.reply);
    }
    comment.mutate(
      {
        id: ticket.id,
        body: {
          body: textToHtml(text),
          public: isPublic,
          attachments: attachments.length ? attachments : undefined,
          status,
        },
      },
      {
        onSuccess: () => {
          message.success(isPublic ? t('tickets.reply.sent') : t('tickets.reply.noteAdded'));
          setBody('');
          setAttachments([]);
          setStatus(undefined);
        },
        onError: (e) => showError(e),
      },
    );
  };

  return (
    <Card
      size="small"
      styles={{
        body: { background: internal ? token.colorWarningBg : undefined, borderRadius: token.borderRadiusLG },
      }}
      data-testid="ticket-reply"
    >
      <Flex vertical gap={8}>
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          options={[
            { value: 'public', label: t('tickets.reply.public') },
            { value: 'internal', label: t('tickets.reply.internal') },
          ]}
          data-testid="ticket-reply-mode"
        />
        <Input.TextArea
          ref={inputRef}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            }
          }}
          autoSize={{ minRows: 3, maxRows: 12 }}
          placeholder={
            internal ? t('tickets.reply.internalPlaceholder') : t('tickets.reply.publicPlaceholder')
          }
          data-testid="ticket-reply-body"
        />
        <Flex justify="space-between" align="flex-start" gap={8} wrap>
          <div style={{ minWidth: 0, flex: '1 1 160px' }}>
            <AttachmentUpload
              value={attachments}
              onChange={setAttachments}
              testId="ticket-reply-attachments"
            />
          </div>
          <Flex gap={8} align="center" wrap>
            <Select
              allowClear
              value={status}
              onChange={setStatus}
              placeholder={t('tickets.reply.keepStatus')}
              options={AFTER.map((s) => ({
                value: s,
                label: t('tickets.reply.setStatus', { status: labels.status(s) }),
              }))}
              style={{ width: 150 }}
              data-testid="ticket-reply-status"
            />
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={send}
              disabled={!body.trim()}
              loading={comment.isPending}
              data-testid="ticket-reply-send"
            >
              {internal ? t('tickets.reply.addNote') : t('tickets.reply.send')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );
}

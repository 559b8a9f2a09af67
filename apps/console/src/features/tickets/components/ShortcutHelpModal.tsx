import { Descriptions, Modal, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

const KEYS = [
  ['j', 'tickets.shortcuts.next'],
  ['k', 'tickets.shortcuts.prev'],
  ['Enter', 'tickets.shortcuts.open'],
  ['Esc', 'tickets.shortcuts.back'],
  ['r', 'tickets.shortcuts.reply'],
  ['c', 'tickets.shortcuts.create'],
  ['x', 'tickets.shortcuts.select'],
  ['/', 'tickets.shortcuts.search'],
  ['?', 'tickets.shortcuts.help'],
] as const;

/** The list of single-key shortcuts ('?'). */
export function ShortcutHelpModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('tickets.shortcuts.title')} width={420}>
      <Descriptions
        size="small"
        column={1}
        bordered
        data-testid="ticket-shortcuts"
        items={KEYS.map(([key, label]) => ({
          key,
          label: <Typography.Text keyboard>{key}</Typography.Text>,
          children: t(label),
        }))}
      />
    </Modal>
  );
}

import { Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/useT';

interface Props {
  open: boolean;
  onClose: () => void;
  onImport: (text: string, mode: 'append' | 'replace') => void;
}

/** 导入选项 of a cascade field: one path per line, levels separated by `/`. */
export function CascadeImportModal({ open, onClose, onImport }: Props) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'append' | 'replace'>('append');

  useEffect(() => {
    if (open) {
      setText('');
      setMode('append');
    }
  }, [open]);

  return (
    <Modal
      title={t('fields.cascadeImport')}
      open={open}
      onCancel={onClose}
      onOk={() => {
        onImport(text, mode);
        onClose();
      }}
      okButtonProps={{ disabled: !text.trim(), 'data-testid': 'cascade-import-submit' }}
    >
      <Typography.Paragraph type="secondary">{t('fields.cascadeImportHelp')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 14 }}
            placeholder={'北京市/海淀区\n北京市/朝阳区\n广东省/深圳市/南山区'}
            data-testid="cascade-import-text"
          />
        </Form.Item>
        <Form.Item>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            options={[
              { value: 'append', label: t('fields.cascadeAppend') },
              { value: 'replace', label: t('fields.cascadeReplace') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

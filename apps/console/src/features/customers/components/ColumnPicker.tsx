import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Drawer, Flex, Grid, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT';

export interface ColumnOption {
  key: string;
  label: string;
  /** Heading the option is listed under (系统字段 / 自定义字段 / 默认联系人). */
  section: string;
}

interface Props {
  options: ColumnOption[];
  value: string[];
  onChange: (keys: string[] | null) => void;
}

/** 列 (manual 2.11.3.5): choose the list's columns, including custom and default-contact fields. */
export function ColumnPicker({ options, value, onChange }: Props) {
  const { t } = useT();
  const mobile = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const sections = [...new Set(options.map((o) => o.section))];
  const content = (
    <Flex vertical gap={8} style={mobile ? undefined : { maxWidth: 320, maxHeight: 480, overflow: 'auto' }}>
      {sections.map((section) => (
        <div key={section}>
          <Typography.Text type="secondary">{section}</Typography.Text>
          <Checkbox.Group
            value={value}
            onChange={(keys) => {
              const inSection = new Set(options.filter((o) => o.section === section).map((o) => o.key));
              // Keep the options' order so the table does not reshuffle as boxes are ticked.
              const next = new Set([...value.filter((k) => !inSection.has(k)), ...(keys as string[])]);
              onChange(options.map((o) => o.key).filter((k) => next.has(k)));
            }}
            style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 0' }}
          >
            {options
              .filter((o) => o.section === section)
              .map((o) => (
                <Checkbox
                  key={o.key}
                  value={o.key}
                  style={{ width: 150 }}
                  data-testid={`column-option-${o.key}`}
                >
                  {o.label}
                </Checkbox>
              ))}
          </Checkbox.Group>
        </div>
      ))}
      <Button size="small" onClick={() => onChange(null)} style={{ alignSelf: 'flex-start' }}>
        {t('customers.columnsDefault')}
      </Button>
    </Flex>
  );
  const button = (
    <Button
      icon={<SettingOutlined />}
      aria-label={t('customers.columns')}
      onClick={() => setOpen(true)}
      data-testid="column-picker"
    />
  );
  // A popover does not fit beside the toolbar on a phone; a bottom drawer does.
  if (mobile)
    return (
      <>
        {button}
        <Drawer
          placement="bottom"
          open={open}
          onClose={() => setOpen(false)}
          title={t('customers.columns')}
          size="70%"
        >
          {content}
        </Drawer>
      </>
    );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={t('customers.columns')}
      content={content}
    >
      {button}
    </Popover>
  );
}

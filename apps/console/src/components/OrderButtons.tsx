import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, theme } from 'antd';
import { useT } from '../i18n/useT';

/** Up/down arrows for a row of an ordered list (touch screens cannot drag), optionally a drag handle. */
export function OrderButtons({
  first,
  last,
  onMove,
  handle = false,
}: {
  first: boolean;
  last: boolean;
  onMove: (step: -1 | 1) => void;
  /** Shows a drag handle before the arrows. */
  handle?: boolean;
}) {
  const { t } = useT();
  const { token } = theme.useToken();
  return (
    <Flex gap={0} align="center">
      {handle && (
        <HolderOutlined
          style={{ cursor: 'grab', color: token.colorTextTertiary, marginInlineEnd: 4 }}
          aria-hidden
        />
      )}
      <Tooltip title={t('fields.moveUp')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={first}
          onClick={() => onMove(-1)}
          aria-label={t('fields.moveUp')}
        />
      </Tooltip>
      <Tooltip title={t('fields.moveDown')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={last}
          onClick={() => onMove(1)}
          aria-label={t('fields.moveDown')}
        />
      </Tooltip>
    </Flex>
  );
}

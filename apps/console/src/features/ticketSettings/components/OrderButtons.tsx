import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, theme } from 'antd';
import { useT } from '../../../i18n/useT';

/** A drag handle plus up/down arrows (for touch screens, where rows cannot be dragged). */
export function OrderButtons({
  first,
  last,
  onMove,
}: {
  first: boolean;
  last: boolean;
  onMove: (step: -1 | 1) => void;
}) {
  const { t } = useT();
  const { token } = theme.useToken();
  return (
    <Flex gap={0} align="center">
      <HolderOutlined
        style={{ cursor: 'grab', color: token.colorTextTertiary, marginInlineEnd: 4 }}
        aria-hidden
      />
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

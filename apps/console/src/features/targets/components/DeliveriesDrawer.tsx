import { Drawer, Grid } from 'antd';
import type { DeliveryLog } from '../types/targetTypes';
import { DeliveryTable } from './DeliveryTable';

/** 发送记录 of one external target. */
export function DeliveriesDrawer({
  open,
  title,
  log,
  onClose,
}: {
  open: boolean;
  title: string;
  log: DeliveryLog | null;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={screens.md === false ? '100%' : 960}
      destroyOnHidden
    >
      {log && <DeliveryTable log={log} />}
    </Drawer>
  );
}

import { RocketOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/zh-CN';

/** Placeholder for modules that are granted but not built yet (chat, tickets, calls). */
export function ComingSoonPage({ title }: { title: MessageKey }) {
  const { t } = useT();
  return (
    <Result
      icon={<RocketOutlined />}
      title={t(title)}
      subTitle={t('common.comingSoon')}
      data-testid="coming-soon"
    />
  );
}

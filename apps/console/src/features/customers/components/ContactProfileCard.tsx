import { Card, Descriptions, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/useT';
import { useFields } from '../hooks/useFields';
import type { Contact } from '../types/customerTypes';
import { displayCustomValue } from './customFieldValues';

const IDENTITY_KINDS = ['wechat_openid', 'wecom_userid', 'machine_id'] as const;

/** 联系人资料: system fields under the vendor's names, identities (WeChat, machine ID) and custom fields. */
export function ContactProfileCard({ contact }: { contact: Contact }) {
  const { t } = useT();
  const { data: defs = [] } = useFields('contact');
  const words = { yes: t('customers.yes'), no: t('customers.no') };

  const system = (key: string): ReactNode => {
    if (key === 'gender') return contact.gender ? t(`contact.${contact.gender}`) : null;
    if (key === 'tags')
      return contact.tags.length ? (
        <Flex gap={4} wrap>
          {contact.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Flex>
      ) : null;
    const value = (contact as unknown as Record<string, unknown>)[key];
    return typeof value === 'string' && value ? value : null;
  };

  const items = [
    ...defs
      .filter((d) => d.system && d.key !== 'name')
      .map((d) => ({ key: d.key, label: d.label, children: system(d.key) || '—' })),
    ...IDENTITY_KINDS.map((kind) => ({
      key: kind,
      label: t(`contact.identity.${kind}`),
      children: contact.identities.find((i) => i.kind === kind)?.value ?? '—',
    })),
    ...defs
      .filter((d) => !d.system && d.enabled)
      .map((d) => ({
        key: `custom.${d.key}`,
        label: d.label,
        children: displayCustomValue(d, contact.custom[d.key], words) || '—',
      })),
  ];

  return (
    <Card size="small" title={t('customers.profile')} data-testid="contact-profile">
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 112 } }} />
    </Card>
  );
}

import { Flex, type TableColumnType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT';
import type { ColumnOption } from '../components/ColumnPicker';
import { displayCustomValue } from '../components/customFieldValues';
import type { Contact } from '../types/customerTypes';
import { useFields } from './useFields';

export const DEFAULT_CONTACT_COLUMNS = ['company', 'mobile', 'email', 'position', 'tags'];

type Column = TableColumnType<Contact> & { key: string; section?: string };
const dash = (v: string | null | undefined) => (v ? v : '—');

/** Columns of the 2C contact list: system fields under the vendor's names, company, custom fields. */
export function useContactColumns(companyNames: Map<number, string>) {
  const { t } = useT();
  const { data: defs = [] } = useFields('contact');

  return useMemo(() => {
    const words = { yes: t('customers.yes'), no: t('customers.no') };
    const system: Record<string, Column['render']> = {
      mobile: (_, c) => dash(c.mobile),
      landline: (_, c) => dash(c.landline),
      email: (_, c) => dash(c.email),
      qq: (_, c) => dash(c.qq),
      position: (_, c) => dash(c.position),
      gender: (_, c) => (c.gender ? t(`contact.${c.gender}`) : '—'),
      birthday: (_, c) => dash(c.birthday),
      idNumber: (_, c) => dash(c.idNumber),
      tags: (_, c) =>
        c.tags.length ? (
          <Flex gap={4} wrap>
            {c.tags.map((tag) => (
              <Tag key={tag}>{tag}</Tag>
            ))}
          </Flex>
        ) : (
          '—'
        ),
      notes: (_, c) => dash(c.notes),
    };
    const sectionSystem = t('customers.sectionSystem');
    const available: Column[] = [
      {
        key: 'company',
        title: t('contact.company'),
        section: sectionSystem,
        render: (_, c) =>
          c.companyId ? (
            <Link to={`/customers/companies/${c.companyId}`}>{companyNames.get(c.companyId) ?? '…'}</Link>
          ) : (
            '—'
          ),
      },
      ...defs
        .filter((d) => d.system && system[d.key])
        .map((d) => ({ key: d.key, title: d.label, section: sectionSystem, render: system[d.key] })),
      {
        key: 'createdAt',
        title: t('customers.createdAt'),
        section: sectionSystem,
        render: (_, c) => dayjs(c.createdAt).format('YYYY-MM-DD HH:mm'),
      },
      ...defs
        .filter((d) => !d.system && d.enabled)
        .map((d) => ({
          key: `custom.${d.key}`,
          title: d.label,
          section: t('customers.sectionCustom'),
          render: (_: unknown, c: Contact) => dash(displayCustomValue(d, c.custom[d.key], words)),
        })),
    ];
    const nameColumn: Column = {
      key: 'name',
      title: defs.find((d) => d.key === 'name')?.label ?? t('contact.name'),
      fixed: 'left',
      render: (_, c) => (
        <Flex gap={6} align="center">
          <Link to={`/customers/contacts/${c.id}`} data-testid={`contact-link-${c.id}`}>
            {c.name}
          </Link>
          {c.isPrimary && c.companyId && <Tag color="blue">{t('customers.primaryTag')}</Tag>}
        </Flex>
      ),
    };
    const options: ColumnOption[] = available.map((c) => ({
      key: c.key,
      label: String(c.title),
      section: c.section ?? sectionSystem,
    }));
    const build = (visible: string[]): Column[] => [
      nameColumn,
      ...available.filter((c) => visible.includes(c.key)).map(({ section: _s, ...c }) => c),
    ];
    return { options, build };
  }, [defs, companyNames, t]);
}

import type { ConditionField, ConditionFieldType, FieldDefinition, FieldType } from '@yidan/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type ConditionColumns, customFieldExpression } from '../../platform/rules/compile.js';
import { companies } from './schema.js';

/** How each custom field type is queried; attachments and locations are not queryable. */
const CONDITION_TYPE: Partial<Record<FieldType, ConditionFieldType>> = {
  text: 'text',
  textarea: 'text',
  regex: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  integer: 'integer',
  decimal: 'number',
  select: 'select',
  multiselect: 'multiselect',
  checkbox: 'boolean',
  date: 'date',
  datetime: 'datetime',
  cascade: 'multiselect',
};

const label = (zh: string, en: string) => ({ zh, en });

/** The default contact's column, as a scalar expression usable in a company query. */
const defaultContact = (column: string): SQL =>
  sql`(select ${sql.raw(`dc.${column}`)} from contacts dc where dc.vendor_id = "companies"."vendor_id"
    and dc.company_id = "companies"."id" order by dc.is_primary desc, dc.id limit 1)`;

/**
 * The company query catalogue (系统字段 + 自定义字段 + 默认联系人): the same list drives the console's
 * condition builder, validation and the SQL compiler.
 */
export function companyQueryFields(
  customFields: FieldDefinition[],
  packages: string[],
): { fields: ConditionField[]; columns: ConditionColumns } {
  const fields: ConditionField[] = [];
  const columns: Record<string, SQL> = {};
  const add = (
    key: string,
    type: ConditionFieldType,
    l: { zh: string; en: string },
    column: SQL,
    options?: ConditionField['options'],
  ) => {
    fields.push({ key, type, label: l, ...(options ? { options } : {}) });
    columns[key] = column;
  };
  const c = (col: keyof typeof companies.$inferSelect) => sql`${companies[col]}`;
  add('company.name', 'text', label('公司名称', 'Company name'), c('name'));
  add('company.phone', 'text', label('电话', 'Phone'), c('phone'));
  add('company.address', 'text', label('地址', 'Address'), c('address'));
  add('company.province', 'text', label('省份', 'Province'), c('province'));
  add('company.city', 'text', label('城市', 'City'), c('city'));
  add('company.website', 'text', label('网址', 'Website'), c('website'));
  add(
    'company.package',
    'select',
    label('服务包', 'Service package'),
    c('package'),
    packages.map((p) => ({ value: p, label: label(p, p) })),
  );
  add('company.serviceStart', 'date', label('服务开始日期', 'Service start'), c('serviceStart'));
  add('company.serviceEnd', 'date', label('服务到期日期', 'Service end'), c('serviceEnd'));
  add('company.serviceCode', 'text', label('服务验证码', 'Service code'), c('serviceCode'));
  add('company.ownerAgentId', 'id', label('受理客服', 'Owner agent'), c('ownerAgentId'));
  add('company.ownerGroupId', 'id', label('受理客服组', 'Owner group'), c('ownerGroupId'));
  add('company.groupId', 'id', label('客户组', 'Customer group'), c('groupId'));
  add('company.tags', 'tags', label('标签', 'Tags'), c('tags'));
  add('company.source', 'text', label('来源', 'Source'), c('source'));
  add('company.notes', 'text', label('备注', 'Notes'), c('notes'));
  add('company.createdAt', 'datetime', label('创建时间', 'Created'), c('createdAt'));
  add('contact.name', 'text', label('默认联系人', 'Default contact'), defaultContact('name'));
  add('contact.mobile', 'text', label('默认联系人手机', 'Default contact mobile'), defaultContact('mobile'));
  add('contact.email', 'text', label('默认联系人邮箱', 'Default contact e-mail'), defaultContact('email'));
  for (const f of customFields) {
    const type = CONDITION_TYPE[f.type];
    if (f.system || !f.enabled || !type) continue;
    const options =
      f.type === 'select' || f.type === 'multiselect'
        ? f.options.map((o) => ({ value: o.value, label: label(o.label, o.label) }))
        : undefined;
    add(
      `company.custom.${f.key}`,
      type,
      label(f.label, f.label),
      customFieldExpression(companies.custom, f.key, type),
      options,
    );
  }
  return { fields, columns };
}

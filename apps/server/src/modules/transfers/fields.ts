import type { FieldDefinition, ImportEntity } from '@yidan/contracts';
import type { FieldError } from '../../platform/http/errors.js';

/** How a column's text becomes a field value. */
export type ImportKind =
  | 'text'
  | 'date'
  | 'tags'
  | 'gender'
  | 'agent'
  | 'group'
  | 'customerGroup'
  | 'region'
  | 'custom'
  | 'ticketStatus'
  | 'ticketPriority'
  | 'ticketType'
  | 'contactMobile'
  | 'companyName'
  | 'template'
  | 'datetime';

/** A field a file column can be mapped to. */
export interface ImportField {
  /** "name", "serviceEnd", "contacts.mobile", "custom.industry" … */
  key: string;
  label: string;
  required: boolean;
  kind: ImportKind;
  /** Other headers people use for it (the manual's templates and our own exports). */
  aliases: string[];
  def?: FieldDefinition;
}

type Base = Omit<ImportField, 'required' | 'def'> & { required?: boolean };

const COMPANY: Base[] = [
  {
    key: 'name',
    label: '公司名称',
    kind: 'text',
    aliases: ['名称', '客户名称', '公司', '企业名称', '单位名称', '客户'],
    required: true,
  },
  { key: 'phone', label: '电话', kind: 'text', aliases: ['公司电话', '总机', '企业电话'] },
  { key: 'address', label: '地址', kind: 'text', aliases: ['公司地址', '详细地址', '通讯地址'] },
  { key: 'province', label: '省', kind: 'text', aliases: ['省份'] },
  { key: 'city', label: '市', kind: 'text', aliases: ['城市'] },
  { key: 'region', label: '地区', kind: 'region', aliases: ['省市', '所在地区'] },
  { key: 'website', label: '网址', kind: 'text', aliases: ['公司网址', '网站', '官网'] },
  { key: 'package', label: '服务包', kind: 'text', aliases: ['服务套餐', '套餐'] },
  {
    key: 'serviceStart',
    label: '服务开始日期',
    kind: 'date',
    aliases: ['开始时间', '开始日期', '服务开始', '服务开始时间'],
  },
  {
    key: 'serviceEnd',
    label: '服务到期日期',
    kind: 'date',
    aliases: [
      '结束时间',
      '结束日期',
      '到期日期',
      '到期时间',
      '服务到期',
      '服务结束',
      '服务结束日期',
      '服务到期时间',
    ],
  },
  { key: 'serviceCode', label: '服务验证码', kind: 'text', aliases: ['验证码'] },
  { key: 'serviceAccount', label: '服务账号', kind: 'text', aliases: ['账号名称', '账号', '服务帐号'] },
  { key: 'servicePassword', label: '服务密码', kind: 'text', aliases: ['账号密码', '密码'] },
  { key: 'ownerAgentId', label: '受理客服', kind: 'agent', aliases: ['负责客服', '客服', '负责人'] },
  { key: 'ownerGroupId', label: '受理客服组', kind: 'group', aliases: ['客服组', '负责组'] },
  { key: 'groupId', label: '客户组', kind: 'customerGroup', aliases: ['客户分组', '分组'] },
  { key: 'tags', label: '标签', kind: 'tags', aliases: ['客户标签'] },
  { key: 'source', label: '来源', kind: 'text', aliases: ['客户来源'] },
  { key: 'notes', label: '备注', kind: 'text', aliases: ['公司备注', '客户备注'] },
  { key: 'externalId', label: '外部编号', kind: 'text', aliases: ['外部id', 'crm编号', '客户编号'] },
  {
    key: 'contacts.name',
    label: '联系人姓名',
    kind: 'text',
    aliases: ['联系人', '联系人名称', '默认联系人', '姓名'],
  },
  {
    key: 'contacts.mobile',
    label: '联系人手机',
    kind: 'text',
    aliases: ['手机', '手机号', '手机号码', '移动电话', '联系人手机号'],
  },
  { key: 'contacts.landline', label: '联系人座机', kind: 'text', aliases: ['座机', '固定电话', '联系电话'] },
  {
    key: 'contacts.email',
    label: '联系人邮箱',
    kind: 'text',
    aliases: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail'],
  },
  { key: 'contacts.qq', label: '联系人QQ', kind: 'text', aliases: ['qq', 'qq号', 'qq号码'] },
  { key: 'contacts.position', label: '联系人职位', kind: 'text', aliases: ['职位', '职务'] },
  { key: 'contacts.gender', label: '联系人性别', kind: 'gender', aliases: ['性别'] },
  { key: 'contacts.notes', label: '联系人备注', kind: 'text', aliases: [] },
];

const CONTACT: Base[] = [
  {
    key: 'companyName',
    label: '公司名称',
    kind: 'text',
    aliases: ['公司', '所属公司', '客户名称', '单位名称'],
  },
  { key: 'name', label: '姓名', kind: 'text', aliases: ['联系人', '联系人姓名', '联系人名称', '名称'] },
  { key: 'mobile', label: '手机号', kind: 'text', aliases: ['手机', '手机号码', '移动电话', '联系人手机'] },
  { key: 'landline', label: '座机', kind: 'text', aliases: ['固定电话', '联系电话', '电话'] },
  { key: 'email', label: '邮箱', kind: 'text', aliases: ['电子邮箱', '电子邮件', 'email', 'e-mail'] },
  { key: 'qq', label: 'QQ', kind: 'text', aliases: ['qq号', 'qq号码', '联系人qq'] },
  { key: 'position', label: '职位', kind: 'text', aliases: ['职务'] },
  { key: 'gender', label: '性别', kind: 'gender', aliases: [] },
  { key: 'birthday', label: '出生日期', kind: 'date', aliases: ['生日'] },
  { key: 'idNumber', label: '身份证号', kind: 'text', aliases: ['身份证', '身份证号码'] },
  { key: 'tags', label: '标签', kind: 'tags', aliases: [] },
  { key: 'notes', label: '备注', kind: 'text', aliases: ['联系人备注'] },
  { key: 'externalId', label: '外部编号', kind: 'text', aliases: ['外部id', 'crm编号'] },
  { key: 'wechatOpenid', label: '微信openid', kind: 'text', aliases: ['openid'] },
  { key: 'wecomUserid', label: '企业微信账号', kind: 'text', aliases: ['企业微信'] },
  { key: 'machineId', label: '机器码', kind: 'text', aliases: ['机器id'] },
];

/** Ticket columns (manual 5.2.5): the system fields, people by name, the customer by mobile or name. */
const TICKET: Base[] = [
  {
    key: 'subject',
    label: '标题',
    kind: 'text',
    aliases: ['工单标题', '主题', '工单主题', '问题标题'],
    required: true,
  },
  { key: 'description', label: '描述', kind: 'text', aliases: ['工单描述', '问题描述', '详细描述', '内容'] },
  { key: 'status', label: '状态', kind: 'ticketStatus', aliases: ['工单状态'] },
  { key: 'priority', label: '优先级', kind: 'ticketPriority', aliases: ['工单优先级', '紧急程度'] },
  { key: 'type', label: '类型', kind: 'ticketType', aliases: ['工单类型'] },
  { key: 'tags', label: '标签', kind: 'tags', aliases: ['工单标签'] },
  {
    key: 'assigneeId',
    label: '客服',
    kind: 'agent',
    aliases: ['受理客服', '处理人', '负责客服', '处理客服'],
  },
  { key: 'groupId', label: '客服组', kind: 'group', aliases: ['受理客服组', '处理组', '负责组'] },
  {
    key: 'contactMobile',
    label: '联系人手机',
    kind: 'contactMobile',
    aliases: ['手机', '手机号', '手机号码', '联系电话', '客户手机', '联系人手机号'],
  },
  {
    key: 'companyId',
    label: '公司',
    kind: 'companyName',
    aliases: ['公司名称', '客户名称', '客户', '单位名称'],
  },
  { key: 'templateId', label: '工单模板', kind: 'template', aliases: ['模板'] },
  {
    key: 'createdAt',
    label: '创建时间',
    kind: 'datetime',
    aliases: ['提交时间', '创建日期', '工单创建时间'],
  },
];

const BASE: Record<ImportEntity, Base[]> = { companies: COMPANY, contacts: CONTACT, tickets: TICKET };

/**
 * The fields an entity's columns can map to: system fields (with the vendor's own labels when
 * renamed) and the enabled custom fields.
 */
export function importFields(entity: ImportEntity, own: FieldDefinition[]): ImportField[] {
  const labelOf = new Map(own.filter((d) => d.system).map((d) => [d.key, d.label]));
  const base = BASE[entity].map((f) => {
    const renamed = labelOf.get(f.key);
    const aliases = renamed && renamed !== f.label ? [f.label, ...f.aliases] : f.aliases;
    return { ...f, label: renamed ?? f.label, aliases, required: f.required ?? false };
  });
  const custom = own
    .filter((d) => !d.system && d.enabled)
    .map((d) => ({
      key: `custom.${d.key}`,
      label: d.label,
      required: false,
      kind: 'custom' as const,
      aliases: [d.key],
      def: d,
    }));
  return [...base, ...custom];
}

/** 公司名称(必填) → 公司名称; spaces, marks of required columns and case do not matter. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[（(]\s*(必填|必选|选填|可选)\s*[)）]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** Header → field key for the headers that match a field's label, key or alias; each field once. */
export function autoMatch(header: string[], fields: ImportField[]): Record<string, string> {
  const index = new Map<string, string>();
  for (const f of fields) {
    for (const name of [f.label, f.key, ...f.aliases]) {
      const n = normalizeHeader(name);
      if (!index.has(n)) index.set(n, f.key);
    }
  }
  const used = new Set<string>();
  const mapping: Record<string, string> = {};
  for (const h of header) {
    const key = index.get(normalizeHeader(h));
    if (key && !used.has(key)) {
      used.add(key);
      mapping[h] = key;
    }
  }
  return mapping;
}

/** Checks a mapping against the file's header and the fields; returns the field errors (path mapping.<header>). */
export function checkMapping(
  entity: ImportEntity,
  header: string[],
  mapping: Record<string, string>,
  fields: ImportField[],
  customerMode: '2b' | '2c',
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [column, key] of Object.entries(mapping)) {
    if (!key) continue;
    const path = `mapping.${column}`;
    if (!header.includes(column)) errors.push({ path, message: 'mapping_unknown_column' });
    else if (!fields.some((f) => f.key === key)) errors.push({ path, message: 'mapping_unknown_field' });
    else if (seen.has(key)) errors.push({ path, message: 'mapping_duplicate_field' });
    seen.add(key);
  }
  const needs: string[][] =
    entity === 'tickets'
      ? [['subject']]
      : entity === 'companies'
        ? [['name', 'externalId', 'serviceCode']]
        : [['name', 'mobile', 'email'], ...(customerMode === '2b' ? [['companyName']] : [])];
  for (const anyOf of needs) {
    if (!anyOf.some((k) => seen.has(k)))
      errors.push({ path: `mapping.${anyOf[0]}`, message: 'mapping_required' });
  }
  return errors;
}

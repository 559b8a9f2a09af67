/** Modules an agent can be granted (manual 2.10.1: 在线客服, 工单, 呼叫中心). */
export const MODULE_GRANTS = ['chat', 'ticket', 'call'] as const;
export type ModuleGrant = (typeof MODULE_GRANTS)[number];

/** Vendor-level feature switches (manual 2.5 功能开关): a switched-off feature is hidden for everyone. */
export const FEATURES = [
  'chat',
  'ticket',
  'call',
  'remote',
  'customerStats',
  'reports',
  'subVendors',
  'linkedVendors',
  'knowledge',
  'quality',
  'billing',
  'field',
] as const;
export type Feature = (typeof FEATURES)[number];

export const DATA_SCOPES = ['own', 'groups', 'all'] as const;
export type DataScope = (typeof DATA_SCOPES)[number];

/**
 * Role permission keys grouped like the manual (2.10.3): FAQ, 工单, 客户管理, 客服管理, 服务记录,
 * 统计, 监控, 下级服务商, 增值服务, 其他. Later modules add keys to their group here.
 */
export const PERMISSION_GROUPS = {
  faq: ['faq.view', 'faq.manage'],
  ticket: [
    'ticket.view',
    'ticket.create',
    'ticket.edit',
    'ticket.delete',
    'ticket.import',
    'ticket.export',
    'ticket.settings',
  ],
  customer: [
    'customer.view',
    'customer.create',
    'customer.edit',
    'customer.delete',
    'customer.import',
    'customer.export',
    'customer.settings',
  ],
  org: ['org.agents', 'org.groups', 'org.roles', 'org.shifts', 'org.settings'],
  record: ['record.view', 'record.export'],
  report: ['report.view', 'report.export'],
  monitor: ['monitor.view'],
  subVendor: ['subVendor.view'],
  valueAdded: ['valueAdded.manage'],
  other: ['apiTokens.manage'],
} as const;

export type PermissionGroup = keyof typeof PERMISSION_GROUPS;
export type Permission = (typeof PERMISSION_GROUPS)[PermissionGroup][number];
export const PERMISSIONS: readonly Permission[] = Object.values(PERMISSION_GROUPS).flat();

/** Which module grant a permission depends on (a role cannot lift a missing grant). */
export const PERMISSION_MODULE: Partial<Record<Permission, ModuleGrant>> = {
  'ticket.view': 'ticket',
  'ticket.create': 'ticket',
  'ticket.edit': 'ticket',
  'ticket.delete': 'ticket',
  'ticket.import': 'ticket',
  'ticket.export': 'ticket',
  'ticket.settings': 'ticket',
};

/** Permissions of the default 普通客服 role created for every vendor. */
export const DEFAULT_AGENT_PERMISSIONS: Permission[] = [
  'faq.view',
  'ticket.view',
  'ticket.create',
  'ticket.edit',
  'customer.view',
  'customer.create',
  'customer.edit',
  'record.view',
];
